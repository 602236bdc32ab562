import { md5 } from 'js-md5';
import { inBrowser, testEnv } from '../../../spec/support/test-env.js';
import { PNG_3X2, PUBLIC_KEY, patternBytes, postForm, uploadBytes } from '../upload/upload-api-helpers.js';

/** Fetches past the browser's HTTP cache, so each spec sees the emulator's own answer whatever ran before. */
const fetch = (url: string, init: RequestInit = {}): Promise<Response> => globalThis.fetch(url, { ...init, cache: 'no-store' });

describe('emulator CDN', () => {
  const bytes = patternBytes(70_000, 3);
  let uuid: string;
  let cdn: string;

  beforeAll(async () => {
    uuid = await uploadBytes(bytes, 'data.bin');
    cdn = `${testEnv().emulatorUrl}/${uuid}/`;
  });

  it('serves the original bytes with type, length and ETag, whatever filename and inline choice follow', async () => {
    for (const url of [cdn, `${cdn}-/inline/yes/`, `${cdn}-/inline/no/renamed.bin`, `${cdn}renamed.bin`]) {
      const response = await fetch(url);
      expect(response.status).withContext(url).toBe(200);
      expect(response.headers.get('Content-Type')).toBe('application/octet-stream');
      expect(response.headers.get('Content-Length')).toBe(String(bytes.length));
      expect(response.headers.get('ETag')).toMatch(/^".+"$/);
      if (!inBrowser) expect(response.headers.get('Accept-Ranges')).toBe('bytes');
      expect(md5(new Uint8Array(await response.arrayBuffer()))).toBe(md5(bytes));
    }
  });

  it('serves an image with its sniffed type', async () => {
    const image = await uploadBytes(PNG_3X2, 'pic.png', 'application/octet-stream');
    const response = await fetch(`${testEnv().emulatorUrl}/${image}/`);
    expect(response.headers.get('Content-Type')).toBe('image/png');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(PNG_3X2);
  });

  it('answers Range requests with 206 and Content-Range', async () => {
    const cases: [string, number, number][] = [
      ['bytes=0-99', 0, 99],
      ['bytes=65536-', 65536, bytes.length - 1],
      ['bytes=-10', bytes.length - 10, bytes.length - 1],
      ['bytes=69990-80000', 69990, bytes.length - 1],
    ];
    for (const [range, start, end] of cases) {
      const response = await fetch(cdn, { headers: { Range: range }, cache: 'no-store' });
      expect(response.status).withContext(range).toBe(206);
      expect(response.headers.get('Content-Range')).toBe(`bytes ${start}-${end}/${bytes.length}`);
      expect(response.headers.get('Content-Length')).toBe(String(end - start + 1));
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes.slice(start, end + 1));
    }
  });

  // cache: 'no-store' keeps Chromium's HTTP cache from answering (or rewriting) ranged reads of a body it holds.
  it('answers 416 for a range past the end, and the whole body for a malformed one', async () => {
    const past = await fetch(cdn, { headers: { Range: `bytes=${bytes.length}-` }, cache: 'no-store' });
    expect(past.status).toBe(416);
    expect(past.headers.get('Content-Range')).toBe(`bytes */${bytes.length}`);
    const malformed = await fetch(cdn, { headers: { Range: 'lines=1-2' }, cache: 'no-store' });
    expect(malformed.status).toBe(200);
    expect((await malformed.arrayBuffer()).byteLength).toBe(bytes.length);
  });

  it('answers HEAD with the headers only', async () => {
    const response = await fetch(cdn, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Length')).toBe(String(bytes.length));
    expect((await response.arrayBuffer()).byteLength).toBe(0);
  });

  it('answers 404 for an unknown file and for a group index out of range', async () => {
    expect((await fetch(`${testEnv().emulatorUrl}/00000000-0000-4000-8000-000000000000/`)).status).toBe(404);
    const group = await postForm('/group/?jsonerrors=1', { pub_key: PUBLIC_KEY, 'files[]': uuid });
    expect((await fetch(`${group.json['cdn_url'] as string}nth/1/`)).status).toBe(404);
  });

  it("serves a group's i-th file at /{group}/nth/{i}/", async () => {
    const other = patternBytes(1000, 9);
    const second = await uploadBytes(other, 'other.bin');
    const group = await postForm('/group/?jsonerrors=1', { pub_key: PUBLIC_KEY, 'files[0]': uuid, 'files[1]': `${second}/-/flip/` });
    const base = group.json['cdn_url'] as string;
    const first = await fetch(`${base}nth/0/`);
    expect(md5(new Uint8Array(await first.arrayBuffer()))).toBe(md5(bytes));
    const secondRead = await fetch(`${base}nth/1/-/inline/yes/name.bin`, { headers: { Range: 'bytes=10-19' }, cache: 'no-store' });
    expect(secondRead.status).toBe(206);
    expect(new Uint8Array(await secondRead.arrayBuffer())).toEqual(other.slice(10, 20));
  });
});
