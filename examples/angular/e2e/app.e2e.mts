// The production build in Chromium against the emulator: a multipart upload with its bar moving, a from-URL upload
// with its ticks, the file grid scrolled page by page, and a cancel. Run by `npm run e2e` after `npm run build`.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startEmulator, type RunningEmulator } from 'rxuploadcare-emulator';
import { serveStatic, type StaticServer } from './static-server.mts';

const BUILD = fileURLToPath(new URL('../dist/angular/browser/', import.meta.url));
/** Where the picture goes: test-results/ unless E2E_SCREENSHOT names a path (`npm run e2e:screenshot`: the guide's). */
const SCREENSHOT = process.env['E2E_SCREENSHOT'] ?? fileURLToPath(new URL('../test-results/app.png', import.meta.url));
const MIB = 1024 * 1024;
const PAGE_SIZE = 24;
/** Debian's Chromium and the flags that let it run headless in a container. */
const CHROMIUM = {
  executablePath: process.env['CHROME_BIN'] ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

let app: StaticServer;
let emulator: RunningEmulator;
let browser: Browser;
let page: Page;

before(async () => {
  app = await serveStatic(BUILD);
  emulator = await startEmulator({ seedFiles: 2 * PAGE_SIZE + 10, trustedOrigins: [app.origin] });
  browser = await chromium.launch({ ...CHROMIUM, headless: true });
  page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
  page.on('pageerror', (error) => console.error('page error:', error));
  await page.goto(`${app.origin}/?uploadcare=${encodeURIComponent(`${emulator.url}/`)}`);
});

after(async () => {
  await browser?.close();
  await emulator?.close();
  await app?.close();
});

/** The REST listings the page made so far (CORS preflights are OPTIONS). */
function listings(): number {
  return emulator.requests.list().filter((request) => request.method === 'GET' && request.path === '/files/').length;
}

function tiles(): Promise<number> {
  return page.locator('.tile').count();
}

test('the file grid requests one page per scroll to its end, none ahead', async () => {
  await page.locator('.tile').nth(PAGE_SIZE - 1).waitFor();
  await page.waitForTimeout(300);
  assert.equal(listings(), 1);
  assert.equal(await tiles(), PAGE_SIZE);

  await page.locator('.end').scrollIntoViewIfNeeded();
  await page.locator('.tile').nth(2 * PAGE_SIZE - 1).waitFor();
  await page.waitForTimeout(300);
  assert.equal(listings(), 2);
  assert.equal(await tiles(), 2 * PAGE_SIZE);

  // The seeded files that are not removed: the ones REST lists.
  const listed = emulator.store.filesOf('demopublickey').filter((file) => file.datetimeRemoved === null).length;
  assert.ok(listed > 2 * PAGE_SIZE);
  await page.locator('.end').scrollIntoViewIfNeeded();
  await page.getByText(`${listed} files, no more.`).waitFor();
  assert.equal(listings(), 3);
  await page.evaluate(() => window.scrollTo(0, 0));
});

test('each image tile loads one thumbnail of its srcset, the width its column needs', async () => {
  // At 1000 CSS pixels and 1x, `sizes` gives a column 183px: the 200w candidate, and no other width is fetched.
  await page.waitForFunction(() => (document.querySelector<HTMLImageElement>('.tile img')?.naturalWidth ?? 0) > 0);
  const shown = await page.locator('.tile img').first().evaluate((image: HTMLImageElement) => image.currentSrc);
  assert.match(shown, /\/-\/format\/auto\/-\/quality\/smart\/-\/resize\/200x\/$/);
  const thumbnails = emulator.requests.list().filter((request) => request.method === 'GET' && request.path.includes('/-/'));
  assert.ok(thumbnails.length > 0);
  assert.deepEqual(thumbnails.filter((request) => !request.path.endsWith('/-/resize/200x/')), []);
});

test('an upload from a URL shows its done / total ticks, then the file', async () => {
  await page.getByRole('button', { name: 'Upload from URL' }).click();
  const ticks = page.locator('.done-total');
  await page.waitForFunction(() => {
    const [done, total] = (document.querySelector('.done-total')?.textContent ?? '').split(' / ').map((part) => Number.parseInt(part, 10));
    return done !== undefined && total !== undefined && done > 0 && done < total;
  });
  assert.match((await ticks.textContent()) ?? '', /^\d+ \/ 524288 bytes$/);
  await page.locator('.from-url-done').waitFor();
});

test('cancel aborts an upload in flight', async () => {
  const held = emulator.faults.add({ kind: 'latency', latencyMs: 10_000, pathPrefix: '/base/', count: 1 });
  const since = emulator.requests.list().at(-1)?.id ?? 0;
  await page.locator('input[type=file]').setInputFiles({ name: 'cancelled.txt', mimeType: 'text/plain', buffer: Buffer.from('never stored') });
  const upload = () => emulator.requests.list().find((request) => request.id > since && request.method === 'POST' && request.path === '/base/');
  await waitUntil(() => upload() !== undefined);

  await page.getByRole('button', { name: 'Cancel cancelled.txt' }).click();

  await page.locator('.upload[data-state=cancelled]', { hasText: 'cancelled.txt' }).waitFor();
  await waitUntil(() => upload()?.abortedByClient === true);
  emulator.faults.remove(held.id);
});

test('a 12 MiB file goes multipart, its bar moving through the middle to 100 %', async () => {
  // The first part is held a while: the other parts' bytes show on the bar meanwhile.
  const held = emulator.faults.add({ kind: 'latency', latencyMs: 3000, pathPrefix: '/multipart/part/', count: 1 });
  await page.locator('input[type=file]').setInputFiles({ name: 'large.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(12 * MIB, 7) });

  const bar = page.getByLabel('Upload progress of large.bin');
  await page.waitForFunction(() => {
    const value = document.querySelector<HTMLProgressElement>('progress[aria-label="Upload progress of large.bin"]')?.value ?? 0;
    return value > 0 && value < 100;
  });
  // The guide's picture: a bar in the middle, the from-URL ticks done, the grid scrolled.
  await page.screenshot({ path: SCREENSHOT });
  await page.locator('.upload[data-state=done]', { hasText: 'large.bin' }).waitFor();
  assert.equal(await bar.evaluate((element: HTMLProgressElement) => element.value), 100);
  const paths = emulator.requests.list().map((request) => request.path);
  assert.ok(paths.includes('/multipart/complete/'));
  emulator.faults.remove(held.id);
  // The new file comes first in the grid.
  assert.equal(await page.locator('.tile .name').first().textContent(), 'large.bin');
});

async function waitUntil(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('Timed out waiting for a condition');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
