import fc from 'fast-check';
import { firstValueFrom, isObservable, take, type Observable } from 'rxjs';
import { executeAddon } from '../../lib/addons/execute-addon.js';
import { Uploadcare } from '../../lib/client.js';
import { convertDocument } from '../../lib/convert/convert-document.js';
import { convertVideo } from '../../lib/convert/convert-video.js';
import { conf, defaultClient } from '../../lib/conf.js';
import { UPLOADCARE_OPTION_KEYS } from '../../lib/config.js';
import { InvalidParamError, UnknownOptionError } from '../../lib/errors.js';
import { editDistance } from '../../lib/options/nearest-name.js';
import { SEED_ALIASES } from '../../lib/options/seed-aliases.js';
import { File } from '../../lib/resources/file.js';
import { FileGroup } from '../../lib/resources/file-group.js';
import { FileList } from '../../lib/resources/file-list.js';
import { GroupList } from '../../lib/resources/group-list.js';
import { FileFromUrl } from '../../lib/upload/file-from-url.js';
import { uploadFromUrl, uploadFromUrlSync } from '../../lib/upload/from-url.js';
import { fromBytes } from '../../lib/upload/source.js';
import { uploadFile } from '../../lib/upload/upload-file.js';
import { uploadGroup } from '../../lib/upload/upload-group.js';
import { requestLog, resetScript, scriptBase } from '../transport/script.js';

// Issue 12: one name per option across conf, the client and the docs, the seed's names accepted as aliases, and an
// unknown key an UnknownOptionError (an InvalidParamError) naming it and the nearest valid key, never dropped.

const VALID = 'a771f854-c2cb-408a-8c36-71af77811f3b';

describe('option names (issue 12)', () => {
  const saved = { ...conf };
  afterEach(() => Object.assign(conf, saved));

  it('new Uploadcare({ apiBase }) uses it as the REST base (it was ignored: calls went to the real service)', async () => {
    await resetScript();
    const client = new Uploadcare({ apiBase: scriptBase(), pubKey: 'pk', secret: 'sk' } as never);
    expect(client.options.restBase).toBe(scriptBase());
    await firstValueFrom(client.rest('GET', 'files/'));
    expect((await requestLog()).map((request) => request.url)).toEqual(['/files/']);
  });

  it("accepts every seed name (pyuploadcare's conf, snake_case and camelCase) for the option it stands for", () => {
    const base = 'http://127.0.0.1:9/';
    const cases: readonly [Record<string, unknown>, Record<string, unknown>][] = [
      [{ pub_key: 'pk' }, { publicKey: 'pk' }],
      [{ pubKey: 'pk' }, { publicKey: 'pk' }],
      [{ secret: 'sk' }, { secretKey: 'sk' }],
      [{ api_base: base }, { restBase: base }],
      [{ apiBase: base }, { restBase: base }],
      [{ upload_base: base }, { uploadBase: base }],
      [{ cdn_base: base }, { cdnBase: base }],
      [{ api_version: '0.6' }, { apiVersion: '0.6' }],
      [{ user_agent_extension: 'app/1' }, { userAgent: 'app/1' }],
      [{ userAgentExtension: 'app/1' }, { userAgent: 'app/1' }],
      [{ timeout: 2.5 }, { timeoutMs: 2500 }],
      [{ verify_api_ssl: true, verifyUploadSsl: true }, {}],
    ];
    for (const [seed, options] of cases) {
      expect(new Uploadcare(seed as never).options).toEqual(new Uploadcare(options).options);
    }
    expect(new Uploadcare({ retry_throttled: 2 } as never).options.retry.throttled.maxRetries).toBe(2);
    expect(new Uploadcare({ retryThrottled: 2, retry: { throttled: { baseMs: 7 } } } as never).options.retry.throttled).toEqual(
      jasmine.objectContaining({ maxRetries: 2, baseMs: 7 }),
    );
  });

  it('refuses an option given under two names with different values, and verify_api_ssl: false', () => {
    expect(() => new Uploadcare({ restBase: 'http://127.0.0.1:1/', apiBase: 'http://127.0.0.1:2/' } as never)).toThrowError(InvalidParamError, /restBase and its seed name apiBase disagree/);
    expect(new Uploadcare({ restBase: 'http://127.0.0.1:1/', api_base: 'http://127.0.0.1:1/' } as never).options.restBase).toBe('http://127.0.0.1:1/');
    expect(() => new Uploadcare({ verify_api_ssl: false } as never)).toThrowError(InvalidParamError, /always verified/);
  });

  it('an unknown key is an UnknownOptionError naming it and the nearest valid one', () => {
    const error = (() => {
      try {
        new Uploadcare({ restBse: 'http://127.0.0.1:1/' } as never);
      } catch (thrown) {
        return thrown;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(UnknownOptionError);
    expect(error).toBeInstanceOf(InvalidParamError);
    expect(error).toEqual(jasmine.objectContaining({ option: 'restBse', nearest: 'restBase', where: 'Uploadcare options' }));
    expect((error as Error).message).toBe('Unknown option "restBse" in Uploadcare options; did you mean "restBase"?');
  });

  it('conf has the client options\' names; the seed names read and write them; an unknown key throws', () => {
    conf.restBase = 'http://127.0.0.1:5/';
    expect(conf.apiBase).toBe('http://127.0.0.1:5/');
    conf.pubKey = 'pk';
    expect(conf.publicKey).toBe('pk');
    conf.timeout = 3;
    expect(conf.timeoutMs).toBe(3000);
    conf.retryThrottled = 1;
    expect(conf.retry).toEqual({ throttled: { maxRetries: 1 } });
    expect(Object.keys({ ...conf }).sort()).toEqual([...UPLOADCARE_OPTION_KEYS].sort());
    const client = defaultClient();
    expect([client.options.restBase, client.options.publicKey, client.options.timeoutMs, client.options.retry.throttled.maxRetries]).toEqual(['http://127.0.0.1:5/', 'pk', 3000, 1]);
    expect(() => Object.assign(conf, { apiBse: 'http://127.0.0.1:6/' })).toThrowError(UnknownOptionError, /did you mean "apiBase"\?/);
  });

  it('every options object of the public API refuses unknown keys (property), before any request', async () => {
    const client = new Uploadcare({ publicKey: 'pk', secretKey: 'sk', restBase: scriptBase(), uploadBase: scriptBase(), cdnBase: scriptBase(), retry: { network: { maxRetries: 0 } } });
    const bytes = new Uint8Array([1, 2, 3]);
    const url = 'https://example.com/a.png';
    const clientKeys = [...UPLOADCARE_OPTION_KEYS, ...Object.keys(SEED_ALIASES)];
    const uploadKeys = ['store', 'filename', 'contentType', 'metadata', 'tags', 'waitUntilReady', 'policy', 'signed', 'signatureLifetimeSeconds'];
    const fromUrlKeys = ['store', 'filename', 'metadata', 'tags', 'signed', 'signatureLifetimeSeconds', 'checkUrlDuplicates', 'saveUrlDuplicates'];
    const waitKeys = ['timeout', 'interval', 'untilReady', 'ramp'];
    const requestKeys = ['timeoutMs', 'retry', 'idempotent', 'onUploadProgress', 'headers'];
    const listKeys = ['since', 'until', 'limit', 'requestLimit'];
    const backoffKeys = ['maxRetries', 'baseMs', 'maxMs'];
    /** Each options object: its valid keys and a call that takes it. */
    const takers: readonly { readonly name: string; readonly known: readonly string[]; readonly call: (options: object) => unknown }[] = [
      { name: 'new Uploadcare(options)', known: clientKeys, call: (options) => new Uploadcare(options as never) },
      { name: 'new Uploadcare(options).retry', known: ['throttled', 'network', 'retryStatuses', 'maxServerWaitMs'], call: (retry) => new Uploadcare({ retry }) },
      { name: 'new Uploadcare(options).retry.network', known: backoffKeys, call: (network) => new Uploadcare({ retry: { network } }) },
      { name: 'new Uploadcare(options, environment)', known: ['scheduler', 'random'], call: (environment) => new Uploadcare({}, environment) },
      { name: 'rest(..., options)', known: requestKeys, call: (options) => client.rest('GET', 'files/', undefined, options) },
      { name: 'rest(..., { retry: { throttled } })', known: backoffKeys, call: (throttled) => client.rest('GET', 'files/', undefined, { retry: { throttled } }) },
      { name: 'upload(..., options)', known: requestKeys, call: (options) => client.upload('POST', 'base/', {}, {}, options) },
      { name: 'request(request)', known: [...requestKeys, 'method', 'url', 'body', 'responseType'], call: (options) => client.request({ method: 'GET', url: `${scriptBase()}x/`, ...options }) },
      { name: 'wait(options)', known: waitKeys, call: (options) => new FileFromUrl(VALID, client).wait(options) },
      { name: 'wait({ ramp })', known: ['firstInterval', 'growth'], call: (ramp) => new FileFromUrl(VALID, client).wait({ ramp }) },
      { name: 'uploadFile(input, options)', known: uploadKeys, call: (options) => uploadFile(bytes, options, client) },
      { name: 'uploadFile(input, { policy })', known: ['multipartThreshold', 'partConcurrency', 'partRetries', 'partSize', 'fileConcurrency'], call: (policy) => uploadFile(bytes, { policy }, client) },
      { name: 'uploadGroup(inputs, options)', known: uploadKeys, call: (options) => uploadGroup([bytes], options, client) },
      { name: 'uploadFromUrl(url, options)', known: fromUrlKeys, call: (options) => uploadFromUrl(url, options, client) },
      { name: 'uploadFromUrlSync(url, options)', known: [...fromUrlKeys, ...waitKeys], call: (options) => uploadFromUrlSync(url, options, client) },
      { name: 'fromBytes(bytes, description)', known: ['name', 'type'], call: (description) => uploadFile(fromBytes(bytes, description), {}, client) },
      { name: 'File.info(options)', known: ['include'], call: (options) => new File(VALID, client).info(options) },
      { name: 'File.updateInfo(options)', known: ['include'], call: (options) => new File(VALID, client).updateInfo(options) },
      { name: 'File.copy(options)', known: ['effects', 'store', 'metadata', 'target'], call: (options) => new File(VALID, client).copy(options) },
      { name: 'File.copy({ target, ...options })', known: ['effects', 'target', 'makePublic', 'pattern'], call: (options) => new File(VALID, client).copy({ target: 'storage', ...options }) },
      { name: 'new FileList(options)', known: [...listKeys, 'stored', 'removed', 'include'], call: (options) => new FileList(options, client).pipe(take(1)) },
      { name: 'new GroupList(options)', known: listKeys, call: (options) => new GroupList(options, client).pipe(take(1)) },
      { name: 'FileGroup.create(files, options)', known: ['signed', 'signatureLifetimeSeconds'], call: (options) => FileGroup.create([new File(VALID, client)], options, client) },
      { name: 'conf', known: clientKeys, call: (fields) => Object.assign(conf, fields) },
      { name: 'File.updateTags(update)', known: ['add', 'remove'], call: (update) => new File(VALID, client).updateTags(update) },
      { name: 'convertDocument(files, options)', known: ['format', 'page', 'saveInGroup', 'store', 'timeout', 'interval'], call: (options) => convertDocument(VALID, options as never, client) },
      { name: 'convertVideo(files, options)', known: ['format', 'quality', 'size', 'cut', 'thumbs', 'store', 'timeout', 'interval'], call: (options) => convertVideo(VALID, options, client) },
      { name: 'convertVideo(files, { size })', known: ['width', 'height', 'resizeMode'], call: (size) => convertVideo(VALID, { size: { width: 640, ...size } }, client) },
      { name: 'convertVideo(files, { cut })', known: ['start', 'length'], call: (cut) => convertVideo(VALID, { cut: { start: '1', length: 'end', ...cut } }, client) },
      { name: 'executeAddon(name, file, params, timing)', known: ['timeout', 'interval'], call: (timing) => executeAddon('remove_bg', VALID, {}, timing, client) },
    ];
    const typo = (known: readonly string[]) =>
      fc.oneof(
        fc.string({ minLength: 1, maxLength: 20 }),
        fc.tuple(fc.constantFrom(...known), fc.nat(40), fc.constantFrom('', 'x', '_', 'S')).map(([key, at, insert]) => `${key.slice(0, at % key.length)}${insert}${key.slice((at % key.length) + 1)}`),
      ).filter((key) => !known.includes(key) && key !== '__proto__');
    const cases = fc.nat(takers.length - 1).chain((index) => fc.tuple(fc.constant(index), typo((takers[index] as (typeof takers)[number]).known), fc.jsonValue()));
    await fc.assert(
      fc.asyncProperty(cases, async ([index, key, value]) => {
        const { name, known, call } = takers[index] as (typeof takers)[number];
        await resetScript();
        const error = await failureOf(() => call({ [key]: value }));
        Object.assign(conf, saved);
        if (!(error instanceof UnknownOptionError)) throw new Error(`${name} took ${JSON.stringify(key)}: ${String(error)}`);
        expect(error.option).toBe(key);
        expect(known).toContain(error.nearest as string);
        expect(Math.min(...known.map((valid) => editDistance(key.toLowerCase(), valid.toLowerCase())))).toBe(editDistance(key.toLowerCase(), (error.nearest as string).toLowerCase()));
        expect(await requestLog()).toEqual([]);
      }),
      { numRuns: 300, seed: 1212 },
    );
  }, 60_000);
});

/** The error `act` throws or its Observable emits; undefined when it succeeds. */
async function failureOf(act: () => unknown): Promise<unknown> {
  try {
    const result = act();
    if (isObservable(result)) await firstValueFrom(result as Observable<unknown>, { defaultValue: undefined });
    return undefined;
  } catch (error) {
    return error;
  }
}
