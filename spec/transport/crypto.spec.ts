import { hmacSha1Hex, hmacSha256Hex, md5Hex } from '../../lib/transport/crypto.js';
import { restSignString } from '../../lib/transport/rest-auth.js';

describe('signing primitives (WebCrypto + js-md5, in Node and browsers)', () => {
  it('hashes bodies with MD5', () => {
    expect(md5Hex('{"foo":"bar"}')).toBe('9bb58f26192e4ba00f01e2e7b136bbd8');
    expect(md5Hex('')).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(md5Hex(new TextEncoder().encode('{"foo":"bar"}'))).toBe('9bb58f26192e4ba00f01e2e7b136bbd8');
  });

  it('computes HMAC-SHA1 and HMAC-SHA256 (RFC 2202 / RFC 4231 test vectors)', async () => {
    expect(await hmacSha1Hex('Jefe', 'what do ya want for nothing?')).toBe('effcdf6ae5eb2fa2d27416d5f184df9c259a7c79');
    expect(await hmacSha256Hex('Jefe', 'what do ya want for nothing?')).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });

  it('builds the sign string from method, md5(body), content type, date and path with query', () => {
    const signString = restSignString({
      method: 'POST',
      url: 'https://api.uploadcare.com/files/?limit=1&stored=true',
      body: '{"foo":"bar"}',
      contentType: 'application/json',
      date: 'Thu, 26 Nov 2026 02:00:00 GMT',
    });
    expect(signString).toBe('POST\n9bb58f26192e4ba00f01e2e7b136bbd8\napplication/json\nThu, 26 Nov 2026 02:00:00 GMT\n/files/?limit=1&stored=true');
  });
});
