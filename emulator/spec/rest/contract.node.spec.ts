import { startEmulator, type RunningEmulator } from '../../lib/server.js';
import type { FileRecord, GroupRecord } from '../../lib/index.js';
import { addFile, addGroup } from './support/fixtures.js';
import { contractErrors } from './support/openapi.js';
import { rest, type RestRequest } from './support/signed-fetch.js';

/**
 * Every REST route, success and error, against the OpenAPI document: the status must be one the spec documents
 * for the operation and the body must match its schema.
 */
describe('emulator REST API v0.7 contract', () => {
  let emulator: RunningEmulator;
  let image: FileRecord;
  let text: FileRecord;
  let removed: FileRecord;
  let group: GroupRecord;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    const start = Date.now() - 60_000;
    image = await addFile(emulator, {
      filename: 'pixel.png',
      mimeType: 'image/png',
      imageInfo: { width: 1, height: 1, format: 'PNG' },
      datetimeUploaded: new Date(start),
      datetimeStored: new Date(start + 10),
      metadata: { subsystem: 'uploader', pet: 'cat' },
      appdata: {},
    });
    text = await addFile(emulator, { datetimeUploaded: new Date(start + 1000) });
    removed = await addFile(emulator, { datetimeUploaded: new Date(start + 2000), datetimeRemoved: new Date(start + 3000) });
    group = addGroup(emulator, [image, text]);
  });

  afterAll(async () => {
    await emulator.close();
  });

  /** Sends the request and checks the answer against `specPath`'s `method` operation. */
  async function conforms(specPath: string, request: RestRequest, status: number): Promise<unknown> {
    const response = await rest(emulator.url, request);
    expect(response.status).withContext(`${request.method ?? 'GET'} ${request.path}: ${JSON.stringify(response.body)}`).toBe(status);
    expect(contractErrors(specPath, request.method ?? 'GET', response.status, response.body)).toBe('');
    return response.body;
  }

  /** Not-found answers the spec leaves undocumented on some operations: checked against `fileNotFoundError`. */
  async function notFoundShape(request: RestRequest): Promise<void> {
    const response = await rest(emulator.url, request);
    expect(response.status).toBe(404);
    expect(contractErrors('/files/{uuid}/', 'GET', 404, response.body)).toBe('');
  }

  describe('GET /files/', () => {
    it('lists files (200)', async () => {
      const body = (await conforms('/files/', { path: '/files/' }, 200)) as { total: number; results: unknown[] };
      expect(body.total).toBe(emulator.store.filesOf('demopublickey').filter((file) => !file.datetimeRemoved).length);
    });

    it('lists a page with links, filters, ordering and appdata (200)', async () => {
      await conforms('/files/', { path: '/files/?limit=1&ordering=-datetime_uploaded&include=appdata' }, 200);
      await conforms('/files/', { path: '/files/?removed=true' }, 200);
      await conforms('/files/', { path: '/files/?stored=false&from=2015-09-10T10:00:00Z' }, 200);
    });

    it('refuses a bad parameter (400)', async () => {
      await conforms('/files/', { path: '/files/?limit=0' }, 400);
      await conforms('/files/', { path: '/files/?ordering=size' }, 400);
      await conforms('/files/', { path: '/files/?from=yesterday' }, 400);
    });

    it('refuses missing or wrong credentials (401) and a wrong Accept (406)', async () => {
      await conforms('/files/', { path: '/files/', auth: 'none' }, 401);
      await conforms('/files/', { path: '/files/', keys: { publicKey: 'demopublickey', secretKey: 'wrong' } }, 401);
      await conforms('/files/', { path: '/files/', accept: 'application/json' }, 406);
    });
  });

  describe('GET /files/{uuid}/', () => {
    it('answers file info, with appdata on request (200)', async () => {
      await conforms('/files/{uuid}/', { path: `/files/${image.uuid}/` }, 200);
      await conforms('/files/{uuid}/', { path: `/files/${text.uuid}/?include=appdata` }, 200);
      await conforms('/files/{uuid}/', { path: `/files/${removed.uuid}/` }, 200);
    });

    it('answers 404 for an unknown file', async () => {
      await conforms('/files/{uuid}/', { path: `/files/${emulator.store.newUuid()}/` }, 404);
    });
  });

  describe('/files/{uuid}/storage/', () => {
    it('stores and deletes (200)', async () => {
      const file = await addFile(emulator);
      await conforms('/files/{uuid}/storage/', { method: 'PUT', path: `/files/${file.uuid}/storage/` }, 200);
      await conforms('/files/{uuid}/storage/', { method: 'DELETE', path: `/files/${file.uuid}/storage/` }, 200);
    });

    it('answers 404 for unknown files (a removed one is stored again: spec/emulator/fidelity/store-removed)', async () => {
      await conforms('/files/{uuid}/storage/', { method: 'PUT', path: `/files/${emulator.store.newUuid()}/storage/` }, 404);
      await conforms('/files/{uuid}/storage/', { method: 'DELETE', path: '/files/not-a-uuid/storage/' }, 404);
    });
  });

  describe('/files/storage/ (batch)', () => {
    it('stores and deletes, reporting problems (200)', async () => {
      const file = await addFile(emulator);
      const uuids = [file.uuid, 'nope', emulator.store.newUuid()];
      await conforms('/files/storage/', { method: 'PUT', path: '/files/storage/', body: uuids }, 200);
      await conforms('/files/storage/', { method: 'DELETE', path: '/files/storage/', body: uuids }, 200);
    });

    it('refuses bodies that are not 1 to 100 UUIDs (400)', async () => {
      await conforms('/files/storage/', { method: 'PUT', path: '/files/storage/', body: { uuid: image.uuid } }, 400);
      await conforms('/files/storage/', { method: 'PUT', path: '/files/storage/', body: [] }, 400);
      const many = Array.from({ length: 101 }, () => emulator.store.newUuid());
      await conforms('/files/storage/', { method: 'DELETE', path: '/files/storage/', body: many }, 400);
    });
  });

  describe('copies', () => {
    it('copies to local storage (201)', async () => {
      await conforms('/files/local_copy/', { method: 'POST', path: '/files/local_copy/', body: { source: image.uuid, store: 'true' } }, 201);
      const cdnSource = `${emulator.url}/${image.uuid}/-/resize/200x/pixel.png`;
      await conforms('/files/local_copy/', { method: 'POST', path: '/files/local_copy/', body: { source: cdnSource, metadata: { a: 'b' } } }, 201);
    });

    it('refuses bad local copies (400)', async () => {
      const post = (body: unknown): RestRequest => ({ method: 'POST', path: '/files/local_copy/', body });
      await conforms('/files/local_copy/', post({}), 400);
      await conforms('/files/local_copy/', post({ source: 'http://example.com/x' }), 400);
      await conforms('/files/local_copy/', post({ source: removed.uuid }), 400);
      await conforms('/files/local_copy/', post({ source: image.uuid, store: 'maybe' }), 400);
    });

    it('copies to a named storage (201, then 200 when the object exists)', async () => {
      const body = { source: image.uuid, target: 'demo-storage', pattern: '${uuid}${ext}' };
      await conforms('/files/remote_copy/', { method: 'POST', path: '/files/remote_copy/', body }, 201);
      await conforms('/files/remote_copy/', { method: 'POST', path: '/files/remote_copy/', body }, 200);
    });

    it('refuses unknown storages and patterns (400)', async () => {
      const post = (body: unknown): RestRequest => ({ method: 'POST', path: '/files/remote_copy/', body });
      await conforms('/files/remote_copy/', post({ source: image.uuid, target: 'elsewhere' }), 400);
      await conforms('/files/remote_copy/', post({ source: image.uuid, target: 'demo-storage', pattern: '${nope}' }), 400);
    });
  });

  describe('metadata', () => {
    it('reads, creates, updates and deletes keys (200, 200 as the real service for a new key, 204)', async () => {
      const file = await addFile(emulator, { metadata: { kept: 'yes' } });
      const key = `/files/${file.uuid}/metadata/my:key_1.x-y/`;
      await conforms('/files/{uuid}/metadata/', { path: `/files/${file.uuid}/metadata/` }, 200);
      await conforms('/files/{uuid}/metadata/{key}/', { method: 'PUT', path: key, body: 'first' }, 200);
      await conforms('/files/{uuid}/metadata/{key}/', { method: 'PUT', path: key, body: 'second' }, 200);
      expect(await conforms('/files/{uuid}/metadata/{key}/', { path: key }, 200)).toBe('second');
      await conforms('/files/{uuid}/metadata/{key}/', { method: 'DELETE', path: key }, 204);
    });

    it('refuses bad keys and values (400)', async () => {
      const put = (key: string, body: unknown): RestRequest => ({ method: 'PUT', path: `/files/${text.uuid}/metadata/${key}/`, body });
      await conforms('/files/{uuid}/metadata/{key}/', put('bad%20key', 'v'), 400);
      await conforms('/files/{uuid}/metadata/{key}/', put('k'.repeat(65), 'v'), 400);
      await conforms('/files/{uuid}/metadata/{key}/', put('ok', 'v'.repeat(513)), 400);
      await conforms('/files/{uuid}/metadata/{key}/', put('ok', ''), 400);
      await conforms('/files/{uuid}/metadata/{key}/', put('ok', { not: 'a string' }), 400);
    });

    it('answers 404 for missing keys and files', async () => {
      await notFoundShape({ path: `/files/${text.uuid}/metadata/absent/` });
      await notFoundShape({ method: 'DELETE', path: `/files/${text.uuid}/metadata/absent/` });
      await notFoundShape({ path: `/files/${emulator.store.newUuid()}/metadata/` });
    });
  });

  describe('groups', () => {
    it('lists groups and shows one (200)', async () => {
      addGroup(emulator, [text], new Date(Date.now() + 1000));
      const body = (await conforms('/groups/', { path: '/groups/?limit=1' }, 200)) as { next: string | null };
      expect(body.next).toContain('/groups/?');
      await conforms('/groups/', { path: '/groups/?ordering=-datetime_created&from=2020-01-01T00:00:00Z' }, 200);
      await conforms('/groups/{uuid}/', { path: `/groups/${group.id}/` }, 200);
    });

    it('shows a removed member as null', async () => {
      const gone = addGroup(emulator, [image, removed]);
      const body = (await conforms('/groups/{uuid}/', { path: `/groups/${gone.id}/` }, 200)) as { files: unknown[] };
      expect(body.files[0]).toEqual(jasmine.objectContaining({ uuid: image.uuid, default_effects: '' }));
      expect(body.files[1]).toBeNull();
    });

    it('deletes a group (204), then it is not found (404)', async () => {
      const doomed = addGroup(emulator, [image]);
      await conforms('/groups/{uuid}/', { method: 'DELETE', path: `/groups/${doomed.id}/` }, 204);
      await conforms('/groups/{uuid}/', { path: `/groups/${doomed.id}/` }, 404);
      await conforms('/groups/{uuid}/', { method: 'DELETE', path: `/groups/${doomed.id}/` }, 404);
    });
  });

  it('GET /project/ answers the project (200)', async () => {
    const body = await conforms('/project/', { path: '/project/' }, 200);
    expect(body).toEqual(jasmine.objectContaining({ pub_key: 'demopublickey', autostore_enabled: true }));
  });

  describe('webhooks', () => {
    it('creates, lists, updates and unsubscribes (201, 200, 204)', async () => {
      const target = 'http://127.0.0.1:9/contract-hook';
      const created = (await conforms(
        '/webhooks/',
        { method: 'POST', path: '/webhooks/', body: { target_url: target, event: 'file.uploaded', signing_secret: 's3cret' } },
        201,
      )) as { id: number };
      await conforms('/webhooks/', { path: '/webhooks/' }, 200);
      await conforms(
        '/webhooks/{id}/',
        { method: 'PUT', path: `/webhooks/${created.id}/`, contentType: 'application/x-www-form-urlencoded', rawBody: 'is_active=false' },
        200,
      );
      await conforms('/webhooks/unsubscribe/', { method: 'DELETE', path: '/webhooks/unsubscribe/', body: { target_url: target } }, 204);
    });

    it('refuses bad webhooks (400) and unknown ids (404)', async () => {
      await conforms('/webhooks/', { method: 'POST', path: '/webhooks/', body: { event: 'file.uploaded' } }, 400);
      await conforms('/webhooks/', { method: 'POST', path: '/webhooks/', body: { target_url: 'http://127.0.0.1:9/', event: 'file.eaten' } }, 400);
      await conforms('/webhooks/{id}/', { method: 'PUT', path: '/webhooks/999999/', body: { is_active: true } }, 404);
      await conforms('/webhooks/unsubscribe/', { method: 'DELETE', path: '/webhooks/unsubscribe/', body: {} }, 400);
    });
  });

  describe('every operation refuses unauthenticated (401) and unversioned (406) requests', () => {
    const uuid = '03ccf9ab-f266-43fb-973d-a6529c55c2ae';
    const operations: readonly (readonly [string, string, string])[] = [
      ['GET', '/files/', '/files/'],
      ['GET', '/files/{uuid}/', `/files/${uuid}/`],
      ['PUT', '/files/{uuid}/storage/', `/files/${uuid}/storage/`],
      ['DELETE', '/files/{uuid}/storage/', `/files/${uuid}/storage/`],
      ['PUT', '/files/storage/', '/files/storage/'],
      ['DELETE', '/files/storage/', '/files/storage/'],
      ['POST', '/files/local_copy/', '/files/local_copy/'],
      ['POST', '/files/remote_copy/', '/files/remote_copy/'],
      ['GET', '/files/{uuid}/metadata/', `/files/${uuid}/metadata/`],
      ['GET', '/files/{uuid}/metadata/{key}/', `/files/${uuid}/metadata/k/`],
      ['PUT', '/files/{uuid}/metadata/{key}/', `/files/${uuid}/metadata/k/`],
      ['DELETE', '/files/{uuid}/metadata/{key}/', `/files/${uuid}/metadata/k/`],
      ['GET', '/groups/', '/groups/'],
      ['GET', '/groups/{uuid}/', `/groups/${uuid}~1/`],
      ['DELETE', '/groups/{uuid}/', `/groups/${uuid}~1/`],
      ['GET', '/project/', '/project/'],
      ['GET', '/webhooks/', '/webhooks/'],
      ['POST', '/webhooks/', '/webhooks/'],
      ['PUT', '/webhooks/{id}/', '/webhooks/1/'],
      ['DELETE', '/webhooks/unsubscribe/', '/webhooks/unsubscribe/'],
    ];
    for (const [method, specPath, path] of operations) {
      it(`${method} ${specPath}`, async () => {
        await conforms(specPath, { method, path, auth: 'none' }, 401);
        await conforms(specPath, { method, path, keys: { publicKey: 'demopublickey', secretKey: 'nope' } }, 401);
        await conforms(specPath, { method, path, accept: 'application/vnd.uploadcare-v0.5+json' }, 406);
      });
    }
  });

  describe('conversions', () => {
    it('submits document and video jobs, answers their status and a document\'s formats (200)', async () => {
      const doc = await addFile(emulator, { filename: 'notes.txt' });
      const video = await addFile(emulator, { filename: 'clip.mp4', mimeType: 'video/mp4' });
      const submitted = (await conforms('/convert/document/', { method: 'POST', path: '/convert/document/', body: { paths: [`${doc.uuid}/document/-/format/pdf/`, 'nonsense'], store: '1' } }, 200)) as { result: { token: number }[] };
      await conforms('/convert/document/status/{token}/', { path: `/convert/document/status/${submitted.result[0]!.token}/` }, 200);
      await conforms('/convert/document/{uuid}/', { path: `/convert/document/${doc.uuid}/` }, 200);
      const encoded = (await conforms('/convert/video/', { method: 'POST', path: '/convert/video/', body: { paths: [`${video.uuid}/video/-/thumbs~2/`] } }, 200)) as { result: { token: number }[] };
      await conforms('/convert/video/status/{token}/', { path: `/convert/video/status/${encoded.result[0]!.token}/` }, 200);
    });

    it('refuses a job without paths (400); answers 404 for unknown tokens and files', async () => {
      await conforms('/convert/document/', { method: 'POST', path: '/convert/document/', body: { paths: [] } }, 400);
      await conforms('/convert/video/', { method: 'POST', path: '/convert/video/', body: {} }, 400);
      await conforms('/convert/video/status/{token}/', { path: '/convert/video/status/42/' }, 404);
      await conforms('/convert/document/{uuid}/', { path: `/convert/document/${emulator.store.newUuid()}/` }, 404);
    });
  });

  describe('add-ons', () => {
    it('executes and answers the status (200); refuses a bad target (400)', async () => {
      for (const name of ['aws_rekognition_detect_labels', 'aws_rekognition_detect_moderation_labels', 'uc_clamav_virus_scan', 'remove_bg']) {
        const started = (await conforms(`/addons/${name}/execute/`, { method: 'POST', path: `/addons/${name}/execute/`, body: { target: image.uuid } }, 200)) as { request_id: string };
        await conforms(`/addons/${name}/execute/status/`, { path: `/addons/${name}/execute/status/?request_id=${started.request_id}` }, 200);
        await conforms(`/addons/${name}/execute/`, { method: 'POST', path: `/addons/${name}/execute/`, body: { target: emulator.store.newUuid() } }, 400);
      }
    });
  });
});

describe('the contract checker itself', () => {
  it('rejects a file body that breaks the schema, and undocumented statuses', () => {
    const broken = { uuid: 'not-a-uuid', size: 'big', is_image: true };
    expect(contractErrors('/files/{uuid}/', 'GET', 200, broken)).toMatch(/must have required property|must match format/);
    expect(contractErrors('/files/', 'GET', 500, { detail: 'x' })).toMatch(/not documented/);
    expect(contractErrors('/groups/{uuid}/', 'DELETE', 204, { unexpected: true })).toMatch(/without a body/);
  });
});
