// Runnable example of docs/groups.md (spec/resources/docs-examples.spec.ts runs it against the emulator).
import { firstValueFrom, lastValueFrom, toArray } from 'rxjs';
import { File, FileGroup, type Uploadcare } from '../../../lib/index.js';

/** Groups files (the second one resized), stores the group, and lists the members' CDN URLs. */
export async function groupAndStore(uc: Uploadcare, uuids: readonly string[]): Promise<string[]> {
  const files = uuids.map((uuid) => new File(uuid, uc));
  if (files[1]) files[1].defaultEffects = 'resize/x800/';
  const group = await firstValueFrom(FileGroup.create(files, uc)); // Upload API group/
  await firstValueFrom(group.store()); // stores the files in batch: REST v0.7 has no group storage
  const members = await lastValueFrom(group.files().pipe(toArray())); // File, or null for a deleted file
  return members.map((file) => file?.cdnUrl ?? 'deleted');
}

/** The same walk with `for await`. */
export async function memberNames(uc: Uploadcare, groupId: string): Promise<string[]> {
  const names: string[] = [];
  for await (const file of new FileGroup(groupId, uc)) {
    names.push(file ? await firstValueFrom(file.filename()) : '(deleted)');
  }
  return names;
}
