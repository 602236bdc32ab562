import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideEmulator } from '../../testing/emulator-client';
import { addFault, clearFaults, lastRequestId, requestsSince } from '../../testing/emulator-control';
import { pickFiles } from '../../testing/pick-files';
import { Uploader } from './uploader';

describe('Uploader', () => {
  let fixture: ComponentFixture<Uploader>;
  let page: HTMLElement;

  beforeEach(async () => {
    provideEmulator();
    fixture = TestBed.createComponent(Uploader);
    page = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  afterEach(() => clearFaults());

  function pick(...files: File[]): void {
    const input = page.querySelector<HTMLInputElement>('input[type=file]');
    if (!input) throw new Error('The uploader has no file input');
    pickFiles(input, files);
  }

  async function rowState(name: string): Promise<string | null> {
    await fixture.whenStable();
    const row = [...page.querySelectorAll<HTMLElement>('.upload')].find((item) => item.querySelector('.name')?.textContent === name);
    return row?.dataset['state'] ?? null;
  }

  it('shows a progress bar per file, full once uploaded, with the CDN link', async () => {
    pick(new File(['first'], 'first.txt'), new File(['second file'], 'second.txt'));

    await vi.waitFor(async () => expect(await rowState('first.txt')).toBe('done'));
    await vi.waitFor(async () => expect(await rowState('second.txt')).toBe('done'));
    const bars = [...page.querySelectorAll('progress')];
    expect(bars.map((bar) => bar.getAttribute('aria-label'))).toEqual(['Upload progress of first.txt', 'Upload progress of second.txt']);
    expect(bars.map((bar) => bar.value)).toEqual([100, 100]);
    const links = [...page.querySelectorAll<HTMLAnchorElement>('.upload a')];
    expect(await (await fetch(links[0]?.href ?? '')).text()).toBe('first');
    expect(page.textContent).toContain('Group the 2 uploaded files');
  });

  it('uploads files dropped on the drop zone', async () => {
    const dataTransfer = new DataTransfer();
    dataTransfer.items.add(new File(['dropped'], 'dropped.txt'));
    const zone = page.querySelector('.drop-zone');

    zone?.dispatchEvent(new DragEvent('dragover', { dataTransfer, cancelable: true }));
    await fixture.whenStable();
    expect(zone?.classList.contains('dragging')).toBe(true);
    const drop = new DragEvent('drop', { dataTransfer, cancelable: true });
    zone?.dispatchEvent(drop);

    expect(drop.defaultPrevented).toBe(true);
    await vi.waitFor(async () => expect(await rowState('dropped.txt')).toBe('done'));
    expect(zone?.classList.contains('dragging')).toBe(false);
  });

  it('cancels an upload in flight: the button aborts its request and the row says so', async () => {
    await addFault({ kind: 'latency', latencyMs: 10_000, pathPrefix: '/base/', count: 1 });
    const since = await lastRequestId();
    pick(new File(['held by the emulator'], 'held.txt'));
    await vi.waitFor(async () => expect((await requestsSince(since)).some((request) => request.path === '/base/' && request.method === 'POST')).toBe(true));

    page.querySelector<HTMLButtonElement>('button[aria-label="Cancel held.txt"]')?.click();

    expect(await rowState('held.txt')).toBe('cancelled');
    await vi.waitFor(async () => {
      const upload = (await requestsSince(since)).find((request) => request.path === '/base/' && request.method === 'POST');
      expect(upload?.abortedByClient).toBe(true);
    });
    expect(page.querySelector('button[aria-label="Cancel held.txt"]')).toBeNull();
  });
});
