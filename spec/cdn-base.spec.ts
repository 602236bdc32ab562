import { cdnPrefix, defaultCdnBase, LEGACY_CDN_BASE } from '../lib/cdn-base.js';
import { Uploadcare } from '../lib/client.js';
import { resolveOptions } from '../lib/config.js';
import { File } from '../lib/resources/file.js';
import { FileGroup } from '../lib/resources/file-group.js';
import { sha256 } from '../lib/sha256.js';

/**
 * Since September 2025 Uploadcare serves each project's files from `https://<prefix>.ucarecd.net/`, the prefix derived
 * from the public key; `ucarecdn.com` is kept for older accounts. The pairs below were computed by the official
 * `@uploadcare/upload-client` 6.21.0 (the `cdnUrl` of its `uploadFile` without `baseCDN`);
 * spec/emulator/fidelity/cdn-prefix.node.spec.ts checks them against it live.
 */
const OFFICIAL_PAIRS: readonly [string, string][] = [
  ['demopublickey', 'https://1s4oyld5dc.ucarecd.net/'],
  ['a771f854c2cb408a8c36', 'https://1x7f1xv3t9.ucarecd.net/'],
  ['x', 'https://14rtyh2wez.ucarecd.net/'],
  ['b2c3d4e5f6a7b8c9d0e1', 'https://5fzun7dovy.ucarecd.net/'],
  ['demopublickey2', 'https://14s9sz85zu.ucarecd.net/'],
];
const UUID = 'a771f854-c2cb-408a-8c36-71af77811f3b';

describe('the CDN base', () => {
  it('defaults to the prefixed base the official client computes for the public key', () => {
    for (const [publicKey, base] of OFFICIAL_PAIRS) {
      expect(defaultCdnBase(publicKey)).withContext(publicKey).toBe(base);
      expect(resolveOptions({ publicKey }).cdnBase).withContext(publicKey).toBe(base);
      expect(`https://${cdnPrefix(publicKey)}.ucarecd.net/`).toBe(base);
    }
  });

  it('is https://ucarecdn.com/ without a public key, and an explicit cdnBase wins', () => {
    expect(resolveOptions().cdnBase).toBe(LEGACY_CDN_BASE);
    expect(resolveOptions({ publicKey: 'demopublickey', cdnBase: 'https://ucarecdn.com' }).cdnBase).toBe('https://ucarecdn.com/');
    expect(resolveOptions({ publicKey: 'demopublickey', cdnBase: 'https://cdn.example/' }).cdnBase).toBe('https://cdn.example/');
  });

  it("gives a new account's files cdnUrls on its own subdomain", () => {
    const uc = new Uploadcare({ publicKey: 'demopublickey' });
    expect(uc.file(UUID).cdnUrl).toBe(`https://1s4oyld5dc.ucarecd.net/${UUID}/`);
    expect(uc.group(`${UUID}~2`).cdnUrl).toBe(`https://1s4oyld5dc.ucarecd.net/${UUID}~2/`);
  });

  it('reads both kinds of CDN URL in File and FileGroup', () => {
    const uc = new Uploadcare({ publicKey: 'demopublickey', cdnBase: 'https://ucarecdn.com/' });
    for (const base of ['https://ucarecdn.com/', 'https://1s4oyld5dc.ucarecd.net/']) {
      const file = new File(`${base}${UUID}/-/resize/20x/photo.jpg`, uc);
      expect([file.uuid, file.defaultEffects]).withContext(base).toEqual([UUID, 'resize/20x/']);
      expect(new FileGroup(`${base}${UUID}~3/nth/1/`, uc).id).withContext(base).toBe(`${UUID}~3`);
    }
  });

  it('hashes with SHA-256 (FIPS 180-4 vectors, padding edges)', () => {
    const hex = (text: string): string => [...sha256(text)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
    expect(hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
    expect(hex(`${'a'.repeat(64)}b`)).toBe('3e63da2d835edc34e3bca8eef3a454427eae1b01381bbc01c6ca812e1066d660');
  });
});
