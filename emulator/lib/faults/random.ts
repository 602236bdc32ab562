/** A seeded generator of numbers in [0, 1) (mulberry32): the same seed gives the same fault decisions. */
export type Random = () => number;

/** A generator of the mulberry32 sequence for `seed`. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seed for runs that did not ask for one (reported back, so the run can be repeated). */
export const randomSeed = (): number => Math.floor(Math.random() * 2 ** 32);
