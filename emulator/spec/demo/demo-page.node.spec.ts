import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startEmulator, type RunningEmulator } from '../../lib/index.js';
import { gradientPng } from './png.js';

// End to end: the demo page that `npm start` serves, driven in Chromium (never a downloaded browser).
const SCREENSHOT = resolve(__dirname, '../../../.ci/artifacts/demo.png');
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const SEEDED = 40;
const TIMEOUT_MS = 30_000;

describe('demo page in Chromium', () => {
  let emulator: RunningEmulator;
  let browser: Browser;
  let page: Page;
  const publicKey = 'demopublickey';
  const liveFiles = () => emulator.store.filesOf(publicKey).filter((file) => !file.datetimeRemoved);

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, seedFiles: SEEDED });
    browser = await chromium.launch({ executablePath: process.env['CHROME_BIN'] ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  }, TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await emulator?.close();
  });

  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${emulator.url}/`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.waitForSelector('#list-end:is([data-state="more"], [data-state="end"])');
  }, TIMEOUT_MS);

  afterEach(async () => {
    emulator.faults.clear();
    await page.close();
  });

  it('uploads files with a bar reaching 100%, fetches a URL with done/total ticks, lists both, and looks right', async () => {
    const images = [
      { name: 'aurora.png', buffer: gradientPng(320, 200, [58, 87, 232], [18, 181, 165]) },
      { name: 'sunset.png', buffer: gradientPng(320, 200, [255, 140, 66], [192, 54, 44]) },
      { name: 'meadow.png', buffer: gradientPng(320, 200, [255, 209, 102], [18, 128, 92]) },
    ];
    await page.setInputFiles('#file-input', images.map(({ name, buffer }) => ({ name, mimeType: 'image/png', buffer })));
    for (const { name } of images) {
      const row = page.locator(`#uploads .upload[data-filename="${name}"]`);
      await row.and(page.locator('[data-state="done"]')).waitFor();
      expect(await row.locator('progress').evaluate((bar) => (bar as HTMLProgressElement).value)).toBe(100);
      const uuid = await row.locator('.status a').textContent();
      expect(emulator.store.fileByUuid(uuid ?? '')?.filename).toBe(name);
    }

    // The from-URL row's status texts, as they change.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { fromUrlTicks: string[] }).fromUrlTicks = seen;
      new MutationObserver(() => {
        const text = document.querySelector('#from-url-uploads .status')?.textContent;
        if (text && seen.at(-1) !== text) seen.push(text);
      }).observe(document.getElementById('from-url-uploads') as HTMLElement, { subtree: true, childList: true, characterData: true });
    });
    await page.getByRole('button', { name: 'Fetch' }).click();
    await page.locator('#from-url-uploads .upload[data-state="done"]').waitFor();
    const ticks = await page.evaluate(() => (window as unknown as { fromUrlTicks: string[] }).fromUrlTicks);
    expect(ticks.some((text) => /^progress · .+ of 512 KB$/.test(text))).withContext(ticks.join(' | ')).toBeTrue();
    expect(ticks.at(-1)).toMatch(/^Uploaded as [0-9a-f-]{36}$/);
    // Screen readers hear outcomes, not every tick.
    expect(await page.locator('#announcer[role="status"]').textContent()).toBe(`Upload from ${emulator.url}/demo/sample.svg: done.`);

    // The list was refreshed after the uploads: newest first, thumbnails made by the CDN (320x200 fitted into 160x160).
    for (const name of [...images.map((image) => image.name), 'sample.svg']) {
      await page.locator(`#file-list .file[data-filename="${name}"]`).waitFor();
    }
    for (const { name } of images) {
      const preview = page.locator(`#file-list .file[data-filename="${name}"] img.preview`);
      const size = await preview.evaluate((img) => (img as HTMLImageElement).decode().then(() => [(img as HTMLImageElement).naturalWidth, (img as HTMLImageElement).naturalHeight]));
      expect(size).toEqual([160, 100]);
      expect(await preview.getAttribute('src')).toMatch(/\/-\/preview\/160x160\/-\/format\/auto\/$/);
    }

    // The transform panel: the image a row hands it, through the operations chosen, as the CDN renders them.
    await page.getByRole('button', { name: 'Transform aurora.png' }).click();
    await page.selectOption('#transform-form select[name="sizing"]', 'scale_crop');
    await page.fill('#transform-form input[name="width"]', '120');
    await page.fill('#transform-form input[name="height"]', '120');
    await page.selectOption('#transform-form select[name="format"]', 'png');
    await page.check('#transform-form input[value="grayscale"]');
    await page.waitForFunction(() => /^120×120 · image\/png · /.test(document.getElementById('transform-status')?.textContent ?? ''));
    expect(await page.locator('#transform-link').textContent()).toMatch(/\/-\/scale_crop\/120x120\/center\/-\/grayscale\/-\/quality\/normal\/-\/format\/png\/$/);
    await page.fill('#transform-form input[name="width"]', '4000');
    await page.waitForFunction(() => (document.getElementById('transform-status')?.textContent ?? '').startsWith('HTTP 400: Bad Request: "scale_crop" dimensions exceed'));
    await page.fill('#transform-form input[name="width"]', '240');
    await page.waitForFunction(() => /^240×120 · image\/png · /.test(document.getElementById('transform-status')?.textContent ?? ''));
    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
  }, TIMEOUT_MS);

  it('cancels an upload: the request in flight is aborted', async () => {
    emulator.faults.add({ kind: 'latency', latencyMs: 20_000, pathPrefix: '/base/', count: 1 });
    const since = emulator.requests.list().at(-1)?.id ?? 0;
    await page.setInputFiles('#file-input', { name: 'never.txt', mimeType: 'text/plain', buffer: Buffer.from('not to be stored') });
    const inFlight = async () => emulator.requests.list(since).find((entry) => entry.method === 'POST' && entry.path === '/base/');
    await waitUntil(async () => (await inFlight()) !== undefined);
    await page.getByRole('button', { name: 'Cancel the upload of never.txt' }).click();
    await page.locator('#uploads .upload[data-filename="never.txt"][data-state="cancelled"]').waitFor();
    expect(await page.locator('#announcer').textContent()).toBe('Upload of never.txt cancelled.');
    await waitUntil(async () => (await inFlight())?.abortedByClient === true);
    expect(emulator.store.filesOf(publicKey).some((file) => file.filename === 'never.txt')).toBeFalse();
  }, TIMEOUT_MS);

  it('uploads a large file dropped on the zone multipart, its bar reaching 100%', async () => {
    const since = emulator.requests.list().at(-1)?.id ?? 0;
    // Made in the page (not sent over the DevTools protocol), and dropped as a drag and drop would.
    await page.evaluate(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(11 * 1024 * 1024).fill(7)], 'large.bin', { type: 'application/octet-stream' }));
      document.getElementById('drop-zone')?.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    });
    const row = page.locator('#uploads .upload[data-filename="large.bin"]');
    expect(await row.locator('.badge').textContent()).toBe('multipart');
    await row.and(page.locator('[data-state="done"]')).waitFor();
    expect(await row.locator('progress').evaluate((bar) => (bar as HTMLProgressElement).value)).toBe(100);
    const calls = emulator.requests.list(since).filter((entry) => entry.method !== 'OPTIONS' && entry.path.startsWith('/multipart/'));
    expect(calls.map((entry) => `${entry.method} ${entry.path.replace(/^\/multipart\/part\/.*/, '/multipart/part/')}`)).toEqual([
      'POST /multipart/start/',
      'PUT /multipart/part/',
      'PUT /multipart/part/',
      'PUT /multipart/part/',
      'POST /multipart/complete/',
    ]);
  }, TIMEOUT_MS);

  it('lists the files page by page as the list is scrolled', async () => {
    const shown = () => page.locator('#file-list .file').count();
    const firstShown = await shown();
    expect(firstShown).toBeLessThan(liveFiles().length);
    while ((await page.locator('#list-end').getAttribute('data-state')) !== 'end') {
      // Counted before the scroll: the page it loads may arrive before a count taken after it.
      const before = await shown();
      await page.locator('#list-end').scrollIntoViewIfNeeded();
      await page.waitForFunction((count) => document.querySelectorAll('#file-list .file').length > count || document.querySelector('#list-end')?.getAttribute('data-state') === 'end', before);
    }
    expect(await shown()).toBe(liveFiles().length);
    expect(await page.locator('#list-end').textContent()).toBe(`All ${liveFiles().length} files shown.`);
  }, TIMEOUT_MS);

  it('stores and deletes files, and groups the selected ones', async () => {
    const temporary = page.locator('#file-list .file', { has: page.locator('button:not([disabled])', { hasText: 'Store' }) }).first();
    const storedUuid = (await temporary.getAttribute('data-uuid')) ?? '';
    await temporary.getByRole('button', { name: /^Store / }).click();
    await page.locator(`#file-list .file[data-uuid="${storedUuid}"] .badge.stored`).waitFor();
    expect(emulator.store.fileByUuid(storedUuid)?.datetimeStored).not.toBeNull();

    const doomed = page.locator('#file-list .file').nth(1);
    const deletedUuid = (await doomed.getAttribute('data-uuid')) ?? '';
    await doomed.getByRole('button', { name: /^Delete / }).click();
    await page.locator(`#file-list .file[data-uuid="${deletedUuid}"]`).waitFor({ state: 'detached' });
    expect(emulator.store.fileByUuid(deletedUuid)?.datetimeRemoved).not.toBeNull();

    const members = [page.locator('#file-list .file').nth(2), page.locator('#file-list .file').nth(3)];
    const memberUuids: string[] = [];
    for (const member of members) {
      memberUuids.push((await member.getAttribute('data-uuid')) ?? '');
      await member.getByRole('checkbox').check();
    }
    await expectAsync(page.locator('#selection-count').textContent()).toBeResolvedTo('2 selected');
    await page.getByRole('button', { name: 'Create group' }).click();
    const link = page.locator('#group-result a');
    await link.waitFor();
    const group = emulator.store.groupById((await link.textContent()) ?? '');
    expect(group?.files.map((file) => file?.uuid)).toEqual(memberUuids);
  }, TIMEOUT_MS);

  it('serves a page and script that hold no secret', async () => {
    const { secretKey } = emulator.store.project(publicKey) ?? { secretKey: 'missing' };
    for (const path of ['/', '/demo/app.js']) {
      const text = await (await fetch(`${emulator.url}${path}`)).text();
      expect(text.length).toBeGreaterThan(1000);
      expect(text).not.toContain(secretKey);
    }
  }, TIMEOUT_MS);
});

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('Condition not met in time');
    await new Promise((done) => setTimeout(done, 20));
  }
}
