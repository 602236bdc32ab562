import { readFileSync } from 'node:fs';
import { lastValueFrom } from 'rxjs';
import { Uploadcare } from '../../../lib/client.js';
import { fromPath } from '../../../lib/upload/node/from-path.js';
import { toFile } from '../../../lib/upload/to-file.js';
import { uploadFile } from '../../../lib/upload/upload-file.js';

// Child process of memory.node.spec.ts: uploads one file from disk to the emulator, then prints its peak RSS.
// Usage: upload-path-child.ts <emulator url> <path>

/** Peak resident set size of this process, in bytes (Linux VmHWM; else the current RSS). */
function peakRss(): number {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) return Number(match[1]) * 1024;
  } catch {
    // Not Linux: fall back below.
  }
  return process.memoryUsage.rss();
}

async function main(): Promise<void> {
  const [url, path] = process.argv.slice(2);
  if (!url || !path) throw new Error('usage: upload-path-child.ts <emulator url> <path>');
  const client = new Uploadcare({ publicKey: 'demopublickey', uploadBase: url, restBase: url, cdnBase: url });
  const baseline = peakRss();
  const file = await lastValueFrom(uploadFile(fromPath(path), {}, client).pipe(toFile()));
  process.stdout.write(`${JSON.stringify({ uuid: file.uuid, baselinePeakRss: baseline, peakRss: peakRss() })}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
