// Runnable example of docs/lists.md (spec/resources/docs-examples.spec.ts runs it against the emulator).
import { firstValueFrom, lastValueFrom, map, take, toArray } from 'rxjs';
import { FileList, GroupList, type Uploadcare } from '../../../lib/index.js';

/** The newest `n` files' names: `until` lists newest first, `take` stops the paging. */
export function newestNames(uc: Uploadcare, n: number): Promise<string[]> {
  return lastValueFrom(
    new FileList({ until: new Date() }, uc).pipe(
      take(n),
      map((file) => file.uuid),
      toArray(),
    ),
  );
}

/** Total size of the stored files, page by page, pulled by `for await` (one page ahead at most). */
export async function storedBytes(uc: Uploadcare): Promise<number> {
  let bytes = 0;
  for await (const file of new FileList({ stored: true, requestLimit: 1000 }, uc)) {
    bytes += (await firstValueFrom(file.info())).size; // cached from the list: no request per file
  }
  return bytes;
}

/** How many stored files and groups the project has: one small request each. */
export async function counts(uc: Uploadcare): Promise<{ stored: number; groups: number }> {
  const stored = await firstValueFrom(new FileList({ stored: true }, uc).count());
  const groups = await firstValueFrom(new GroupList({}, uc).count());
  return { stored, groups };
}
