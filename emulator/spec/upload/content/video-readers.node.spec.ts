import { bytesSource } from '../../../lib/upload/content/video/byte-source.js';
import { readVideoInfo } from '../../../lib/upload/content/video/read-video-info.js';
import { kilobitsPerSecond } from '../../../lib/upload/content/video/video-info.js';
import { mp4, webm } from '../../fidelity/support/video-bytes.js';

/** Deterministic pseudo-random integers below `limit`. */
function randomInts(seed: number): (limit: number) => number {
  let state = seed;
  return (limit) => {
    state = (state * 1103515245 + 12345) >>> 0;
    return state % limit;
  };
}

describe('emulator video readers', () => {
  it("compute the file bitrate in kilobits per second as the service's example does", () => {
    // The REST API's `file_video` example: 14 479 722 bytes, 200 044 ms, bitrate 579.
    expect(kilobitsPerSecond(14_479_722, 200.044)).toBe(579);
    expect(kilobitsPerSecond(1000, 0)).toBeNull();
  });

  it('never throw on damaged containers: each answer is null or well-formed details', async () => {
    const random = randomInts(7);
    const originals = [mp4({ size: 6_000 }), mp4({ size: 6_000, moovLast: true }), webm({ size: 3_000 }), webm({ size: 3_000, live: true })];
    let read = 0;
    for (const original of originals) {
      for (let round = 0; round < 400; round++) {
        const bytes = original.slice(0, round % 4 === 0 ? random(original.length) : original.length);
        for (let flips = 1 + random(4); flips > 0; flips--) if (bytes.length > 0) bytes[random(bytes.length)] = random(256);
        const info = await readVideoInfo(bytes, bytesSource(bytes));
        if (info !== null) {
          read++;
          expect(Array.isArray(info.video) && Array.isArray(info.audio)).toBeTrue();
          expect(info.video.length).toBeGreaterThan(0);
          const numbers = JSON.stringify(info, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? 'not finite' : value));
          expect(numbers).not.toContain('not finite');
        }
      }
    }
    expect(read).toBeGreaterThan(0); // the damage left some files readable: the readers were not simply refusing all
  });
});
