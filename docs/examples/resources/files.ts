// Runnable example of docs/files.md (spec/resources/docs-examples.spec.ts runs it against the emulator).
// In an application, import from 'rxuploadcare' instead of the library's sources.
import { firstValueFrom, forkJoin, lastValueFrom, toArray } from 'rxjs';
import { File, storeFiles, type Uploadcare } from '../../../lib/index.js';

/** What a file says about itself, from one cached info request. */
export async function describeFile(uc: Uploadcare, cdnUrl: string): Promise<string> {
  const file = new File(cdnUrl, uc); // parses the UUID and effects; no request
  const { name, size, stored } = await firstValueFrom(
    forkJoin({ name: file.filename(), size: file.size(), stored: file.isStored() }), // one GET files/<uuid>/
  );
  return `${name} (${size} bytes, ${stored ? 'stored' : 'not stored'}) at ${file.cdnUrl}`;
}

/** Stores a file, copies it with one more effect, and tags the copy. */
export async function storeCopyAndTag(uc: Uploadcare, uuid: string): Promise<File> {
  const file = new File(uuid, uc);
  await firstValueFrom(file.store());
  const copy = await firstValueFrom(file.copy({ effects: 'preview/', store: true })); // files/local_copy/
  await firstValueFrom(copy.setMetadata('source', file.uuid));
  return copy;
}

/** Stores any number of files, 100 per request; returns the UUIDs that failed with their problems. */
export async function storeAll(uc: Uploadcare, uuids: readonly string[]): Promise<Record<string, string>> {
  const results = await lastValueFrom(storeFiles(uuids, uc).pipe(toArray()));
  return Object.fromEntries(results.flatMap((result) => (result.ok ? [] : [[result.uuid, result.problem]])));
}

/** Tags a file, then swaps one tag for another in one request; returns the tags after. */
export async function retag(uc: Uploadcare, uuid: string): Promise<readonly string[]> {
  const file = new File(uuid, uc);
  await firstValueFrom(file.setTags(['Draft', 'photo'])); // PUT files/<uuid>/tags/: stored as ['draft', 'photo']
  const { tags } = await firstValueFrom(file.updateTags({ remove: ['draft'], add: ['published'] })); // PATCH
  return tags;
}
