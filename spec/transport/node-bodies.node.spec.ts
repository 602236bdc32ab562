import { Readable } from 'node:stream';
import { firstValueFrom } from 'rxjs';
import { Uploadcare } from '../../lib/client.js';
import { enqueue, requestLog, resetScript, scriptBase, type Echo } from './script.js';

// Node-only bodies: streams out (multipart parts read from disk) and streams in (CDN downloads).
describe('Node streams through the transport', () => {
  const client = new Uploadcare({ retry: { network: { maxRetries: 1, baseMs: 1, maxMs: 1 } } });
  beforeEach(resetScript);

  it('sends a stream body, re-opened from its factory on a retry, with progress', async () => {
    await enqueue({ status: 503, body: { detail: 'busy' } });
    let opened = 0;
    const ticks: number[] = [];
    const chunk = 'x'.repeat(32 * 1024);
    const response = await firstValueFrom(
      client.request<Echo>({
        method: 'PUT',
        url: `${scriptBase()}part`,
        headers: { 'Content-Type': 'application/octet-stream', 'Content-Length': String(chunk.length * 3) },
        body: () => {
          opened += 1;
          return Readable.from([chunk, chunk, chunk]);
        },
        onUploadProgress: (sent) => ticks.push(sent),
      }),
    );
    expect(opened).toBe(2);
    expect(response.body.body.length).toBe(chunk.length * 3);
    expect((await requestLog()).map((entry) => entry.body.length)).toEqual([chunk.length * 3, chunk.length * 3]);
    expect(ticks[ticks.length - 1]).toBe(chunk.length * 3);
  });

  it('hands a stream answer over unread', async () => {
    await enqueue({ body: 'streamed bytes' });
    const response = await firstValueFrom(client.request<Readable>({ method: 'GET', url: `${scriptBase()}blob`, responseType: 'stream' }));
    const chunks: Buffer[] = [];
    for await (const piece of response.body) chunks.push(piece as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('streamed bytes');
  });
});
