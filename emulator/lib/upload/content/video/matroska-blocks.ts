import { viewOf } from './byte-source.js';
import { children, readVint, type Child } from './ebml.js';

const ID = { simpleBlock: 0xa3, blockGroup: 0xa0, block: 0xa1 } as const;

/**
 * Frames per second of track `trackNumber`, from the timestamps of its blocks in a cluster's body (maybe cut short):
 * each block starts with its track number and a 16-bit timestamp relative to the cluster, in `timestampScale`
 * nanoseconds. 0 with fewer than two frames.
 */
export function frameRateFromBlocks(cluster: Uint8Array, trackNumber: number, timestampScale: number): number {
  const view = viewOf(cluster);
  const fields = children(cluster);
  const grouped = (fields.get(ID.blockGroup) ?? []).flatMap((group) => blocksOfGroup(cluster, group));
  let frames = 0;
  let first = Infinity;
  let last = -Infinity;
  for (const block of [...(fields.get(ID.simpleBlock) ?? []), ...grouped]) {
    const track = readVint(cluster, block.start);
    if (!track || track.value !== trackNumber || block.start + track.length + 2 > block.end) continue;
    const timestamp = view.getInt16(block.start + track.length);
    frames++;
    first = Math.min(first, timestamp);
    last = Math.max(last, timestamp);
  }
  const seconds = ((last - first) * timestampScale) / 1e9;
  return frames >= 2 && seconds > 0 ? (frames - 1) / seconds : 0;
}

/** The `Block` of a `BlockGroup`, placed in the cluster's body. */
function blocksOfGroup(cluster: Uint8Array, group: Child): Child[] {
  return (children(cluster.subarray(group.start, group.end)).get(ID.block) ?? []).map((block) => ({ start: group.start + block.start, end: group.start + block.end }));
}
