import { firstValueFrom } from 'rxjs';
import { createHash, createHmac } from 'node:crypto';
import { resolveOptions } from '../../lib/config.js';
import { restAuthHeaders, restAuthHeadersNow } from '../../lib/transport/rest-auth.js';

// The signature computed independently, with Node's own crypto, from the documented rule.
describe('REST signature (checked with node:crypto)', () => {
  it('matches an HMAC-SHA1 computed independently for a fixed date, secret, body and path', async () => {
    const date = new Date('2026-11-26T02:00:00Z');
    const body = '{"foo":"bar"}';
    const options = resolveOptions({ publicKey: 'demopublickey', secretKey: 'demosecretkey' });
    const headers = await firstValueFrom(restAuthHeaders(options, { method: 'POST', url: 'https://api.uploadcare.com/files/local_copy/?x=1', body, contentType: 'application/json' }, date));

    const md5 = createHash('md5').update(body).digest('hex');
    expect(md5).toBe('9bb58f26192e4ba00f01e2e7b136bbd8');
    const signString = `POST\n${md5}\napplication/json\nThu, 26 Nov 2026 02:00:00 GMT\n/files/local_copy/?x=1`;
    const expected = createHmac('sha1', 'demosecretkey').update(signString).digest('hex');
    expect(headers).toEqual({ Date: 'Thu, 26 Nov 2026 02:00:00 GMT', Authorization: `Uploadcare demopublickey:${expected}` });
    const request = { method: 'POST', url: 'https://api.uploadcare.com/files/local_copy/?x=1', body, contentType: 'application/json' } as const;
    expect(restAuthHeadersNow(options, request, date)).toEqual(headers);
  });

  it('signs at once in Node, except through a signatureResolver, and fails alike without keys', async () => {
    const date = new Date('2026-11-26T02:00:00Z');
    const request = { method: 'GET', url: 'https://api.uploadcare.com/files/', body: '', contentType: '' } as const;
    const simple = resolveOptions({ publicKey: 'pk', secretKey: 'sk', authScheme: 'simple' });
    expect(restAuthHeadersNow(simple, request, date)).toEqual(await firstValueFrom(restAuthHeaders(simple, request, date)));
    const resolved = resolveOptions({ publicKey: 'pk', signatureResolver: () => Promise.resolve('abc') });
    expect(restAuthHeadersNow(resolved, request, date)).toBeUndefined();
    expect((await firstValueFrom(restAuthHeaders(resolved, request, date)))['Authorization']).toBe('Uploadcare pk:abc');
    const keyless = resolveOptions({ publicKey: 'pk' });
    expect(() => restAuthHeadersNow(keyless, request, date)).toThrowError(/secretKey/);
    await expectAsync(firstValueFrom(restAuthHeaders(keyless, request, date))).toBeRejectedWithError(/secretKey/);
  });
});
