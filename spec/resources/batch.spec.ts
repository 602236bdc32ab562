import { firstValueFrom, lastValueFrom, of, toArray } from 'rxjs';
import { APIConnectionError, InvalidParamError } from '../../lib/errors.js';
import { BATCH_CHUNK_SIZE, type BatchResult, deleteFiles, storeFiles } from '../../lib/resources/batch.js';
import { File } from '../../lib/resources/file.js';
import { FileList } from '../../lib/resources/file-list.js';
import { countingClient, type CountingClient } from './support/clients.js';
import { uploadTestFiles } from './support/uploads.js';

function randomUuid(i: number): string {
  return `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
}

describe('storeFiles / deleteFiles against the emulator', () => {
  let client: CountingClient;
  let uuids: string[];

  beforeEach(async () => {
    client = countingClient();
    uuids = await uploadTestFiles(3);
  });

  const storageCalls = (): { method: string; data: unknown }[] =>
    client.calls.filter((call) => call.path === 'files/storage/').map(({ method, data }) => ({ method, data }));

  it('sends chunks of 100 and reports each file, problems included, in input order', async () => {
    const missing = Array.from({ length: 200 }, (_, i) => randomUuid(i));
    const input = [uuids[0]!, 'not-a-uuid', ...missing.slice(0, 120), new File(uuids[1]!, client), ...missing.slice(120), `https://ucarecdn.com/${uuids[2]!}/-/flip/`];
    const results = await lastValueFrom(storeFiles(input, client).pipe(toArray()));
    expect(results.length).toBe(input.length);
    expect(results.map((result) => result.uuid)).toEqual([uuids[0]!, 'not-a-uuid', ...missing.slice(0, 120), uuids[1]!, ...missing.slice(120), uuids[2]!]);
    const calls = storageCalls();
    expect(calls.length).toBe(3);
    for (const call of calls) {
      expect(call.method).toBe('PUT');
      expect((call.data as string[]).length).toBeLessThanOrEqual(BATCH_CHUNK_SIZE);
    }
    const ok = results.filter((result) => result.ok);
    expect(ok.map((result) => result.uuid)).toEqual(uuids);
    for (const result of ok) expect(result.ok && result.info.datetime_stored).toBeTruthy();
    const invalid = results[1] as Extract<BatchResult, { ok: false }>;
    expect(invalid.ok).toBeFalse();
    expect(invalid.error).toBeInstanceOf(InvalidParamError);
    const ghost = results[2] as Extract<BatchResult, { ok: false }>;
    expect(ghost.problem).toEqual(jasmine.any(String));
    expect(ghost.error).toBeUndefined();
    expect(await firstValueFrom(new File(uuids[0]!, client).isStored())).toBeTrue();
  });

  it('updates the cached info of File inputs', async () => {
    const file = new File(uuids[0]!, client);
    await firstValueFrom(file.info());
    const [result] = await lastValueFrom(storeFiles([file], client).pipe(toArray()));
    expect(result!.ok && result!.file).toBe(file);
    const calls = client.calls.length;
    expect(await firstValueFrom(file.isStored())).toBeTrue();
    expect(client.calls.length).toBe(calls);
  });

  it('keeps the successes when a chunk request fails: that chunk\'s files fail with the error', async () => {
    const input = [...Array.from({ length: 100 }, (_, i) => randomUuid(i)), ...uuids];
    client.failNext = 1;
    const results = await lastValueFrom(storeFiles(input, client).pipe(toArray()));
    expect(results.length).toBe(103);
    const failedChunk = results.slice(0, 100);
    expect(failedChunk.every((result) => !result.ok && result.error instanceof APIConnectionError)).toBeTrue();
    expect(results.slice(100).every((result) => result.ok)).toBeTrue();
  });

  it('deletes in batch', async () => {
    const results = await lastValueFrom(deleteFiles(of(...uuids), client).pipe(toArray()));
    expect(results.every((result) => result.ok && result.info.datetime_removed !== null)).toBeTrue();
    expect(storageCalls()).toEqual([{ method: 'DELETE', data: uuids }]);
    expect(await firstValueFrom(new File(uuids[1]!, client).isRemoved())).toBeTrue();
  });

  it('takes a stream, e.g. a FileList, and sends nothing until subscribed', async () => {
    await new Promise((resolve) => setTimeout(resolve, 5));
    const start = new Date();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const more = await uploadTestFiles(2);
    const batch$ = storeFiles(new FileList({ since: start, stored: false }, client), client);
    expect(client.calls).toEqual([]);
    const results = await lastValueFrom(batch$.pipe(toArray()));
    expect(results.map((result) => result.uuid)).toEqual(more);
    expect(results.every((result) => result.ok)).toBeTrue();
  });

  it('emits nothing for no files', async () => {
    expect(await lastValueFrom(storeFiles([], client).pipe(toArray()))).toEqual([]);
    expect(client.calls).toEqual([]);
  });
});
