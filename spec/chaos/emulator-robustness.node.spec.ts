import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningEmulator } from 'rxuploadcare-emulator';
import { baseUploadForm, rawRequest, type RawAnswer } from '../../emulator/spec/ops/support.js';
import { rest } from '../../emulator/spec/rest/support/signed-fetch.js';
import { chaosEmulator, eventually } from './support/emulator.js';
import { recordFigures } from './support/figures.js';
import { chaosScale } from './support/scale.js';

// The emulator under hostile requests: malformed multipart bodies, oversized fields, path tricks in URLs and file
// names, wrong signatures and replayed dates. Each must get the error the real service gives (or a plain 4xx where it
// documents none), and the emulator must keep serving afterwards. Requests go through node:http, which sends paths as
// written (fetch would resolve `..` before sending). Crash safety of --data-dir under kill -9 is proven by
// emulator/spec/ops/crash.node.spec.ts (the ops engineer's), not repeated here.

const ACCEPT = 'application/vnd.uploadcare-v0.7+json';
const SIMPLE = { Accept: ACCEPT, Authorization: 'Uploadcare.Simple demopublickey:demosecretkey' };
const SECRET = 'demosecretkey';

function signedHeaders(method: string, path: string, date: Date, secret = SECRET): Record<string, string> {
  const dateText = date.toUTCString();
  const md5 = createHash('md5').update('').digest('hex');
  const signature = createHmac('sha1', secret).update([method, md5, '', dateText, path].join('\n')).digest('hex');
  return { Accept: ACCEPT, 'X-Uploadcare-Date': dateText, Authorization: `Uploadcare demopublickey:${signature}` };
}

function multipart(boundary: string, parts: string): { body: Buffer; headers: Record<string, string> } {
  return { body: Buffer.from(parts), headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` } };
}

const field = (boundary: string, name: string, value: string): string =>
  `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;

interface HostileCase {
  readonly name: string;
  readonly send: (origin: string) => Promise<RawAnswer>;
  /** Acceptable statuses (the first is the one the real service gives, where it documents one). */
  readonly statuses: readonly number[];
  /** Text the error body must contain, when the API documents it. */
  readonly bodyIncludes?: string;
}

const B = 'xBOUNDARYx';
const SIGNED_PROJECT = { publicKey: 'signedpublickey', secretKey: 'signedsecretkey', requireSignedUploads: true };

/** A direct upload to the signed-uploads project, its signature made with `secret` over `expire`. */
function signedUpload(origin: string, expire: number, secret: string): Promise<RawAnswer> {
  const form = baseUploadForm(SIGNED_PROJECT.publicKey, 'a.txt', Buffer.from('abc'));
  const signature = createHmac('sha256', secret).update(String(expire)).digest('hex');
  const text = form.body.toString('latin1').replace(/^--([^\r]+)\r\n/, (all, b: string) => `${field(b, 'signature', signature)}${field(b, 'expire', String(expire))}${all}`);
  return rawRequest(`${origin}/base/?jsonerrors=1`, { method: 'POST', headers: { 'Content-Type': form.contentType }, body: Buffer.from(text, 'latin1') });
}
// Upload API refusals asked with jsonerrors=1 are HTTP 200 carrying the error envelope, as at the real service.
const CASES: readonly HostileCase[] = [
  // Malformed multipart bodies.
  { name: 'multipart without a boundary', statuses: [400], send: (o) => rawRequest(`${o}/base/`, { method: 'POST', headers: { 'Content-Type': 'multipart/form-data' }, body: 'garbage' }) },
  { name: 'multipart body of garbage', statuses: [400], send: (o) => rawRequest(`${o}/base/`, { method: 'POST', ...multipart(B, '\x00\x01 not a form at all') }) },
  { name: 'multipart cut before its closing boundary', statuses: [400], send: (o) => rawRequest(`${o}/base/`, { method: 'POST', ...multipart(B, `${field(B, 'UPLOADCARE_PUB_KEY', 'demopublickey')}--${B}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nhalf`) }) },
  { name: 'multipart part without a name (and so no public key)', statuses: [400, 403], send: (o) => rawRequest(`${o}/base/`, { method: 'POST', ...multipart(B, `--${B}\r\nContent-Type: text/plain\r\n\r\nvalue\r\n--${B}--\r\n`) }) },
  { name: 'multipart with a file but no public key', statuses: [400, 403], send: (o) => rawRequest(`${o}/base/`, { method: 'POST', ...multipart(B, `--${B}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nabc\r\n--${B}--\r\n`) }) },
  // Oversized fields.
  { name: '2 MiB public key field', statuses: [400, 403, 413], send: (o) => rawRequest(`${o}/base/`, { method: 'POST', ...multipart(B, `${field(B, 'UPLOADCARE_PUB_KEY', 'k'.repeat(2 * 1024 * 1024))}--${B}--\r\n`) }) },
  { name: 'metadata value of 10 000 characters', statuses: [400], bodyIncludes: 'etadata', send: (o) => { const form = baseUploadForm('demopublickey', 'a.txt', Buffer.from('abc')); const extra = Buffer.from(form.body.toString('latin1').replace(/^--([^\r]+)\r\n/, (all, b: string) => `${field(b, 'metadata[k]', 'v'.repeat(10_000))}${all}`), 'latin1'); return rawRequest(`${o}/base/`, { method: 'POST', headers: { 'Content-Type': form.contentType }, body: extra }); } },
  { name: 'REST JSON body of 20 MiB', statuses: [413, 400], send: (o) => rawRequest(`${o}/files/storage/`, { method: 'PUT', headers: { ...SIMPLE, 'Content-Type': 'application/json' }, body: `["${'a'.repeat(20 * 1024 * 1024)}"]` }) },
  { name: 'REST JSON body nested 100 000 deep', statuses: [400], send: (o) => rawRequest(`${o}/files/storage/`, { method: 'PUT', headers: { ...SIMPLE, 'Content-Type': 'application/json' }, body: `${'['.repeat(100_000)}${']'.repeat(100_000)}` }) },
  { name: 'control API JSON body nested 100 000 deep', statuses: [400], send: (o) => rawRequest(`${o}/__emulator/faults`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}` }) },
  { name: 'URL of 100 000 characters', statuses: [431, 414, 400, 404], send: (o) => rawRequest(`${o}/files/${'a'.repeat(100_000)}/`, { headers: SIMPLE }) },
  // Path tricks.
  // Dot segments are resolved like any HTTP server does; the endpoint reached still checks its credentials.
  { name: '/files/../project/ without credentials', statuses: [401], send: (o) => rawRequest(`${o}/files/../project/`, { headers: { Accept: ACCEPT } }) },
  { name: '/%2e%2e/%2e%2e/etc/passwd', statuses: [404, 400], send: (o) => rawRequest(`${o}/%2e%2e/%2e%2e/etc/passwd`) },
  { name: 'malformed percent-encoding', statuses: [400, 404], send: (o) => rawRequest(`${o}/files/%ZZ%/`, { headers: SIMPLE }) },
  { name: 'NUL byte in a UUID', statuses: [400, 404], send: (o) => rawRequest(`${o}/files/a771f854-c2cb-408a-8c36-71af77811f3b%00/`, { headers: SIMPLE }) },
  { name: 'double-encoded malformed escape /files/%25zz/', statuses: [400, 404], send: (o) => rawRequest(`${o}/files/%25zz/`, { headers: SIMPLE }) },
  { name: 'malformed escape in a CDN file name', statuses: [400], send: (o) => rawRequest(`${o}/a771f854-c2cb-408a-8c36-71af77811f3b/%E0%A4`) },
  { name: 'malformed escape in a control API path', statuses: [400], send: (o) => rawRequest(`${o}/__emulator/faults/%zz`, { method: 'DELETE' }) },
  { name: 'CDN path climbing out', statuses: [404, 400], send: (o) => rawRequest(`${o}/a771f854-c2cb-408a-8c36-71af77811f3b/../../../../etc/passwd`) },
  // Authentication.
  { name: 'REST signature made with a wrong secret', statuses: [401], bodyIncludes: 'ignature', send: (o) => rawRequest(`${o}/files/`, { headers: signedHeaders('GET', '/files/', new Date(), 'wrong-secret') }) },
  { name: 'REST signature of another path', statuses: [401], send: (o) => rawRequest(`${o}/files/?limit=1`, { headers: signedHeaders('GET', '/files/', new Date()) }) },
  { name: 'REST date replayed 16 minutes later', statuses: [401], send: (o) => rawRequest(`${o}/files/`, { headers: signedHeaders('GET', '/files/', new Date(Date.now() - 16 * 60_000)) }) },
  { name: 'REST date 16 minutes ahead', statuses: [401], send: (o) => rawRequest(`${o}/files/`, { headers: signedHeaders('GET', '/files/', new Date(Date.now() + 16 * 60_000)) }) },
  { name: 'REST date 14 minutes old (inside the window)', statuses: [200], send: (o) => rawRequest(`${o}/files/`, { headers: signedHeaders('GET', '/files/', new Date(Date.now() - 14 * 60_000)) }) },
  { name: 'REST date that is no date', statuses: [401], send: (o) => rawRequest(`${o}/files/`, { headers: { ...signedHeaders('GET', '/files/', new Date()), 'X-Uploadcare-Date': 'yesterday' } }) },
  { name: 'Simple auth with a wrong secret', statuses: [401], send: (o) => rawRequest(`${o}/files/`, { headers: { Accept: ACCEPT, Authorization: 'Uploadcare.Simple demopublickey:guess' } }) },
  { name: 'Authorization header of garbage', statuses: [401], send: (o) => rawRequest(`${o}/files/`, { headers: { Accept: ACCEPT, Authorization: 'Uploadcare \u00ff\u00fe:::' } }) },
  { name: 'Upload API with an unknown public key', statuses: [200], bodyIncludes: '"status_code":403', send: (o) => { const form = baseUploadForm('nosuchkey', 'a.txt', Buffer.from('abc')); return rawRequest(`${o}/base/?jsonerrors=1`, { method: 'POST', headers: { 'Content-Type': form.contentType }, body: form.body }); } },
  { name: 'signed upload whose expire is past', statuses: [200], bodyIncludes: 'SignatureExpirationError', send: (o) => signedUpload(o, Math.floor(Date.now() / 1000) - 60, SIGNED_PROJECT.secretKey) },
  { name: 'signed upload with a wrong signature', statuses: [200], bodyIncludes: 'SignatureInvalidError', send: (o) => signedUpload(o, Math.floor(Date.now() / 1000) + 600, 'wrong-secret') },
  { name: 'signed-uploads project without a signature', statuses: [200], bodyIncludes: 'SignatureRequiredError', send: (o) => { const form = baseUploadForm(SIGNED_PROJECT.publicKey, 'a.txt', Buffer.from('abc')); return rawRequest(`${o}/base/?jsonerrors=1`, { method: 'POST', headers: { 'Content-Type': form.contentType }, body: form.body }); } },
];

// The class of issue 13 item 9: no path nor body reaches an internal error (a 500 and a stack on stderr).
const FC_SEED = 1309;
const FILE_ID = 'a771f854-c2cb-408a-8c36-71af77811f3b';
const PATH_PREFIXES = ['/', '/files/', `/files/${FILE_ID}/metadata/`, '/groups/', '/webhooks/', '/project/', '/info/', '/from_url/status/', '/multipart/', '/__emulator/', '/__emulator/faults/', '/demo/', `/${FILE_ID}/`, `/${FILE_ID}~2/nth/`];
const HOSTILE_SEGMENTS = ['%', '%z', '%zz', '%25zz', '%E0%A4', '%C0%80', '%FF', '%00', '%2F', '%2e%2e', '..', '-', '~', 'nth', '%%', '%u0041'];
const BODY_TARGETS: readonly (readonly [string, string])[] = [
  ['PUT', '/files/storage/'],
  ['DELETE', '/files/storage/'],
  ['POST', '/files/local_copy/'],
  ['POST', '/files/remote_copy/'],
  ['PUT', `/files/${FILE_ID}/metadata/key/`],
  ['POST', '/webhooks/'],
  ['PUT', '/__emulator/faults'],
  ['POST', '/__emulator/faults'],
  ['POST', '/demo/sign'],
  ['POST', '/base/'],
  ['POST', '/from_url/'],
  ['POST', '/group/'],
];

/** Characters node:http refuses in a request path, percent-encoded as UTF-8 (a `%` stays as generated). */
const sendable = (text: string): string =>
  text.replace(/[^\x21-\x7e]/gu, (char) => [...Buffer.from(char)].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join(''));

const hostilePath = fc
  .tuple(fc.constantFrom(...PATH_PREFIXES), fc.array(fc.oneof(fc.constantFrom(...HOSTILE_SEGMENTS), fc.webSegment(), fc.string({ unit: 'binary' })), { maxLength: 5 }), fc.boolean())
  .map(([prefix, segments, slash]) => `${prefix}${segments.map(sendable).join('/')}${slash ? '/' : ''}`);

/** Bodies as JSON endpoints meet them: any JSON, nesting far beyond any API's, broken text, raw bytes. */
const hostileBody = fc.oneof(
  fc.json(),
  fc.tuple(fc.integer({ min: 1, max: 200_000 }), fc.constantFrom(['[', ']'], ['{"a":', '}'], ['[{"k":', '}]'])).map(([depth, [open = '[', close = ']']]) => `${open.repeat(depth)}${close === ']' ? '' : '1'}${close.repeat(depth)}`),
  fc.string().map((text) => `{"source": ${text}`),
  fc.uint8Array({ maxLength: 512 }).map((bytes) => Buffer.from(bytes)),
);

// The class of issue 13 item 4: no page but those of this machine reads an answer, none with credentials; the control
// API and the signer answer no page but the emulator's own; a host name that is not loopback reaches nothing.
const hostileOrigin = fc.oneof(
  fc.webUrl().map((url) => new URL(url).origin),
  fc.constantFrom('null', 'http://localhost:4200', 'http://127.0.0.1:9876', 'http://[::1]:8080', 'http://app.localhost:3000', 'http://127.0.0.1.evil.example', 'file://', 'http://localhost.evil.example'),
  fc.string(),
);
const hostileHost = fc.option(fc.oneof(fc.domain(), fc.constantFrom('localhost', '127.0.0.1', '[::1]', '127.9.9.9', '10.0.0.1', '127.0.0.1.evil.example', 'localhost.evil.example')), { nil: undefined });
const ACCESS_PATHS = ['/files/', '/__emulator/requests', '/__emulator/faults', '/demo/sign', `/${FILE_ID}/`, '/base/', '/from_url/', '/'];

const isLoopbackOrigin = (origin: string): boolean => {
  try {
    const { protocol, hostname } = new URL(origin);
    return /^https?:$/.test(protocol) && (hostname === 'localhost' || hostname.endsWith('.localhost') || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname));
  } catch {
    return false;
  }
};

/** A 500 is an internal error; the only other 5xx a request without fault rules may get is the demo script not built. */
const internalError = (status: number, path: string): boolean => status >= 500 && !(status === 503 && path === '/demo/app.js');

describe('chaos: emulator robustness', () => {
  let emulator: RunningEmulator;
  let dir: string;
  const rows: Record<string, string> = {};

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rxuc-chaos-'));
    emulator = await chaosEmulator({ dataDir: join(dir, 'data'), projects: [{ publicKey: 'demopublickey', secretKey: SECRET }, SIGNED_PROJECT] });
  });

  afterAll(async () => {
    await emulator.close();
    await rm(dir, { recursive: true, force: true });
    const ordered = [...CASES.map((hostile) => hostile.name), ...Object.keys(rows)].filter((name, i, all) => name in rows && all.indexOf(name) === i);
    await recordFigures('emulator-robustness', { title: 'Emulator under hostile requests', figures: Object.fromEntries(ordered.map((name) => [name, rows[name] as string])) });
  });

  async function stillServing(): Promise<void> {
    const project = await rest(emulator.url, { path: '/project/' });
    expect(project.status).toBe(200);
  }

  for (const hostile of CASES) {
    it(`${hostile.name}: ${hostile.statuses.join(' or ')}, and keeps serving`, async () => {
      const answer = await hostile.send(emulator.url);
      if (answer.kind !== 'answer') throw new Error(`no answer: ${answer.code}`);
      expect(hostile.statuses).toContain(answer.status);
      if (hostile.bodyIncludes) expect(answer.body.toString()).toContain(hostile.bodyIncludes);
      await stillServing();
      rows[hostile.name] = `${answer.status} ${answer.body.toString().slice(0, 90).replace(/\s+/g, ' ')}`;
    }, 30_000);
  }

  describe('under fast-check (issue 13 item 9)', () => {
    const runs = chaosScale().propertyRuns;
    let internalErrors: string[];

    beforeEach(() => {
      internalErrors = [];
      const write = process.stderr.write.bind(process.stderr);
      spyOn(process.stderr, 'write').and.callFake(((chunk: string | Uint8Array, ...rest: never[]) => {
        if (String(chunk).startsWith('Emulator error:')) internalErrors.push(String(chunk).slice(0, 300));
        return write(chunk, ...rest);
      }) as typeof process.stderr.write);
    });

    /** Asserts one answer is a client error or success, JSON when it says so, and left nothing on stderr. */
    function expectHandled(answer: RawAnswer, what: string, path: string): void {
      if (answer.kind !== 'answer') throw new Error(`${what}: no answer (${answer.code})`);
      if (internalError(answer.status, path)) throw new Error(`${what}: ${answer.status} ${answer.body.toString().slice(0, 200)}`);
      if (String(answer.headers['content-type']).startsWith('application/json') && answer.body.length > 0) JSON.parse(answer.body.toString());
      if (internalErrors.length > 0) throw new Error(`${what}: ${internalErrors.join('\n')}`);
    }

    it('no path, under any method, reaches an internal error', async () => {
      let answered = 0;
      await fc.assert(
        fc.asyncProperty(hostilePath, fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'), async (path, method) => {
          const answer = await rawRequest(`${emulator.url}${path}`, { method, headers: SIMPLE });
          emulator.faults.clear();
          expectHandled(answer, `${method} ${path}`, path);
          answered++;
        }),
        { numRuns: runs * 3, seed: FC_SEED },
      );
      await stillServing();
      rows['fast-check: hostile paths'] = `${answered} requests, none an internal error (seed ${FC_SEED})`;
    }, 120_000);

    it('no body sent to an endpoint that reads one reaches an internal error', async () => {
      let answered = 0;
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...BODY_TARGETS), hostileBody, fc.constantFrom('application/json', 'text/plain', 'multipart/form-data; boundary=x'), async ([method, path], body, contentType) => {
          // With its length: node:http sends a DELETE body without one, which the server then reads as a next request.
          const headers = { ...SIMPLE, 'Content-Type': contentType, 'Content-Length': String(Buffer.byteLength(body)) };
          const answer = await rawRequest(`${emulator.url}${path}`, { method, headers, body });
          emulator.faults.clear();
          expectHandled(answer, `${method} ${path} with ${String(body).slice(0, 80)}`, path);
          answered++;
        }),
        { numRuns: runs * 2, seed: FC_SEED },
      );
      await stillServing();
      rows['fast-check: hostile bodies'] = `${answered} requests, none an internal error (seed ${FC_SEED})`;
    }, 120_000);
  });

  it('under fast-check (issue 13 item 4): no foreign page nor host name gets an answer it may read, none with credentials', async () => {
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ACCESS_PATHS), fc.constantFrom('GET', 'POST', 'OPTIONS'), hostileOrigin, hostileHost, async (path, method, origin, hostname) => {
        const host = hostname === undefined ? undefined : `${hostname}:${emulator.port}`;
        const headers: Record<string, string> = { Origin: sendable(origin), ...(host === undefined ? {} : { Host: host }), 'Access-Control-Request-Method': 'GET' };
        const answer = await rawRequest(`${emulator.url}${path}`, { method, headers, ...(method === 'POST' ? { body: '{}' } : {}) });
        emulator.faults.clear();
        if (answer.kind !== 'answer') throw new Error(`${method} ${path}: no answer (${answer.code})`);
        const what = `${method} ${path} from ${origin} on ${host ?? 'the default host'}: ${answer.status}`;
        const allowed = answer.headers['access-control-allow-origin'];
        if (answer.headers['access-control-allow-credentials'] !== undefined) throw new Error(`${what} allows credentials`);
        const hostIsLoopback = hostname === undefined || ['localhost', '127.0.0.1', '[::1]', '127.9.9.9'].includes(hostname) || hostname.endsWith('.localhost');
        if (!hostIsLoopback && answer.status !== 421) throw new Error(`${what}: a non-loopback host was served`);
        const privileged = path.startsWith('/__emulator/') || path === '/demo/sign';
        if (allowed !== undefined && (privileged || !isLoopbackOrigin(sendable(origin)))) throw new Error(`${what} allowed ${allowed}`);
        if (hostIsLoopback && !isLoopbackOrigin(sendable(origin)) && answer.status !== 403) throw new Error(`${what}: a foreign page was served`);
        checked++;
      }),
      { numRuns: chaosScale().propertyRuns * 2, seed: FC_SEED },
    );
    expect(emulator.faults.list()).toEqual([]);
    rows['fast-check: hostile origins and hosts'] = `${checked} requests: none readable by a foreign page, none with credentials, no foreign host served`;
  }, 120_000);

  it('a file name climbing out of the data dir is kept as a name only', async () => {
    const form = baseUploadForm('demopublickey', '../../../escape.txt', Buffer.from('escape'));
    const answer = await rawRequest(`${emulator.url}/base/?jsonerrors=1`, { method: 'POST', headers: { 'Content-Type': form.contentType }, body: form.body });
    if (answer.kind !== 'answer') throw new Error(`no answer: ${answer.code}`);
    expect(answer.status).toBe(200);
    const { file } = JSON.parse(answer.body.toString()) as { file: string };
    expect(await readdir(dir)).toEqual(['data']);
    const served = await fetch(`${emulator.url}/${file}/`);
    expect(await served.text()).toBe('escape');
    await stillServing();
    rows['file name ../../../escape.txt'] = `200, stored as a blob inside the data dir; nothing written outside it`;
  });

  it('a body promising more bytes than it sends, then hanging up, leaves nothing behind', async () => {
    const form = baseUploadForm('demopublickey', 'cut.bin', Buffer.alloc(64 * 1024, 1));
    const before = emulator.store.filesOf('demopublickey').length;
    const outcome = await new Promise<string>((resolve) => {
      const request = httpRequest(`${emulator.url}/base/`, {
        method: 'POST',
        headers: { 'Content-Type': form.contentType, 'Content-Length': String(form.body.length + 1024 * 1024) },
        agent: false,
      });
      request.on('response', (response) => resolve(`answered ${response.statusCode ?? 0}`));
      request.on('error', () => resolve('hung up'));
      request.write(form.body, () => setTimeout(() => request.destroy(), 200));
    });
    expect(outcome).toBe('hung up');
    await eventually(() => emulator.requests.inFlight(), (count) => count === 0, 'the cut request to end');
    await stillServing();
    expect(emulator.store.filesOf('demopublickey').length).toBe(before);
    rows['body shorter than its Content-Length'] = 'no file recorded; server keeps serving';
  }, 30_000);
});
