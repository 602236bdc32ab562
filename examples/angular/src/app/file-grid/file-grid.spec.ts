import { HttpEventType } from '@angular/common/http';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { lastValueFrom } from 'rxjs';
import { emulatorBase, provideEmulator } from '../../testing/emulator-client';
import { UploadcareService } from '../uploadcare/uploadcare.service';
import { FileGrid } from './file-grid';

/** What an `<img>` of Chromium accepts: the CDN's `format/auto` answers AVIF to it. */
const IMG_ACCEPT = 'image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8';

/** An opaque PNG of this size, drawn by the browser. */
async function pngOf(width: number, height: number): Promise<Blob> {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('No 2D context');
  context.fillStyle = '#3771c8';
  context.fillRect(0, 0, width, height);
  return canvas.convertToBlob({ type: 'image/png' });
}

/** A `srcset` as `[url, width]` pairs (`url Nw, …`). */
function candidates(srcset: string): [string, number][] {
  return srcset.split(', ').map((candidate) => {
    const [url = '', descriptor = ''] = candidate.split(' ');
    return [url, Number.parseInt(descriptor, 10)];
  });
}

describe('FileGrid', () => {
  let fixture: ComponentFixture<FileGrid>;
  let page: HTMLElement;
  let service: UploadcareService;

  beforeEach(() => {
    provideEmulator();
    service = TestBed.inject(UploadcareService);
  });

  async function names(): Promise<string[]> {
    await fixture.whenStable();
    return [...page.querySelectorAll('.tile .name')].map((name) => name.textContent ?? '');
  }

  it('shows the newest files, images with a srcset the CDN serves at each width, and files uploaded meanwhile first', async () => {
    const done = await lastValueFrom(service.upload(await pngOf(1000, 600), { filename: 'listed.png' }));
    if (done.type !== HttpEventType.Response || !done.body) throw new Error('The upload did not complete');
    fixture = TestBed.createComponent(FileGrid);
    page = fixture.nativeElement as HTMLElement;

    await vi.waitFor(async () => expect(await names()).toContain('listed.png'));
    const thumbnail = page.querySelector<HTMLImageElement>('img[alt="listed.png"]');
    if (!thumbnail) throw new Error('No thumbnail for listed.png');
    const resized = `${emulatorBase()}${done.body.uuid}/-/format/auto/-/quality/smart/-/resize/`;
    expect(thumbnail.srcset).toBe(`${resized}200x/ 200w, ${resized}400x/ 400w, ${resized}800x/ 800w`);
    expect(thumbnail.src).toBe(`${resized}200x/`);
    for (const [url, width] of candidates(thumbnail.srcset)) {
      const answer = await fetch(url, { headers: { Accept: IMG_ACCEPT } });
      expect(answer.headers.get('content-type')).toBe('image/avif');
      const image = await createImageBitmap(await answer.blob());
      expect([image.width, image.height]).toEqual([width, (width * 600) / 1000]);
    }
    // The browser loads one of them, picked by `sizes` and its density; its natural width in CSS pixels is the width
    // `sizes` gives (its width in pixels over its density, the `w` descriptor over that width).
    const slot = matchMedia('(min-width: 992px)').matches ? 183 : 332;
    await vi.waitFor(() => expect(thumbnail.naturalWidth).toBe(slot));
    expect(candidates(thumbnail.srcset).map(([url]) => url)).toContain(thumbnail.currentSrc);

    await lastValueFrom(service.upload(new Blob(['later']), { filename: 'later.txt' }));
    await vi.waitFor(async () => expect((await names())[0]).toBe('later.txt'));
  });
});
