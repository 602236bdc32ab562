import { VariantCache } from '../../lib/cdn/variant-cache.js';
import { jpeg, useImageCdn } from './image-cdn-helpers.js';

/** The CDN's cache of rendered variants stays within its bounds (bytes and entries), dropping the least recently used. */
describe('emulator CDN: variant cache', () => {
  const render = (bytes: number) => () => Promise.resolve(Buffer.alloc(bytes));
  const sized = (limits: { maxBytes: number; maxEntries: number }) => new VariantCache<Buffer>(limits, (value) => value.length);

  it('keeps at most maxEntries, dropping the least recently used', async () => {
    const cache = sized({ maxBytes: 1_000, maxEntries: 2 });
    await cache.get('a', render(10));
    await cache.get('b', render(10));
    await cache.get('a', render(10)); // a is now the most recent
    await cache.get('c', render(10));
    expect(cache.size).toEqual({ entries: 2, bytes: 20 });
    let renders = 0;
    await cache.get('a', () => ((renders += 1), Promise.resolve(Buffer.alloc(10))));
    await cache.get('b', () => ((renders += 1), Promise.resolve(Buffer.alloc(10))));
    expect(renders).toBe(1); // a was kept, b dropped
  });

  it('keeps at most maxBytes, and never an entry larger than them', async () => {
    const cache = sized({ maxBytes: 100, maxEntries: 100 });
    for (const key of ['a', 'b', 'c', 'd']) await cache.get(key, render(40));
    expect(cache.size).toEqual({ entries: 2, bytes: 80 });
    await cache.get('huge', render(101));
    expect(cache.size).toEqual({ entries: 2, bytes: 80 });
  });

  it('renders one key once when asked again while rendering, and forgets failures', async () => {
    const cache = sized({ maxBytes: 100, maxEntries: 10 });
    let renders = 0;
    const slow = () => ((renders += 1), new Promise<Buffer>((done) => setTimeout(() => done(Buffer.alloc(5)), 20)));
    await Promise.all([cache.get('k', slow), cache.get('k', slow), cache.get('k', slow)]);
    expect(renders).toBe(1);
    await expectAsync(cache.get('bad', () => Promise.reject(new Error('boom')))).toBeRejectedWithError('boom');
    expect(await cache.get('bad', render(3))).toEqual(Buffer.alloc(3));
  });

  describe('in the emulator', () => {
    const cdn = useImageCdn();

    it('answers a repeated thumbnail with the same bytes and ETag, for each Accept its own', async () => {
      const uuid = await cdn.upload(await jpeg(300, 200), 'photo.jpg', 'image/jpeg');
      const first = await cdn.get(`${uuid}/-/preview/60x60/`, 'image/webp');
      const again = await cdn.get(`${uuid}/-/preview/60x60/`, 'image/webp');
      const plain = await cdn.get(`${uuid}/-/preview/60x60/`, '*/*');
      expect(again.body.equals(first.body)).toBeTrue();
      expect(again.headers.get('ETag')).toBe(first.headers.get('ETag'));
      expect([first.format, plain.format]).toEqual(['webp', 'jpeg']);
    });
  });
});
