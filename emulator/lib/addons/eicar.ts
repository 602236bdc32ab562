import type { Readable } from 'node:stream';

/**
 * The EICAR anti-virus test string (https://www.eicar.org/download-anti-malware-testfile/). Joined at run time: kept
 * whole in the source, it would make virus scanners quarantine this package's files.
 */
export const EICAR = ['X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR', '-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'].join('');
/** The name ClamAV gives it. */
export const EICAR_SIGNATURE = 'Win.Test.EICAR_HDB-1';

/** True when the stream holds the EICAR string anywhere (across chunk boundaries too). */
export async function containsEicar(stream: Readable): Promise<boolean> {
  const needle = Buffer.from(EICAR, 'latin1');
  let tail = Buffer.alloc(0);
  for await (const chunk of stream as AsyncIterable<Uint8Array>) {
    const window = Buffer.concat([tail, chunk]);
    if (window.includes(needle)) {
      stream.destroy();
      return true;
    }
    tail = window.subarray(Math.max(0, window.length - needle.length + 1));
  }
  return false;
}
