import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { chunks, readUuids, smallFiles, STORAGE_BATCH, withConcurrency } from './inputs.js';
import { getQuery, multipartForm, postForm, send, signedRest } from './raw-http.js';
import { THUMBNAIL_EFFECTS, type Endpoint } from './protocol.js';
import type { SideRunners } from './side.js';

/** Multipart part size and parts in flight: the defaults of both client libraries. */
const PART_SIZE = 5 * 1024 * 1024;
const PART_CONCURRENCY = 4;
/** How often the floor asks `from_url/status/`: tighter than either client, to show what the polling policy costs. */
export const FLOOR_POLL_INTERVAL_MS = 100;

interface Page {
  readonly next: string | null;
  readonly results: readonly { readonly uuid: string }[];
}

/** The same work with Node's `http`, hand-built requests and `JSON.parse`: no client library, no retries, no checks. */
export const floorSide: SideRunners = {
  list: async (endpoint, task) => async () => {
    let items = 0;
    let path: string | null = `/files/?limit=${task.pageSize}&removed=false`;
    while (path) {
      const page: Page = await signedRest<Page>(endpoint, 'GET', path);
      for (const file of page.results) if (file.uuid.length === 36) items++;
      path = page.next ? pathOf(page.next) : null;
    }
    return items;
  },
  multipart: async (endpoint, task) => async () => {
    const start = await startMultipart(endpoint, task);
    await withConcurrency(
      start.parts.map((url, index) => ({ url, start: index * PART_SIZE, end: Math.min(task.size, (index + 1) * PART_SIZE) })),
      PART_CONCURRENCY,
      (part) =>
        send('PUT', part.url, { 'Content-Type': 'application/octet-stream' }, {
          stream: createReadStream(task.path, { start: part.start, end: part.end - 1 }),
          length: part.end - part.start,
        }),
    );
    return completeMultipart(endpoint, start.uuid);
  },
  'multipart-stream': async (endpoint, task) => async () => {
    const start = await startMultipart(endpoint, task);
    // One stream read in order: each lane takes the next 5 MiB part (one Buffer) and sends it.
    const parts = partsOf(createReadStream(task.path), PART_SIZE)[Symbol.asyncIterator]();
    const lane = async (): Promise<void> => {
      for (let next = await parts.next(); !next.done; next = await parts.next()) {
        await send('PUT', start.parts[next.value.index] as string, { 'Content-Type': 'application/octet-stream' }, next.value.bytes);
      }
    };
    await Promise.all(Array.from({ length: PART_CONCURRENCY }, lane));
    return completeMultipart(endpoint, start.uuid);
  },
  'small-uploads': async (endpoint, task) => {
    const files = smallFiles(task.count, task.size);
    return () =>
      withConcurrency(files, task.concurrency, async (bytes) => {
        const form = multipartForm({ UPLOADCARE_PUB_KEY: endpoint.publicKey, UPLOADCARE_STORE: '1' }, { name: 'file', filename: 'original', bytes });
        const answer = await send('POST', `${endpoint.base}/base/?jsonerrors=1`, { 'Content-Type': form.contentType }, form.body);
        if (!(JSON.parse(answer.text) as { file?: string }).file) throw new Error(`base/ answered ${answer.text}`);
      });
  },
  'from-url': async (endpoint, task) => async () => {
    const started = await postForm<{ token?: string }>(endpoint, '/from_url/', { pub_key: endpoint.publicKey, source_url: task.url, store: '1' });
    if (!started.token) throw new Error(`from_url/ answered ${JSON.stringify(started)}`);
    for (;;) {
      const status = await getQuery<{ status: string }>(endpoint, '/from_url/status/', { token: started.token });
      if (status.status === 'success') return 1;
      if (status.status === 'error' || status.status === 'unknown') throw new Error(`from_url failed: ${JSON.stringify(status)}`);
      await sleep(FLOOR_POLL_INTERVAL_MS);
    }
  },
  'store-delete': async (endpoint, task) => {
    const batches = chunks(await readUuids(task.uuidsFile), STORAGE_BATCH);
    return async () => {
      let done = 0;
      for (const method of ['PUT', 'DELETE']) {
        for (const uuids of batches) done += (await signedRest<{ result: unknown[] }>(endpoint, method, '/files/storage/', uuids)).result.length;
      }
      return done;
    };
  },
  info: async (endpoint, task) => async () => {
    let answered = 0;
    for (let call = 0; call < task.calls; call++) {
      if ((await signedRest<{ uuid: string }>(endpoint, 'GET', `/files/${task.uuid}/`)).uuid === task.uuid) answered++;
    }
    return answered;
  },
  thumbnails: async (endpoint, task) => async () => {
    let fetched = 0;
    await withConcurrency(task.uuids, task.concurrency, async (uuid) => {
      if ((await send('GET', `${endpoint.base}/${uuid}/-/${THUMBNAIL_EFFECTS}`)).text.length > 0) fetched++;
    });
    return fetched;
  },
};

function startMultipart(endpoint: Endpoint, task: { readonly path: string; readonly size: number }): Promise<{ uuid: string; parts: string[] }> {
  return postForm(endpoint, '/multipart/start/', {
    UPLOADCARE_PUB_KEY: endpoint.publicKey,
    UPLOADCARE_STORE: '1',
    filename: basename(task.path),
    size: String(task.size),
    content_type: 'application/octet-stream',
    part_size: String(PART_SIZE),
  });
}

async function completeMultipart(endpoint: Endpoint, uuid: string): Promise<number> {
  const done = await postForm<{ uuid: string }>(endpoint, '/multipart/complete/', { UPLOADCARE_PUB_KEY: endpoint.publicKey, uuid });
  return done.uuid === uuid ? 1 : 0;
}

/** The stream cut into Buffers of `partSize` bytes (the last one shorter), numbered. */
async function* partsOf(stream: Readable, partSize: number): AsyncGenerator<{ index: number; bytes: Buffer }> {
  let index = 0;
  let held: Buffer[] = [];
  let heldBytes = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    held.push(chunk);
    heldBytes += chunk.length;
    while (heldBytes >= partSize) {
      const all = Buffer.concat(held);
      yield { index: index++, bytes: all.subarray(0, partSize) };
      held = [all.subarray(partSize)];
      heldBytes -= partSize;
    }
  }
  if (heldBytes > 0) yield { index, bytes: Buffer.concat(held) };
}

function pathOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}
