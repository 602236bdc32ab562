import fc from 'fast-check';
import { firstValueFrom, isObservable, take, toArray, type Observable } from 'rxjs';
import { Uploadcare } from '../../lib/client.js';
import { InvalidParamError, UploadcareException } from '../../lib/errors.js';
import { deleteFiles, storeFiles } from '../../lib/resources/batch.js';
import { File } from '../../lib/resources/file.js';
import { FileGroup } from '../../lib/resources/file-group.js';
import { FileList } from '../../lib/resources/file-list.js';
import { GroupList } from '../../lib/resources/group-list.js';
import { conf } from '../../lib/conf.js';
import { restRequest } from '../../lib/seed-requests.js';
import { FileFromUrl } from '../../lib/upload/file-from-url.js';
import { uploadFromUrl, uploadFromUrlSync } from '../../lib/upload/from-url.js';
import { signUpload } from '../../lib/upload/signature.js';
import { fromBlob, fromBytes } from '../../lib/upload/source.js';
import { uploadFile } from '../../lib/upload/upload-file.js';
import { uploadGroup } from '../../lib/upload/upload-group.js';
import { isUploadComplete } from '../../lib/upload/events.js';
import { hmacSha1Hex, hmacSha256Hex, md5Hex } from '../../lib/transport/crypto.js';
import { paginate } from '../../lib/transport/paginate.js';
import { restSignString } from '../../lib/transport/rest-sign-string.js';
import { retryByPolicy } from '../../lib/transport/retry.js';
import { DEFAULT_RETRY_POLICY } from '../../lib/transport/retry-policy.js';
import type { LoggedRequest } from '../support/script-server.js';
import { requestLog, resetScript, scriptBase } from '../transport/script.js';
import { recordFigures } from './support/figures.js';
import { chaosScale } from './support/scale.js';

// Hostile input: fast-check feeds every public constructor and option garbage (and near-misses of valid values).
// Each run must end in a typed InvalidParamError with NO request sent, or in success; a request that is sent must be
// well-formed (valid UUIDs, keys, numbers and dates only). The client talks to the script server, which echoes.

const UUID = /^[a-z0-9]{8}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{12}$/;
const UUID_IN_PATH = '[a-z0-9]{8}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{12}';
const VALID = 'a771f854-c2cb-408a-8c36-71af77811f3b';
const FC_SEED = 909;

type Outcome = 'invalid' | 'accepted';

/** Strings likely to break parsers: garbage, near-misses, path and header tricks. */
function hostileString(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.uuid().map((uuid) => uuid.toUpperCase()),
    fc.uuid(),
    fc.webUrl(),
    fc.constantFrom(
      '',
      ' ',
      '../',
      '%2e%2e/',
      `${VALID}/../../project/`,
      `${VALID}?x=1#`,
      `${VALID}\r\nX-Injected: 1`,
      `https://ucarecdn.com/${VALID}/-/resize/1x1/../../`,
      `${VALID}~0`,
      `${VALID}~-1`,
      `${VALID}~99999999999999999999`,
      '\u0000',
      'javascript:alert(1)',
      'A'.repeat(10_000),
      '__proto__',
      'constructor',
    ),
    fc.tuple(fc.uuid(), fc.string()).map(([uuid, tail]) => `${uuid}${tail}`),
  );
}

/** Mostly `valid` values, sometimes hostile ones: both paths (refusal and a well-formed request) get exercised. */
function mostly<T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: hostileValue() });
}

const validDate = fc.date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true });
const metadataKey = fc.stringMatching(/^[-_.:A-Za-z0-9]{1,64}$/);

/** An options argument: mostly `options`, sometimes no object at all (null, a number, a string...). */
function optionsArgument<T>(options: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 5, arbitrary: options }, { weight: 1, arbitrary: hostileValue() });
}

/** Values that cannot even be printed: `String(value)` or a template literal throws a TypeError on each. */
function unprintableValue(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constant({ toString: [] }),
    fc.constant({ toString: [], valueOf: [] }),
    fc.constant(Object.create(null) as unknown),
    fc.string().map((description) => Symbol(description)),
    fc.constant({ [Symbol.toPrimitive]: () => ({}) }),
  );
}

/** Any value at all, for options declared with a narrower type, unprintable ones included. */
function hostileValue(): fc.Arbitrary<unknown> {
  return fc.oneof(
    hostileString(),
    fc.anything({ withNullPrototype: true, withBigInt: true, withBoxedValues: true, withMap: true, withSet: true, withTypedArray: true }),
    unprintableValue(),
    fc.double(),
    fc.integer(),
    fc.date({ noInvalidDate: false }),
    fc.constant(undefined),
  );
}

describe('chaos: hostile input', () => {
  const scale = chaosScale();
  const figures: Record<string, string> = {};
  let client: Uploadcare;

  beforeAll(() => {
    client = new Uploadcare({
      publicKey: 'pk',
      secretKey: 'sk',
      restBase: scriptBase(),
      uploadBase: scriptBase(),
      cdnBase: scriptBase(),
      timeoutMs: 5000,
      retry: { throttled: { maxRetries: 0 }, network: { maxRetries: 0 } },
    });
  });

  afterAll(async () => {
    await recordFigures('hostile-input', { title: 'Hostile input (fast-check)', figures: { ...figures, 'fast-check seed': FC_SEED } });
  });

  /**
   * Runs `act` on every generated input: a thrown or emitted InvalidParamError must come with no request; any other
   * outcome is accepted only when every request sent passes `wellFormed`. Anything but an UploadcareException fails.
   */
  async function check<T>(name: string, input: fc.Arbitrary<T>, act: (value: T) => unknown, wellFormed: (request: LoggedRequest) => boolean): Promise<void> {
    const counts = { invalid: 0, accepted: 0 };
    await fc.assert(
      fc.asyncProperty(input, async (value) => {
        await resetScript();
        const outcome = await settle(() => act(value));
        const sent = await requestLog();
        if (outcome === 'invalid') {
          if (sent.length > 0) throw new Error(`InvalidParamError after a request: ${JSON.stringify(sent.map((r) => r.url))}`);
        } else {
          const bad = sent.filter((request) => !wellFormed(request));
          if (bad.length > 0) throw new Error(`garbage sent: ${JSON.stringify(bad.map((r) => `${r.method} ${r.url} ${r.body.slice(0, 200)}`))}`);
        }
        counts[outcome]++;
      }),
      { numRuns: scale.propertyRuns, seed: FC_SEED },
    );
    figures[name] = `${counts.invalid} refused / ${counts.accepted} accepted`;
  }

  const pathIs = (pattern: string) => (request: LoggedRequest) => new RegExp(`^/${pattern}$`).test(request.url.split('?')[0] ?? '');

  it('File: UUIDs, CDN URLs and effects', async () => {
    await check('new File(x).cdnUrl / defaultEffects / info(options)', fc.tuple(fc.oneof(hostileString(), fc.uuid(), fc.uuid().map((u) => `https://ucarecdn.com/${u}/-/resize/10x10/`)), mostly(fc.constantFrom('', 'resize/10x10/', 'effect/flip/-/effect/mirror/', 'crop/1x1/center/')), optionsArgument(fc.record({ include: mostly(fc.constant('appdata')) }, { requiredKeys: [] }))), ([reference, effects, infoOptions]) => {
      const file = new File(reference, client);
      if (!UUID.test(file.uuid)) throw new Error(`accepted a bad uuid ${file.uuid}`);
      file.defaultEffects = effects as string;
      const url = new URL(file.cdnUrl);
      if (!url.pathname.startsWith(`/${file.uuid}/`) || url.search || url.hash || url.pathname.includes('/../')) {
        throw new Error(`bad CDN URL ${file.cdnUrl}`);
      }
      return file.info(infoOptions as never);
    }, pathIs(`files/${UUID_IN_PATH}/`));
  }, 60_000);

  it('File: metadata keys and values, copies', async () => {
    await check('setMetadata(key, value)', fc.tuple(mostly(metadataKey), mostly(fc.string({ minLength: 1, maxLength: 512 }))), ([key, value]) =>
      new File(VALID, client).setMetadata(key as string, value as string),
    (request) => {
      const key = /^\/files\/[a-z0-9-]{36}\/metadata\/([^/?#]+)\/$/.exec(request.url)?.[1];
      return request.method === 'PUT' && key !== undefined && /^[-_.:A-Za-z0-9]{1,64}$/.test(decodeURIComponent(key)) && request.body.length <= 1024 * 8;
    });
    await check('copy({ effects, store, target, ... })', optionsArgument(fc.record({ effects: mostly(fc.constantFrom('resize/2x2/', 'effect/flip/')), store: mostly(fc.boolean()), target: mostly(fc.constantFrom('demo-storage', undefined)), makePublic: mostly(fc.boolean()), pattern: mostly(fc.constant('${uuid}')), metadata: mostly(fc.dictionary(metadataKey, fc.string({ minLength: 1, maxLength: 20 }), { maxKeys: 2 })) }, { requiredKeys: [] })), (options) =>
      new File(VALID, client).copy(options as never),
    (request) => request.method === 'POST' && /^\/files\/(local|remote)_copy\/$/.test(request.url) && new RegExp(`"source":"${UUID_IN_PATH}/`).test(request.body));
  }, 60_000);

  it('found by the properties: each refused typed, before any request', async () => {
    await resetScript();
    for (const key of ['.', '..']) {
      expect(await settle(() => new File(VALID, client).setMetadata(key, 'x'))).toBe('invalid');
      expect(await settle(() => new File(VALID, client).deleteMetadata(key))).toBe('invalid');
    }
    expect(await requestLog()).toEqual([]);
    // Options that are no object, and keys that cannot go into an Authorization header.
    const bytes = new Uint8Array([1]);
    expect(await settle(() => uploadFile(bytes, null as never, client))).toBe('invalid');
    expect(await settle(() => uploadFile(bytes, { policy: null } as never, client))).toBe('invalid');
    expect(await settle(() => uploadFromUrl('https://example.com/a.png', null as never, client))).toBe('invalid');
    expect(await settle(() => new File(VALID, client).copy(null as never))).toBe('invalid');
    expect(await settle(() => new File(VALID, client).info(null as never))).toBe('invalid');
    expect(await settle(() => FileGroup.upload(0 as never, {}, client))).toBe('invalid');
    for (const publicKey of [new Date(0), '\u0100', 'pk\r\nX-Injected: 1']) {
      expect(await settle(() => new Uploadcare({ publicKey: publicKey as never, restBase: scriptBase() }).rest('GET', 'files/'))).toBe('invalid');
    }
    expect(await settle(() => new Uploadcare({ apiVersion: '0.7\r\nX: 1', restBase: scriptBase() }))).toBe('invalid');
    // Batches of no list (rxjs's own TypeError before), a secret that is no string (Node's ERR_INVALID_ARG_TYPE before).
    for (const files of [null, undefined, 5, true, VALID, { toString: [] }]) {
      expect(await settle(() => storeFiles(files as never, client))).toBe('invalid');
      expect(await settle(() => deleteFiles(files as never, client))).toBe('invalid');
    }
    for (const secret of [5, null, undefined, '', { toString: [] }, Symbol('s')]) expect(await settle(() => signUpload(secret as never, 1_900_000_000))).toBe('invalid');
    expect(await settle(() => signUpload('sk', Symbol('e') as never))).toBe('invalid');
    // Values that cannot be printed: the message describes them instead of throwing a TypeError.
    for (const unprintable of [{ toString: [] }, Object.create(null) as unknown, Symbol('x'), { [Symbol.toPrimitive]: () => ({}) }]) {
      expect(await settle(() => new FileList({ limit: unprintable } as never, client))).toBe('invalid');
      expect(await settle(() => new Uploadcare({ timeoutMs: unprintable } as never))).toBe('invalid');
      expect(await settle(() => new Uploadcare({ restBase: unprintable } as never))).toBe('invalid');
      expect(await settle(() => new File(VALID, client).copy({ store: unprintable } as never))).toBe('invalid');
      expect(await settle(() => fromBytes(new Uint8Array([1]), { type: unprintable } as never))).toBe('invalid');
      const saved = { ...conf };
      try {
        Object.assign(conf, { timeout: unprintable, pubKey: 'pk', apiBase: scriptBase() });
        expect(await settle(() => restRequest('GET', 'files/'))).toBe('invalid');
      } finally {
        Object.assign(conf, saved);
      }
    }
    expect(await settle(() => fromBytes(new Uint8Array([1]), { type: 'text/plain\r\nX-Injected: 1' }))).toBe('invalid');
    expect(await requestLog()).toEqual([]);
    // The echo has no `result`: a malformed answer is the server's fault, an APIError, not an InvalidParamError.
    const failure = await firstValueFrom(new File(VALID, client).copy()).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UploadcareException);
    expect(failure).not.toBeInstanceOf(InvalidParamError);
  });

  it('issue 13 item 10: null options are InvalidParamErrors, not TypeErrors, before any request', async () => {
    await resetScript();
    expect(await settle(() => new FileFromUrl(VALID, client).wait(null as never))).toBe('invalid');
    expect(await settle(() => client.request(null as never))).toBe('invalid');
    expect(await settle(() => client.rest('GET', 'files/', undefined, null as never))).toBe('invalid');
    expect(await settle(() => client.upload('POST', 'base/', null as never))).toBe('invalid');
    expect(await settle(() => client.upload('POST', 'base/', {}, null as never))).toBe('invalid');
    expect(await settle(() => new Uploadcare(null as never))).toBe('invalid');
    expect(await settle(() => new Uploadcare({}, null as never))).toBe('invalid');
    expect(await settle(() => uploadFromUrlSync('https://example.com/a.png', null as never, client))).toBe('invalid');
    expect(await settle(() => new FileList(null as never, client))).toBe('invalid');
    expect(await settle(() => FileGroup.create([new File(VALID, client)], null as never, client))).toBe('invalid');
    expect(await settle(() => uploadFile(new Uint8Array([1]), {}, 'client' as never))).toBe('invalid');
    expect(await settle(() => client.rest('POST', 'files/storage/', { big: 1n }))).toBe('invalid');
    // Found on the way: the exported helpers, TypeErrors from node:crypto, URL and property reads before.
    expect(await settle(() => restSignString(null as never))).toBe('invalid');
    expect(await settle(() => md5Hex(null as never))).toBe('invalid');
    expect(await settle(() => hmacSha1Hex(null as never, 'x'))).toBe('invalid');
    expect(await settle(() => hmacSha256Hex('k', 5 as never))).toBe('invalid');
    expect(await settle(() => paginate(null as never, null as never, null as never))).toBe('invalid');
    expect(isUploadComplete(null as never)).toBe(false);
    expect(await settle(() => retryByPolicy(null as never, { method: 'GET' }))).toBe('invalid');
    expect(await settle(() => retryByPolicy(DEFAULT_RETRY_POLICY, { method: 'GET' }, { scheduler: 5 } as never))).toBe('invalid');
    expect(await settle(() => new Uploadcare({}, { random: 'x' } as never))).toBe('invalid');
    expect(await requestLog()).toEqual([]);
  });

  it('garbage in any argument position of the public API: InvalidParamError (never a TypeError) before any request, or a typed outcome', async () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const url = 'https://example.com/a.png';
    /** Each entry point with valid arguments; the property replaces one of them with garbage. */
    const entryPoints: readonly { readonly name: string; readonly args: () => unknown[]; readonly call: (...args: never[]) => unknown }[] = [
      { name: 'new Uploadcare(options, environment)', args: () => [{ publicKey: 'pk', secretKey: 'sk', restBase: scriptBase() }, {}], call: (options, environment) => new Uploadcare(options, environment).rest('GET', 'files/') },
      { name: 'rest(method, path, data, options)', args: () => ['GET', 'files/', undefined, {}], call: (method, path, data, options) => client.rest(method, path, data, options) },
      { name: 'upload(method, path, data, files, options)', args: () => ['POST', 'base/', { store: '0' }, { file: bytes }, {}], call: (method, path, data, files, options) => client.upload(method, path, data, files, options) },
      { name: 'request(request)', args: () => [{ method: 'GET', url: `${scriptBase()}files/` }], call: (request) => client.request(request) },
      { name: 'new FileFromUrl(token, client).wait(options)', args: () => [VALID, client, { timeout: 1, interval: 0.01 }], call: (token, given, options) => new FileFromUrl(token, given).wait(options) },
      { name: 'uploadFile(input, options, client)', args: () => [bytes, {}, client], call: (input, options, given) => uploadFile(input, options, given) },
      { name: 'uploadGroup(inputs, options, client)', args: () => [[bytes], {}, client], call: (inputs, options, given) => uploadGroup(inputs, options, given) },
      { name: 'uploadFromUrl(url, options, client)', args: () => [url, {}, client], call: (source, options, given) => uploadFromUrl(source, options, given) },
      { name: 'uploadFromUrlSync(url, options, client)', args: () => [url, { timeout: 1, interval: 0.01 }, client], call: (source, options, given) => uploadFromUrlSync(source, options, given) },
      { name: 'new File(uuid, client).info(options)', args: () => [VALID, client, {}], call: (uuid, given, options) => new File(uuid, given).info(options) },
      { name: 'new File(uuid, client).updateInfo(options)', args: () => [VALID, client, {}], call: (uuid, given, options) => new File(uuid, given).updateInfo(options) },
      { name: 'new File(uuid, client).copy(options)', args: () => [VALID, client, {}], call: (uuid, given, options) => new File(uuid, given).copy(options) },
      { name: 'new File(uuid, client).setMetadata(key, value)', args: () => [VALID, client, 'k', 'v'], call: (uuid, given, key, value) => new File(uuid, given).setMetadata(key, value) },
      { name: 'new FileList(options, client)', args: () => [{ limit: 1 }, client], call: (options, given) => new FileList(options, given).pipe(take(1)) },
      { name: 'new GroupList(options, client)', args: () => [{ limit: 1 }, client], call: (options, given) => new GroupList(options, given).pipe(take(1)) },
      { name: 'new FileGroup(id, client).info()', args: () => [`${VALID}~1`, client], call: (id, given) => new FileGroup(id, given).info() },
      { name: 'FileGroup.create(files, options, client)', args: () => [[new File(VALID, client)], {}, client], call: (files, options, given) => FileGroup.create(files, options, given) },
      { name: 'storeFiles(files, client)', args: () => [[VALID], client], call: (files, given) => storeFiles(files, given) },
      { name: 'deleteFiles(files, client)', args: () => [[VALID], client], call: (files, given) => deleteFiles(files, given) },
      { name: 'fromBytes(bytes, description)', args: () => [bytes, { name: 'a.txt' }], call: (data, description) => uploadFile(fromBytes(data, description), {}, client) },
      { name: 'signUpload(secret, expire)', args: () => ['sk', 1_900_000_000], call: (secret, expire) => signUpload(secret, expire) },
      { name: 'restSignString(request)', args: () => [{ method: 'GET', url: `${scriptBase()}files/`, body: '', contentType: '', date: 'now' }], call: (request) => restSignString(request) },
      { name: 'md5Hex(data)', args: () => ['abc'], call: (data) => md5Hex(data) },
      { name: 'hmacSha1Hex(key, message)', args: () => ['sk', 'abc'], call: (key, message) => hmacSha1Hex(key, message) },
      { name: 'hmacSha256Hex(key, message)', args: () => ['sk', 'abc'], call: (key, message) => hmacSha256Hex(key, message) },
      { name: 'paginate(first, fetchPage, nextOf)', args: () => [`${scriptBase()}files/`, (url: string) => client.request({ method: 'GET', url }), () => null], call: (first, fetchPage, nextOf) => paginate(first, fetchPage, nextOf) },
      { name: 'retryByPolicy(policy, target, environment)', args: () => [DEFAULT_RETRY_POLICY, { method: 'GET' }, {}], call: (policy, target, environment) => client.request({ method: 'GET', url: `${scriptBase()}files/` }).pipe(retryByPolicy(policy, target, environment)) },
      { name: 'isUploadComplete(event)', args: () => [{ type: 'progress', done: 0, total: 1 }], call: (event) => isUploadComplete(event) },
    ];
    const garbage = fc.record({ entry: fc.nat(entryPoints.length - 1), position: fc.nat(4), value: hostileValue() });
    await check('any entry point, any argument position', garbage, ({ entry, position, value }) => {
      const { args, call } = entryPoints[entry] as (typeof entryPoints)[number];
      const given = args();
      given[position % given.length] = value;
      return call(...(given as never[]));
    }, () => true);
  }, 120_000);

  it('FileGroup: ids and create()', async () => {
    await check('new FileGroup(x)', fc.oneof(hostileString(), fc.tuple(fc.uuid(), fc.integer({ min: 1, max: 1000 })).map(([u, n]) => `${u}~${n}`)), (reference) => {
      const group = new FileGroup(reference, client);
      if (!new RegExp(`^${UUID_IN_PATH}~[1-9][0-9]*$`).test(group.id) || group.length < 1) throw new Error(`bad group id ${group.id}`);
      return group.info();
    }, pathIs(`groups/${UUID_IN_PATH}~[1-9][0-9]*/`));
    await check('FileGroup.create(items)', fc.array(fc.oneof(hostileValue(), fc.constant(new File(VALID, client))), { maxLength: 5 }), (items) =>
      FileGroup.create(items as File[], client),
    (request) => request.method === 'POST' && request.url.startsWith('/group/'));
  }, 60_000);

  it('FileList and GroupList: dates, limits, flags', async () => {
    const options = fc.record({ since: mostly(validDate), until: mostly(validDate), limit: mostly(fc.nat(3000)), requestLimit: mostly(fc.integer({ min: 1, max: 1000 })), stored: mostly(fc.boolean()), removed: mostly(fc.boolean()) }, { requiredKeys: [] });
    const wellFormedList = (request: LoggedRequest): boolean => {
      const url = new URL(request.url, 'http://x');
      const limit = Number(url.searchParams.get('limit') ?? 100);
      const from = url.searchParams.get('from');
      return Number.isInteger(limit) && limit >= 1 && limit <= 1000 && (from === null || !Number.isNaN(Date.parse(from)));
    };
    await check('new FileList(options)', options, (value) => new FileList(value as never, client).pipe(take(1), toArray()), wellFormedList);
    await check('new GroupList(options)', options, (value) => new GroupList(value as never, client).pipe(take(1), toArray()), wellFormedList);
  }, 60_000);

  it('Uploadcare options', async () => {
    const options = fc.record({
      publicKey: mostly(fc.string()), secretKey: mostly(fc.string()), restBase: mostly(fc.webUrl()), uploadBase: mostly(fc.webUrl()), cdnBase: mostly(fc.webUrl()),
      apiVersion: mostly(fc.constant('0.7')), authScheme: mostly(fc.constantFrom('signed', 'simple')), timeoutMs: mostly(fc.nat()), userAgent: mostly(fc.string()),
      retry: fc.oneof(hostileValue(), fc.record({ throttled: fc.record({ maxRetries: mostly(fc.nat(10)), baseMs: mostly(fc.nat(1000)), maxMs: mostly(fc.nat(5000)) }, { requiredKeys: [] }), maxServerWaitMs: mostly(fc.nat()) }, { requiredKeys: [] })),
    }, { requiredKeys: [] });
    // A client that is built must work: its first request goes to the script server only when its bases point there.
    await check('new Uploadcare(options)', options, (value) => {
      const built = new Uploadcare(value as never);
      if (!/^https?:\/\/.+\/$/.test(built.options.restBase)) throw new Error(`bad restBase ${built.options.restBase}`);
      return undefined;
    }, () => false);
    // And a client built from hostile options sends only well-formed requests (its bases forced to the script server).
    const restHeaders = (request: LoggedRequest): boolean => {
      const { accept, authorization } = request.headers;
      return (
        /^application\/vnd\.uploadcare-v[0-9.]+\+json$/.test(String(accept)) &&
        (authorization === undefined || /^Uploadcare(\.Simple)? [\x20-\x7e]*$/.test(String(authorization))) &&
        Object.values(request.headers).every((value) => !/[\r\n\0]/.test(String(value)))
      );
    };
    await check('a REST call of a client with those options', options, (value) =>
      new Uploadcare({ ...(value as object), restBase: scriptBase(), uploadBase: scriptBase(), cdnBase: scriptBase() }).rest('GET', 'files/'),
    restHeaders);
  }, 60_000);

  it('the global conf, FileGroup.upload and FileFromUrl', async () => {
    const confFields = fc.record({
      pubKey: mostly(fc.string()), secret: mostly(fc.string()), apiVersion: mostly(fc.constant('0.7')), timeout: mostly(fc.integer({ min: 1, max: 60 })),
      retryThrottled: mostly(fc.nat(5)), userAgentExtension: mostly(fc.string()), authScheme: mostly(fc.constantFrom('signed', 'simple')),
    }, { requiredKeys: [] });
    await check('conf fields + restRequest()', confFields, async (fields) => {
      const saved = { ...conf };
      try {
        Object.assign(conf, fields, { apiBase: scriptBase(), uploadBase: scriptBase(), cdnBase: scriptBase() });
        await firstValueFrom(restRequest('GET', 'files/'));
      } finally {
        Object.assign(conf, saved);
      }
    }, (request) => request.url === '/files/' && !/[\r\n\0]/.test(JSON.stringify(request.headers)));
    const input = fc.oneof(fc.constant(new Uint8Array([1, 2])), hostileValue());
    await check('FileGroup.upload(inputs, options)', fc.tuple(mostly(fc.array(input, { maxLength: 3 })), optionsArgument(fc.record({ store: mostly(fc.boolean()), metadata: mostly(fc.dictionary(metadataKey, fc.string({ maxLength: 9 }), { maxKeys: 2 })) }, { requiredKeys: [] }))),
      ([inputs, options]) => FileGroup.upload(inputs as never, options as never, client).pipe(toArray()),
      (request) => request.method === 'POST' && (request.url.startsWith('/base/') || request.url.startsWith('/group/')));
    await check('new FileFromUrl(token).wait(options)', fc.tuple(mostly(fc.uuid()), optionsArgument(fc.record({ timeout: mostly(fc.integer({ min: 1, max: 5 })), interval: mostly(fc.double({ min: 0, max: 0.05, noNaN: true })), untilReady: mostly(fc.boolean()) }, { requiredKeys: [] }))),
      ([token, options]) => new FileFromUrl(token as string, client).wait(options as never).pipe(take(1)),
      // The token is opaque: any string, sent encoded in the query.
      (request) => request.method === 'GET' && request.url.startsWith('/from_url/status/?') && (new URL(request.url, 'http://x').searchParams.get('token') ?? '') !== '');
  }, 90_000);

  it('uploads: options and policies, from-URL sources', async () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const uploadOptions = fc.record({
      store: mostly(fc.constantFrom('auto', true, false)), filename: mostly(fc.string({ minLength: 1 })), contentType: mostly(fc.constantFrom('image/png', 'text/plain; charset=utf-8')),
      metadata: fc.oneof(hostileValue(), fc.dictionary(fc.oneof({ weight: 4, arbitrary: metadataKey }, { weight: 1, arbitrary: hostileString() }), mostly(fc.string({ maxLength: 512 })), { maxKeys: 3 })),
      signatureLifetimeSeconds: mostly(fc.integer({ min: 60, max: 3600 })),
      policy: fc.oneof(hostileValue(), fc.record({ multipartThreshold: mostly(fc.integer({ min: 10 * 1024 * 1024, max: 2 ** 40 })), partSize: mostly(fc.integer({ min: 5 * 1024 * 1024, max: 2 ** 30 })), partConcurrency: mostly(fc.integer({ min: 1, max: 16 })), partRetries: mostly(fc.nat(5)) }, { requiredKeys: [] })),
    }, { requiredKeys: [] });
    const noRawBreaks = (request: LoggedRequest): boolean => {
      // Every form part starts with its own Content-Disposition: no value smuggled a header or a part in.
      const boundary = /boundary=(.+)$/.exec(String(request.headers['content-type'] ?? ''))?.[1];
      if (!boundary) return request.method === 'POST' && request.url.startsWith('/base/') === false ? false : true;
      const parts = request.body.split(`--${boundary}`).slice(1, -1);
      return parts.every((part) => /^\r\nContent-Disposition: form-data; name="[^"\r\n]*"(; filename="[^"\r\n]*")?\r\n(Content-Type: [^\r\n]+\r\n)?\r\n/.test(part));
    };
    await check('uploadFile(bytes, options)', optionsArgument(uploadOptions), (value) => uploadFile(bytes, value as never, client), (request) => request.url.startsWith('/base/') && noRawBreaks(request));
    await check('uploadFromUrl(url, options)', fc.tuple(fc.oneof(hostileString(), fc.webUrl()), optionsArgument(fc.record({ store: mostly(fc.constantFrom('auto', true, false)), filename: mostly(fc.string({ minLength: 1 })), checkUrlDuplicates: mostly(fc.boolean()), saveUrlDuplicates: mostly(fc.boolean()) }, { requiredKeys: [] }))),
      ([url, value]) => uploadFromUrl(url, value as never, client),
      (request) => request.url.startsWith('/from_url/') && noRawBreaks(request) && /name="source_url"\r\n\r\nhttps?:\/\/[^\r\n]+\r\n/.test(request.body));
    await check('uploadFromUrlSync(url, options)', fc.tuple(fc.oneof(hostileString(), fc.webUrl()), optionsArgument(fc.record({ store: mostly(fc.constantFrom('auto', true, false)), filename: mostly(fc.string({ minLength: 1 })), checkUrlDuplicates: mostly(fc.boolean()), timeout: mostly(fc.integer({ min: 1, max: 5 })), interval: mostly(fc.double({ min: 0, max: 0.05, noNaN: true })), untilReady: mostly(fc.boolean()) }, { requiredKeys: [] }))),
      ([url, value]) => uploadFromUrlSync(url, value as never, client),
      (request) => (request.url.startsWith('/from_url/?') || request.url === '/from_url/') && noRawBreaks(request) && /name="source_url"\r\n\r\nhttps?:\/\/[^\r\n]+\r\n/.test(request.body));
    const description = optionsArgument(fc.record({ name: mostly(fc.string({ minLength: 1 })), type: mostly(fc.constantFrom('image/png', 'text/plain; charset=utf-8')) }, { requiredKeys: [] }));
    await check('uploadFile(fromBytes(bytes, description))', fc.tuple(fc.oneof({ weight: 4, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 4 }) }, { weight: 1, arbitrary: hostileValue() }), description),
      ([data, value]) => uploadFile(fromBytes(data as never, value as never), {}, client),
      (request) => request.url.startsWith('/base/') && noRawBreaks(request));
    if (typeof Blob !== 'undefined') {
      await check('uploadFile(fromBlob(blob, description))', fc.tuple(fc.oneof({ weight: 4, arbitrary: fc.string({ minLength: 1, maxLength: 4 }).map((text) => new Blob([text])) }, { weight: 1, arbitrary: hostileValue() }), description),
        ([blob, value]) => uploadFile(fromBlob(blob as never, value as never), {}, client),
        (request) => request.url.startsWith('/base/') && noRawBreaks(request));
    }
  }, 120_000);

  it('batches: items and non-arrays, for store and delete', async () => {
    const batchInput = fc.oneof({ weight: 3, arbitrary: fc.array(mostly(fc.uuid()), { maxLength: 4 }) }, { weight: 1, arbitrary: hostileValue() });
    const storageRequest = (method: string) => (request: LoggedRequest): boolean =>
      request.method === method && request.url === '/files/storage/' && (JSON.parse(request.body) as unknown[]).every((uuid) => typeof uuid === 'string' && UUID.test(uuid));
    await check('storeFiles(items)', batchInput, (items) => storeFiles(items as never, client).pipe(toArray()), storageRequest('PUT'));
    await check('deleteFiles(items)', batchInput, (items) => deleteFiles(items as never, client).pipe(toArray()), storageRequest('DELETE'));
  }, 60_000);

  it('File: updateInfo(options), deleteMetadata(key); signUpload(secret, expire)', async () => {
    await check('File.updateInfo(options)', optionsArgument(fc.record({ include: mostly(fc.constant('appdata')) }, { requiredKeys: [] })), (options) =>
      new File(VALID, client).updateInfo(options as never),
    pathIs(`files/${UUID_IN_PATH}/`));
    await check('File.deleteMetadata(key)', fc.oneof(metadataKey, hostileValue()), (key) => new File(VALID, client).deleteMetadata(key as string),
      (request) => {
        const key = /^\/files\/[a-z0-9-]{36}\/metadata\/([^/?#]+)\/$/.exec(request.url)?.[1];
        return request.method === 'DELETE' && key !== undefined && /^[-_.:A-Za-z0-9]{1,64}$/.test(decodeURIComponent(key)) && !['.', '..'].includes(key);
      });
    await check('signUpload(secret, expire)', fc.tuple(mostly(fc.string({ minLength: 1 })), mostly(fc.integer({ min: 0, max: 2 ** 40 }))), async ([secret, expire]) => {
      const signature = await firstValueFrom(signUpload(secret as string, expire as number));
      if (!/^[0-9a-f]{64}$/.test(signature.signature) || signature.expire !== expire) throw new Error(`bad signature ${JSON.stringify(signature)}`);
    }, () => false);
  }, 60_000);
});

/** Runs `act` and whatever Observable it returns: InvalidParamError -> 'invalid'; success or another typed error -> 'accepted'. */
async function settle(act: () => unknown): Promise<Outcome> {
  try {
    const result: unknown = await act();
    if (isObservable(result)) await firstValueFrom(result as Observable<unknown>, { defaultValue: undefined });
    return 'accepted';
  } catch (error) {
    if (error instanceof InvalidParamError) return 'invalid';
    // The echo is no valid answer to most calls: a typed error about the answer is fine, the request was checked.
    if (error instanceof UploadcareException) return 'accepted';
    throw error;
  }
}
