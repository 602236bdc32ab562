import { firstValueFrom, lastValueFrom } from 'rxjs';
import { InvalidParamError, InvalidRequestError } from '../../lib/errors.js';
import { File } from '../../lib/resources/file.js';
import { getFileTags, replaceFileTags, updateFileTags } from '../../lib/resources/file-tags.js';
import { normalizeTags } from '../../lib/resources/tag-rules.js';
import { uploadFromUrlSync } from '../../lib/upload/from-url.js';
import { toFile } from '../../lib/upload/to-file.js';
import { uploadFile } from '../../lib/upload/upload-file.js';
import { testEnv } from '../support/test-env.js';
import { lastRequestId, patternBytes, requestsSince } from '../upload/support/emulator-control.js';
import { countingClient, type CountingClient } from './support/clients.js';
import { uploadTestFile } from './support/uploads.js';

describe('file tags against the emulator', () => {
  let client: CountingClient;
  let uuid: string;

  beforeEach(async () => {
    client = countingClient();
    uuid = await uploadTestFile('tag me');
  });

  it('reads, replaces and updates tags; Uploadcare normalizes them', async () => {
    const file = new File(uuid, client);
    expect(await firstValueFrom(file.tags())).toEqual([]);
    expect(await firstValueFrom(file.setTags(['Summer', ' cat ', 'CAT']))).toEqual({ tags: ['summer', 'cat'], added: ['cat', 'summer'], deleted: [] });
    expect(await firstValueFrom(file.updateTags({ add: ['dog'], remove: ['summer'] }))).toEqual({ tags: ['cat', 'dog'], added: ['dog'], deleted: ['summer'] });
    expect(await firstValueFrom(getFileTags(`${testEnv().emulatorUrl}/${uuid}/-/resize/2x/`, client))).toEqual(['cat', 'dog']);
    expect((await firstValueFrom(file.updateInfo())).tags).toEqual(['cat', 'dog']);
    expect(client.calls.map((call) => `${call.method} ${call.path}`)).toEqual([
      `GET files/${uuid}/tags/`,
      `PUT files/${uuid}/tags/`,
      `PATCH files/${uuid}/tags/`,
      `GET files/${uuid}/tags/`,
      `GET files/${uuid}/`,
    ]);
    expect(client.calls[2]!.data).toEqual({ add: ['dog'], delete: ['summer'] });
  });

  it('keeps the cached info in step with a change, without asking again', async () => {
    const file = new File(uuid, client);
    expect((await firstValueFrom(file.info())).tags).toEqual([]);
    await firstValueFrom(file.setTags(['one']));
    expect((await firstValueFrom(file.info())).tags).toEqual(['one']);
    await firstValueFrom(file.updateTags({ add: ['two'] }));
    expect((await firstValueFrom(file.info())).tags).toEqual(['one', 'two']);
    expect(client.calls.filter((call) => call.method === 'GET').length).toBe(1);
  });

  it('clears every tag with []', async () => {
    await firstValueFrom(replaceFileTags(uuid, ['a', 'b'], client));
    expect(await firstValueFrom(replaceFileTags(uuid, [], client))).toEqual({ tags: [], added: [], deleted: ['a', 'b'] });
  });

  it('refuses tags Uploadcare would refuse before any request', async () => {
    const file = new File(uuid, client);
    const attempts = [
      file.setTags(['two words!']),
      file.setTags(['x'.repeat(101)]),
      file.setTags(Array.from({ length: 51 }, (_, i) => `t${i}`)),
      file.setTags('cat' as unknown as string[]),
      file.setTags([3] as unknown as string[]),
      file.updateTags({ add: ['ok'], remove: ['n/a'] }),
      file.updateTags({ add: ['ok'], delete: ['x'] } as never),
      updateFileTags('not a uuid', { add: ['ok'] }, client),
    ];
    for (const attempt of attempts) await expectAsync(firstValueFrom(attempt)).toBeRejectedWithError(InvalidParamError);
    expect(client.calls).toEqual([]);
  });

  it('reports a change the service refuses (over 50 tags after adding) as an InvalidRequestError with the answer', async () => {
    await firstValueFrom(replaceFileTags(uuid, Array.from({ length: 50 }, (_, i) => `t${i}`), client));
    const error = await firstValueFrom(updateFileTags(uuid, { add: ['one-more'] }, client)).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as InvalidRequestError).status).toBe(400);
    expect((error as InvalidRequestError).body).toEqual({ detail: 'Too many tags: 51 (max 50).' });
  });

  it('tags direct, multipart and from-URL uploads', async () => {
    const direct = await lastValueFrom(uploadFile(patternBytes(100), { filename: 'd.bin', tags: ['Direct', 'small'] }, client).pipe(toFile()));
    const multipart = await lastValueFrom(uploadFile(patternBytes(10 * 1024 * 1024), { filename: 'm.bin', tags: ['big'] }, client).pipe(toFile()));
    const fetched = await lastValueFrom(uploadFromUrlSync(`${testEnv().emulatorUrl}/${uuid}/`, { tags: ['fetched'] }, client));
    expect(await firstValueFrom(direct.tags())).toEqual(['direct', 'small']);
    expect(await firstValueFrom(multipart.tags())).toEqual(['big']);
    expect(await firstValueFrom(fetched.tags())).toEqual(['fetched']);
    const sent = client.calls.filter((call) => call.api === 'upload' && call.method === 'POST' && call.path !== 'multipart/complete/');
    expect(sent.map((call) => (call.data as Record<string, unknown>)['tags'])).toEqual(['Direct,small', 'big', 'fetched']);
  });

  it('refuses bad upload tags before any request', async () => {
    const since = await lastRequestId(testEnv().emulatorUrl);
    await expectAsync(lastValueFrom(uploadFile(patternBytes(10), { tags: ['a,b'] }, client))).toBeRejectedWithError(InvalidParamError);
    await expectAsync(lastValueFrom(uploadFromUrlSync('https://example.com/x', { tags: ['@'] }, client))).toBeRejectedWithError(InvalidParamError);
    expect(await requestsSince(testEnv().emulatorUrl, since)).toEqual([]);
  });

  it('normalizes as the service documents', () => {
    expect(normalizeTags(['z', 'A', ' m ', 'a', '', 'Z'])).toEqual(['z', 'a', 'm']);
  });
});
