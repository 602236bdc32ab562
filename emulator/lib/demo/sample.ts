import type { ServerResponse } from 'node:http';

/** Path of the sample image the from-URL form starts with. */
export const SAMPLE_PATH = '/demo/sample.svg';

/** Size of the sample: large enough for the upload-from-URL ticks to be seen. */
const SAMPLE_BYTES = 512 * 1024;
const CHUNK_BYTES = 32 * 1024;
/** Pause between chunks: the sample takes about a second and a half to download. */
const CHUNK_PAUSE_MS = 90;

const IMAGE = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="400" viewBox="0 0 640 400">
<defs><linearGradient id="sky" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#3a57e8"/><stop offset="1" stop-color="#12b5a5"/></linearGradient></defs>
<rect width="640" height="400" fill="url(#sky)"/>
<circle cx="500" cy="110" r="56" fill="#ffd166"/>
<path d="M0 330 L150 200 L260 290 L380 170 L640 360 L640 400 L0 400 Z" fill="#161b2e" opacity=".85"/>
<text x="40" y="70" font-family="system-ui, sans-serif" font-size="34" font-weight="700" fill="#fff">rxuploadcare</text>
</svg>
`;

/** The sample SVG, padded with a comment to {@link SAMPLE_BYTES}. */
function sampleBody(): Buffer {
  const padding = SAMPLE_BYTES - Buffer.byteLength(IMAGE) - '<!--\n-->\n'.length;
  return Buffer.from(`${IMAGE}<!--\n${'.'.repeat(Math.max(0, padding))}-->\n`);
}

/** Sends the sample image slowly, chunk by chunk, so that an upload from its URL shows progress. */
export async function sendSample(res: ServerResponse, method: string): Promise<void> {
  const body = sampleBody();
  res.writeHead(200, { 'Content-Type': 'image/svg+xml', 'Content-Length': body.length, 'Cache-Control': 'no-store' });
  if (method === 'HEAD') {
    res.end();
    return;
  }
  for (let offset = 0; offset < body.length && !res.destroyed; offset += CHUNK_BYTES) {
    res.write(body.subarray(offset, offset + CHUNK_BYTES));
    await new Promise((resolve) => setTimeout(resolve, CHUNK_PAUSE_MS));
  }
  res.end();
}
