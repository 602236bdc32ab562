import { startEmulator, type RunningEmulator } from '../../lib/index.js';
import { patternBytes, postForm, PUBLIC_KEY } from '../upload/upload-api-helpers.js';

describe('emulator CDN and file state', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
  });

  afterAll(async () => {
    await emulator.close();
  });

  async function upload(): Promise<string> {
    const answer = await postForm('/base/?jsonerrors=1', { UPLOADCARE_PUB_KEY: PUBLIC_KEY, file: { bytes: patternBytes(100), filename: 'f.bin' } }, emulator.url);
    return answer.json['file'] as string;
  }

  it('answers 404 once a file is removed, directly and through its group', async () => {
    const uuid = await upload();
    const group = await postForm('/group/?jsonerrors=1', { pub_key: PUBLIC_KEY, 'files[]': uuid }, emulator.url);
    const groupUrl = `${group.json['cdn_url'] as string}nth/0/`;
    expect((await fetch(`${emulator.url}/${uuid}/`)).status).toBe(200);
    expect((await fetch(groupUrl)).status).toBe(200);

    emulator.store.updateFile(uuid, { datetimeRemoved: new Date() });
    expect((await fetch(`${emulator.url}/${uuid}/`)).status).toBe(404);
    expect((await fetch(groupUrl)).status).toBe(404);
    const info = await postForm('/group/?jsonerrors=1', { pub_key: PUBLIC_KEY, 'files[]': uuid }, emulator.url);
    expect((info.json['error'] as { error_code: string }).error_code).toBe('GroupFilesNotFoundError');
    const groupInfo = await fetch(`${emulator.url}/group/info/?pub_key=${PUBLIC_KEY}&group_id=${group.json['id'] as string}`);
    expect(((await groupInfo.json()) as { files: unknown[] }).files).toEqual([null]);
  });

  it('answers 304 to a matching If-None-Match and honours If-Range', async () => {
    const uuid = await upload();
    const first = await fetch(`${emulator.url}/${uuid}/`);
    const etag = first.headers.get('ETag')!;
    expect((await fetch(`${emulator.url}/${uuid}/`, { headers: { 'If-None-Match': etag } })).status).toBe(304);
    expect((await fetch(`${emulator.url}/${uuid}/`, { headers: { Range: 'bytes=0-1', 'If-Range': etag } })).status).toBe(206);
    expect((await fetch(`${emulator.url}/${uuid}/`, { headers: { Range: 'bytes=0-1', 'If-Range': '"other"' } })).status).toBe(200);
  });

  it('refuses paths that are not a file, a group member or an effects chain', async () => {
    const uuid = await upload();
    for (const path of [`/${uuid}/resize/10x/`, `/${uuid}/-//`, `/${uuid}~1/`, '/not-a-uuid/']) {
      expect((await fetch(`${emulator.url}${path}`)).status).withContext(path).toBe(404);
    }
  });
});
