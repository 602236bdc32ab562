import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { lastValueFrom } from 'rxjs';
import { emulatorBase, provideEmulator } from '../../testing/emulator-client';
import { UploadcareService } from '../uploadcare/uploadcare.service';
import { FileGrid } from './file-grid';

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

  it('shows the newest files with CDN previews, and files uploaded meanwhile first', async () => {
    const pixel = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));
    await lastValueFrom(service.upload(new Blob([pixel], { type: 'image/png' }), { filename: 'listed.png' }));
    fixture = TestBed.createComponent(FileGrid);
    page = fixture.nativeElement as HTMLElement;

    await vi.waitFor(async () => expect(await names()).toContain('listed.png'));
    const preview = page.querySelector<HTMLImageElement>('img[alt="listed.png"]');
    expect(preview?.src).toMatch(new RegExp(`^${emulatorBase()}[0-9a-f-]{36}/-/preview/320x320/$`));
    expect((await fetch(preview?.src ?? '')).headers.get('content-type')).toBe('image/png');

    await lastValueFrom(service.upload(new Blob(['later']), { filename: 'later.txt' }));
    await vi.waitFor(async () => expect((await names())[0]).toBe('later.txt'));
  });
});
