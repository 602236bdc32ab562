import { firstValueFrom } from 'rxjs';
import { Uploadcare } from '../lib/client.js';
import { conf, defaultClient, optionsFromConf } from '../lib/conf.js';
import { DEFAULT_OPTIONS, resolveOptions } from '../lib/config.js';
import { InvalidParamError } from '../lib/errors.js';
import { restRequest, uploadingRequest } from '../lib/seed-requests.js';
import { DEFAULT_RETRY_POLICY } from '../lib/transport/retry-policy.js';
import { requestLog, resetScript, scriptBase, type Echo } from './transport/script.js';

describe('client options', () => {
  it('resolve to the documented defaults', () => {
    expect(resolveOptions()).toEqual({
      publicKey: undefined,
      secretKey: undefined,
      restBase: 'https://api.uploadcare.com/',
      uploadBase: 'https://upload.uploadcare.com/',
      cdnBase: 'https://ucarecdn.com/',
      apiVersion: '0.7',
      authScheme: 'signed',
      signatureResolver: undefined,
      timeoutMs: 60_000,
      retry: DEFAULT_RETRY_POLICY,
      userAgent: undefined,
    });
    expect(DEFAULT_OPTIONS.timeoutMs).toBe(60_000);
  });

  it('end every base with a slash', () => {
    const options = new Uploadcare({ restBase: 'http://127.0.0.1:8000', uploadBase: 'http://127.0.0.1:8000/up', cdnBase: 'https://cdn.example/' }).options;
    expect([options.restBase, options.uploadBase, options.cdnBase]).toEqual(['http://127.0.0.1:8000/', 'http://127.0.0.1:8000/up/', 'https://cdn.example/']);
  });

  it('merge a partial retry policy over the defaults', () => {
    const { retry } = resolveOptions({ retry: { throttled: { maxRetries: 1 } } });
    expect(retry.throttled).toEqual({ ...DEFAULT_RETRY_POLICY.throttled, maxRetries: 1 });
    expect(retry.network).toEqual(DEFAULT_RETRY_POLICY.network);
  });

  it('reject bad values with InvalidParamError', () => {
    expect(() => resolveOptions({ restBase: 'api.uploadcare.com' })).toThrowError(InvalidParamError);
    expect(() => resolveOptions({ cdnBase: 'ftp://cdn.example/' })).toThrowError(InvalidParamError);
    expect(() => resolveOptions({ timeoutMs: -1 })).toThrowError(InvalidParamError);
    expect(() => resolveOptions({ timeoutMs: Number.NaN })).toThrowError(InvalidParamError);
    expect(() => resolveOptions({ authScheme: 'basic' as 'simple' })).toThrowError(InvalidParamError);
  });
});

describe('conf and defaultClient (seed style)', () => {
  const saved = { ...conf };
  afterEach(() => Object.assign(conf, saved));

  it('maps the seed names to client options (timeout in seconds, retryThrottled)', () => {
    const options = optionsFromConf({
      ...conf,
      pubKey: 'pk',
      secret: 'sk',
      apiBase: 'http://127.0.0.1:1/',
      uploadBase: 'http://127.0.0.1:2/',
      cdnBase: 'http://127.0.0.1:3/',
      apiVersion: '0.7',
      timeout: 2.5,
      retryThrottled: 4,
      userAgentExtension: 'my-app/1.0',
      authScheme: 'simple',
    });
    expect(options).toEqual({
      publicKey: 'pk',
      secretKey: 'sk',
      restBase: 'http://127.0.0.1:1/',
      uploadBase: 'http://127.0.0.1:2/',
      cdnBase: 'http://127.0.0.1:3/',
      apiVersion: '0.7',
      timeoutMs: 2500,
      userAgent: 'my-app/1.0',
      authScheme: 'simple',
      retry: { throttled: { maxRetries: 4 } },
    });
  });

  it('keeps one client while conf is unchanged and rebuilds it when conf changes', () => {
    conf.pubKey = 'first';
    const first = defaultClient();
    expect(defaultClient()).toBe(first);
    expect(first.options.publicKey).toBe('first');
    conf.pubKey = 'second';
    const second = defaultClient();
    expect(second).not.toBe(first);
    expect(second.options.publicKey).toBe('second');
  });

  it('restRequest and uploadingRequest use conf as it is at subscribe time', async () => {
    await resetScript();
    const rest = restRequest('GET', 'files/?limit=1');
    const upload = uploadingRequest('POST', 'from_url/', { source_url: 'https://example.com/a.png' });
    conf.pubKey = 'late-key';
    conf.secret = 'late-secret';
    conf.apiBase = scriptBase();
    conf.uploadBase = `${scriptBase()}upload/`;
    const restEcho = (await firstValueFrom(rest)) as Echo;
    expect(restEcho.url).toBe('/files/?limit=1');
    expect(restEcho.headers['authorization']).toMatch(/^Uploadcare late-key:[0-9a-f]{40}$/);
    const uploadEcho = (await firstValueFrom(upload)) as Echo;
    expect(uploadEcho.url).toBe('/upload/from_url/?jsonerrors=1');
    expect(uploadEcho.body).toContain('name="pub_key"\r\n\r\nlate-key\r\n');
    expect((await requestLog()).length).toBe(2);
  });
});
