import { hmacSha1Hex, hmacSha1HexNow, hmacSha256Hex, md5Hex, webCryptoHmacHex } from '../../lib/transport/crypto.js';
import { restSignString } from '../../lib/transport/rest-sign-string.js';
import { inBrowser } from '../support/test-env.js';

describe('signing primitives (WebCrypto + js-md5, in Node and browsers)', () => {
  it('hashes bodies with MD5', () => {
    expect(md5Hex('{"foo":"bar"}')).toBe('9bb58f26192e4ba00f01e2e7b136bbd8');
    expect(md5Hex('')).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(md5Hex(new TextEncoder().encode('{"foo":"bar"}'))).toBe('9bb58f26192e4ba00f01e2e7b136bbd8');
    expect(md5Hex(new TextEncoder().encode('{"foo":"bar"}').buffer)).toBe('9bb58f26192e4ba00f01e2e7b136bbd8');
    expect(md5Hex(new Uint8Array(0))).toBe('d41d8cd98f00b204e9800998ecf8427e');
  });

  it('computes the same HMACs through WebCrypto, keys cached per secret and hash without mixing them up', async () => {
    for (let round = 0; round < 2; round += 1) {
      expect(await webCryptoHmacHex('SHA-1', 'Jefe', 'what do ya want for nothing?')).toBe('effcdf6ae5eb2fa2d27416d5f184df9c259a7c79');
      expect(await webCryptoHmacHex('SHA-256', 'Jefe', 'what do ya want for nothing?')).toBe(
        '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
      );
      expect(await webCryptoHmacHex('SHA-1', 'another key', 'what do ya want for nothing?')).toBe(await hmacSha1Hex('another key', 'what do ya want for nothing?'));
    }
  });

  it('computes HMAC-SHA1 at once where a synchronous implementation exists, and agrees with the async one', async () => {
    const now = hmacSha1HexNow('Jefe', 'what do ya want for nothing?');
    if (inBrowser) expect(now).toBeUndefined();
    else expect(now).toBe('effcdf6ae5eb2fa2d27416d5f184df9c259a7c79');
    expect(await hmacSha1Hex('Jefe', 'what do ya want for nothing?')).toBe('effcdf6ae5eb2fa2d27416d5f184df9c259a7c79');
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
