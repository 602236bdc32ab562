// The page of the browser benchmark (bundled for Chromium by bench/browser/run-browser.ts): the same two tasks for
// rxuploadcare and for the official clients, each timed in the page, with the main thread's long tasks counted.
import { listOfFiles, paginate, UploadcareAuthSchema } from '@uploadcare/rest-client';
import { uploadFile as officialUpload } from '@uploadcare/upload-client';
import { listFiles, UploadcareClient, uploadFileToUuid } from '../../lib/index.js';
import type { BrowserSide, BrowserTask, PageSettings, TaskResult } from './protocol.js';

/** Long tasks (over 50 ms) as the browser reports them, kept for the whole page. */
const longTasks: { readonly start: number; readonly duration: number }[] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration });
}).observe({ type: 'longtask', buffered: true });

/** What a UI does with progress: a bar redrawn on every tick. */
const bar = document.createElement('progress');
bar.max = 1;
document.body.append(bar);

/** Waits a frame and a tick: a long task is reported after it ends, so the last one is in before counting. */
const settle = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

async function timed(run: () => Promise<number>): Promise<TaskResult> {
  await settle();
  const start = performance.now();
  const items = await run();
  const end = performance.now();
  await settle();
  const during = longTasks.filter((task) => task.start >= start && task.start < end);
  return { ms: end - start, items, longTasks: during.length, longestTaskMs: Math.max(0, ...during.map((task) => task.duration)) };
}

/** Uploads `blob` with the bar drawn on every tick; resolves with the number of ticks. */
function upload(side: BrowserSide, settings: PageSettings, blob: Blob): Promise<number> {
  let ticks = 0;
  const show = (fraction: number): void => {
    ticks++;
    bar.value = fraction;
  };
  if (side === 'rxuploadcare') {
    const client = new UploadcareClient({ publicKey: settings.publicKey, uploadBase: `${settings.base}/` });
    return new Promise((resolve, reject) => {
      uploadFileToUuid(blob, { filename: 'bench.bin' }, client).subscribe({
        next: (event) => {
          if (event.type === 'progress') show(event.done / (event.total ?? 1));
        },
        error: reject,
        complete: () => resolve(ticks),
      });
    });
  }
  return officialUpload(blob, {
    publicKey: settings.publicKey,
    baseURL: settings.base,
    fileName: 'bench.bin',
    onProgress: (progress) => show(progress.isComputable ? progress.value : 0),
  }).then(() => ticks);
}

/** Lists every file, page by page; resolves with how many were listed. */
async function list(side: BrowserSide, settings: PageSettings): Promise<number> {
  let items = 0;
  if (side === 'rxuploadcare') {
    const client = new UploadcareClient({ publicKey: settings.publicKey, secretKey: settings.secretKey, restBase: `${settings.base}/` });
    await new Promise<void>((resolve, reject) => {
      listFiles({ requestLimit: settings.pageSize }, client).subscribe({ next: () => items++, error: reject, complete: resolve });
    });
    return items;
  }
  const settingsOfficial = {
    authSchema: new UploadcareAuthSchema({ publicKey: settings.publicKey, secretKey: settings.secretKey }),
    apiBaseURL: `${settings.base}/`,
  };
  for await (const page of paginate(listOfFiles)({ limit: settings.pageSize }, settingsOfficial)) items += page.results.length;
  return items;
}

let blob: Blob | undefined;

/** Runs one task for one side (the Blob to upload is made once, outside the timing). */
async function runTask(task: BrowserTask, side: BrowserSide, settings: PageSettings): Promise<TaskResult> {
  if (task === 'list') return timed(() => list(side, settings));
  blob ??= new Blob([new Uint8Array(settings.uploadBytes).fill(7)], { type: 'application/octet-stream' });
  const body = blob;
  return timed(() => upload(side, settings, body));
}

(globalThis as { runTask?: typeof runTask }).runTask = runTask;
