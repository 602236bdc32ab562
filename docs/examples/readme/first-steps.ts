// The README's first example, run by spec/readme.spec.ts against the emulator.
// Against the real service, leave the bases out: they default to Uploadcare's hosts.
import { lastValueFrom } from 'rxjs';
import { conf, File, toFile } from '../../../lib/index.js';

/** Points the global `conf` at an emulator started by `npm start` (http://127.0.0.1:8000). */
export function configure(emulator = 'http://127.0.0.1:8000'): void {
  conf.publicKey = 'demopublickey';
  conf.secretKey = 'demosecretkey';
  conf.restBase = `${emulator}/`;
  conf.uploadBase = `${emulator}/`;
  conf.cdnBase = `${emulator}/`;
}

/** Uploads a few bytes, then reads the file back by UUID: a CDN URL with no request, then its info. */
export async function firstSteps(): Promise<{ cdnUrl: string; filename: string; size: number }> {
  const uploaded = await lastValueFrom(File.upload(new TextEncoder().encode('hello, Uploadcare'), { filename: 'hello.txt' }).pipe(toFile()));

  const file = new File(uploaded.uuid);
  const cdnUrl = file.cdnUrl; // synchronous: no request
  const info = await lastValueFrom(file.info()); // one GET files/<uuid>/, cached afterwards
  return { cdnUrl, filename: info.original_filename ?? '', size: info.size ?? 0 };
}
