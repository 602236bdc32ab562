import { testEnv } from '../../../spec/support/test-env.js';
import {
  PUBLIC_KEY,
  PNG_3X2,
  UUID_PATTERN,
  expectFileInfo,
  getJson,
  patternBytes,
  postForm,
  uploadBytes,
  waitForFromUrl,
} from './upload-api-helpers.js';

describe('emulator Upload API', () => {
  describe('POST /base/', () => {
    it('answers { <field>: <uuid> } for every file field, with store, metadata and the given name', async () => {
      const answer = await postForm('/base/?jsonerrors=1', {
        UPLOADCARE_PUB_KEY: PUBLIC_KEY,
        UPLOADCARE_STORE: '0',
        'metadata[subsystem]': 'spec',
        first: { bytes: patternBytes(100), filename: 'first.bin' },
        second: { bytes: new TextEncoder().encode('hello'), filename: 'hello world.txt', type: 'text/plain' },
      });
      expect(answer.status).toBe(200);
      expect(answer.contentType).toContain('application/json');
      expect(Object.keys(answer.json).sort()).toEqual(['first', 'second']);
      expect(answer.json['first']).toMatch(UUID_PATTERN);
      expect(answer.json['second']).toMatch(UUID_PATTERN);

      const info = await getJson('/info/', { pub_key: PUBLIC_KEY, file_id: answer.json['second'] as string });
      expect(info.status).toBe(200);
      expectFileInfo(info.json, {
        uuid: answer.json['second'] as string,
        size: 5,
        filename: 'hello world.txt',
        mimeType: 'text/plain',
        stored: false,
        metadata: { subsystem: 'spec' },
      });
      expect(info.json['filename']).toBe('helloworld.txt');
      expect(info.json['is_image']).toBeFalse();
      expect(info.json['image_info']).toBeNull();
    });

    it('stores with UPLOADCARE_STORE=1 and with auto on an autostore project', async () => {
      for (const store of ['1', 'auto']) {
        const uuid = await uploadBytes(patternBytes(10), 'x.bin', 'application/octet-stream', { UPLOADCARE_STORE: store });
        const info = await getJson('/info/', { pub_key: PUBLIC_KEY, file_id: uuid });
        expect(info.json['is_stored']).withContext(store).toBeTrue();
      }
    });

    it('recognises an image from its bytes whatever type was declared', async () => {
      const uuid = await uploadBytes(PNG_3X2, 'picture', 'application/octet-stream');
      const info = await getJson('/info/', { pub_key: PUBLIC_KEY, file_id: uuid });
      expectFileInfo(info.json, { uuid, size: PNG_3X2.length, filename: 'picture', mimeType: 'image/png' });
      expect(info.json['is_image']).toBeTrue();
      const image = {
        color_mode: 'RGBA',
        orientation: null,
        format: 'PNG',
        height: 2,
        width: 3,
        geo_location: null,
        datetime_original: null,
        dpi: null,
        sequence: false,
      };
      expect(info.json['image_info']).toEqual(image);
      expect((info.json['content_info'] as { image: unknown }).image).toEqual(image);
    });

    it('refuses a form without files and an unknown public key, as JSON (HTTP 200, as the real service) or text', async () => {
      const noFile = await postForm('/base/?jsonerrors=1', { UPLOADCARE_PUB_KEY: PUBLIC_KEY });
      expect(noFile.status).toBe(200);
      expect(noFile.json).toEqual({ error: { status_code: 400, content: 'Request does not contain files.', error_code: 'FilesRequiredError' } });

      const file = { bytes: patternBytes(4), filename: 'a.bin' };
      const unknownKey = await postForm('/base/?jsonerrors=1', { UPLOADCARE_PUB_KEY: 'nosuchkey', file });
      expect(unknownKey.status).toBe(200);
      expect(unknownKey.json).toEqual({
        error: { status_code: 403, content: 'UPLOADCARE_PUB_KEY is invalid.', error_code: 'ProjectPublicKeyInvalidError' },
      });

      const missingKey = await postForm('/base/', { file });
      expect(missingKey.status).toBe(403);
      expect(missingKey.contentType).toContain('text/plain');
      expect(missingKey.json).toEqual({ text: 'UPLOADCARE_PUB_KEY is required.' });
    });

    it('takes jsonerrors from the form as well as from the query', async () => {
      const answer = await postForm('/base/', { UPLOADCARE_PUB_KEY: 'nosuchkey', jsonerrors: '1', file: { bytes: patternBytes(4), filename: 'a.bin' } });
      expect(answer.json).toEqual({
        error: { status_code: 403, content: 'UPLOADCARE_PUB_KEY is invalid.', error_code: 'ProjectPublicKeyInvalidError' },
      });
    });

    it('refuses malformed metadata with the real error', async () => {
      const answer = await postForm('/base/?jsonerrors=1', {
        UPLOADCARE_PUB_KEY: PUBLIC_KEY,
        'metadata[bad key]': 'x',
        file: { bytes: patternBytes(4), filename: 'a.bin' },
      });
      expect(answer.status).toBe(200);
      expect(answer.json['error']).toEqual(jasmine.objectContaining({ status_code: 400, error_code: 'FileMetadataKeyForbiddenError' }));
    });
  });

  describe('methods', () => {
    it('answers a method a path does not serve with the Upload API 405', async () => {
      const base = testEnv().emulatorUrl;
      const wrong = await fetch(`${base}/base/?jsonerrors=1`);
      expect(wrong.status).toBe(200);
      expect(await wrong.json()).toEqual({
        error: { status_code: 405, content: 'HTTP method GET is not allowed for /base/.', error_code: 'MethodNotAllowedError' },
      });
      expect((await fetch(`${base}/info/`, { method: 'DELETE' })).status).toBe(405);
      const head = await fetch(`${base}/info/?pub_key=${PUBLIC_KEY}&file_id=${await uploadBytes(patternBytes(3))}`, { method: 'HEAD' });
      expect(head.status).toBe(200);
    });
  });

  describe('GET /info/', () => {
    it('answers the real errors for a missing, malformed or unknown file_id', async () => {
      const cases: [Record<string, string>, number, string][] = [
        [{ pub_key: PUBLIC_KEY }, 400, 'FileIdRequiredError'],
        [{ pub_key: PUBLIC_KEY, file_id: 'nope' }, 400, 'FileIdInvalidError'],
        [{ pub_key: PUBLIC_KEY, file_id: '00000000-0000-4000-8000-000000000000' }, 404, 'FileNotFoundError'],
        [{ file_id: '00000000-0000-4000-8000-000000000000' }, 403, 'ProjectPublicKeyRequiredError'],
      ];
      for (const [query, status, code] of cases) {
        const answer = await getJson('/info/', { ...query, jsonerrors: '1' });
        expect(answer.status).withContext(code).toBe(200);
        const error = answer.json['error'] as { status_code: number; error_code: string; content: string };
        expect(error.error_code).toBe(code);
        expect(error.status_code).toBe(status);
        expect(typeof error.content).toBe('string');
      }
    });
  });

  describe('groups', () => {
    it('creates a group from UUIDs with effects and answers the group info, also on /group/info/', async () => {
      const first = await uploadBytes(patternBytes(20, 2), 'one.bin');
      const second = await uploadBytes(PNG_3X2, 'two.png', 'image/png');
      const created = await postForm('/group/?jsonerrors=1', {
        pub_key: PUBLIC_KEY,
        'files[]': first,
        // FormData keeps repeated names; a record cannot, so the second entry goes by index.
        'files[1]': `${second}/-/resize/x800/`,
      });
      expect(created.status).toBe(200);
      const group = created.json;
      expect(Object.keys(group).sort()).toEqual(['cdn_url', 'datetime_created', 'datetime_stored', 'files', 'files_count', 'id', 'url']);
      expect(group['id']).toMatch(/^[0-9a-f-]{36}~2$/);
      expect(group['files_count']).toBe(2);
      expect(group['cdn_url']).toBe(`${testEnv().emulatorUrl}/${group['id'] as string}/`);
      expect(group['url']).toBe(`${testEnv().emulatorUrl}/groups/${group['id'] as string}/`);
      expect(new Date(group['datetime_created'] as string).getTime()).not.toBeNaN();
      expect(group['datetime_stored']).toBeNull();
      const files = group['files'] as Record<string, unknown>[];
      expect(files.map((file) => file['uuid'])).toEqual([first, second]);
      expect(files.map((file) => file['default_effects'])).toEqual(['', 'resize/x800/']);
      expectFileInfo(files[1]!, { uuid: second, size: PNG_3X2.length, filename: 'two.png', mimeType: 'image/png' });

      const info = await getJson('/group/info/', { pub_key: PUBLIC_KEY, group_id: group['id'] as string });
      expect(info.status).toBe(200);
      expect(info.json).toEqual(group);
    });

    it('refuses no files, unknown files and unknown groups with the real errors', async () => {
      const none = await postForm('/group/?jsonerrors=1', { pub_key: PUBLIC_KEY });
      expect((none.json['error'] as { error_code: string }).error_code).toBe('GroupFilesInvalidError');
      const unknown = await postForm('/group/?jsonerrors=1', { pub_key: PUBLIC_KEY, 'files[]': '00000000-0000-4000-8000-000000000000' });
      expect(unknown.status).toBe(200);
      expect(unknown.json['error']).toEqual(jasmine.objectContaining({ status_code: 400, error_code: 'GroupFilesNotFoundError' }));
      const garbage = await postForm('/group/?jsonerrors=1', { pub_key: PUBLIC_KEY, 'files[]': 'not-a-file' });
      expect((garbage.json['error'] as { content: string }).content).toBe('This is not valid file url: not-a-file.');
      const noGroup = await getJson('/group/info/', { pub_key: PUBLIC_KEY, group_id: '00000000-0000-4000-8000-000000000000~1', jsonerrors: '1' });
      expect(noGroup.status).toBe(200);
      expect(noGroup.json['error']).toEqual(jasmine.objectContaining({ status_code: 404, error_code: 'GroupNotFoundError' }));
    });
  });

  describe('from_url', () => {
    it('downloads a loopback URL in the background: token, then success with the file info', async () => {
      const source = `${testEnv().scriptUrl}/assets/echo.json`;
      const answer = await postForm('/from_url/?jsonerrors=1', { pub_key: PUBLIC_KEY, source_url: source, store: '0' });
      expect(answer.status).toBe(200);
      expect(Object.keys(answer.json).sort()).toEqual(['token', 'type']);
      expect(answer.json['type']).toBe('token');
      const statuses = await waitForFromUrl(answer.json['token'] as string);
      const last = statuses[statuses.length - 1]!;
      expect(last['status']).toBe('success');
      expectFileInfo(last, { size: last['size'] as number, filename: 'echo.json', mimeType: 'application/json', stored: false });
      expect(last['size']).toBeGreaterThan(0);
    });

    it('answers unknown for a token never issued and TokenRequiredError without one', async () => {
      const unknown = await getJson('/from_url/status/', { token: '00000000-0000-4000-8000-000000000000', jsonerrors: '1' });
      expect(unknown.json).toEqual({ status: 'unknown' });
      const stranger = await getJson('/from_url/status/', { token: '00000000-0000-4000-8000-000000000000', pub_key: 'nosuchkey', jsonerrors: '1' });
      expect(stranger.status).toBe(200);
      expect(stranger.json['error']).toEqual(jasmine.objectContaining({ status_code: 403, error_code: 'ProjectPublicKeyInvalidError' }));
      const missing = await getJson('/from_url/status/', { jsonerrors: '1' });
      expect(missing.status).toBe(200);
      expect(missing.json['error']).toEqual(jasmine.objectContaining({ status_code: 400, error_code: 'TokenRequiredError' }));
    });

    it('refuses a missing or non-HTTP source URL before any download', async () => {
      const missing = await postForm('/from_url/?jsonerrors=1', { pub_key: PUBLIC_KEY });
      expect((missing.json['error'] as { error_code: string }).error_code).toBe('SourceURLRequiredError');
      const ftp = await postForm('/from_url/?jsonerrors=1', { pub_key: PUBLIC_KEY, source_url: 'ftp://127.0.0.1/file' });
      expect((ftp.json['error'] as { error_code: string }).error_code).toBe('URLSchemeInvalidError');
    });
  });
});
