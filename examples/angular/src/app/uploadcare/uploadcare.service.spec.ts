import { HttpEventType, type HttpEvent } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom, lastValueFrom, toArray } from 'rxjs';
import type { File as UploadcareFile } from 'rxuploadcare';
import { emulatorBase, provideEmulator } from '../../testing/emulator-client';
import { lastRequestId, requestsSince, type LoggedRequest } from '../../testing/emulator-control';
import { UploadcareService } from './uploadcare.service';

const MIB = 1024 * 1024;

function bodyOf(events: readonly HttpEvent<UploadcareFile>[]): UploadcareFile {
  const last = events.at(-1);
  if (last?.type !== HttpEventType.Response || !last.body) throw new Error(`The upload ended with ${JSON.stringify(last)}`);
  return last.body;
}

/** A REST `GET files/` (the browser's CORS preflights are `OPTIONS` of the same path). */
function isFileListing(request: LoggedRequest): boolean {
  return request.method === 'GET' && request.path === '/files/';
}

async function uploadText(service: UploadcareService, text: string, filename: string): Promise<UploadcareFile> {
  return bodyOf(await lastValueFrom(service.upload(new Blob([text], { type: 'text/plain' }), { filename }).pipe(toArray())));
}

describe('UploadcareService on the emulator', () => {
  let service: UploadcareService;

  beforeEach(() => {
    provideEmulator();
    service = TestBed.inject(UploadcareService);
  });

  it('uploads a Blob as HttpEvents: progress up to the size, then a Response whose File the CDN serves', async () => {
    const events = await lastValueFrom(service.upload(new Blob(['hello, angular']), { filename: 'hello.txt' }).pipe(toArray()));

    const progress = events.filter((event) => event.type === HttpEventType.UploadProgress);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toEqual({ type: HttpEventType.UploadProgress, loaded: 14, total: 14 });
    const file = bodyOf(events);
    expect(file.cdnUrl.startsWith(emulatorBase())).toBe(true);
    expect(await (await fetch(file.cdnUrl)).text()).toBe('hello, angular');
  });

  it('uploads a file of 11 MiB multipart, its progress never going back', async () => {
    const since = await lastRequestId();
    const events = await lastValueFrom(service.upload(new Blob([new Uint8Array(11 * MIB)]), { filename: 'big.bin' }).pipe(toArray()));

    const loaded = events.flatMap((event) => (event.type === HttpEventType.UploadProgress ? [event.loaded] : []));
    expect(loaded).toEqual([...loaded].sort((a, b) => a - b));
    expect(loaded.at(-1)).toBe(11 * MIB);
    expect(await (await firstValueFrom(bodyOf(events).info())).size).toBe(11 * MIB);
    const paths = (await requestsSince(since)).map((request) => request.path);
    expect(paths).toContain('/multipart/start/');
    expect(paths).toContain('/multipart/complete/');
  });

  it('uploads from a URL with done/total ticks, then the File', async () => {
    const events = await lastValueFrom(service.fromUrl(`${emulatorBase()}demo/sample.svg`).pipe(toArray()));

    const ticks = events.flatMap((event) => (event.type === 'progress' ? [event] : []));
    expect(ticks.some((tick) => tick.total !== null && tick.done > 0 && tick.done < tick.total)).toBe(true);
    const last = events.at(-1);
    expect(last?.type).toBe('complete');
    if (last?.type === 'complete') expect(await firstValueFrom(last.file.mimeType())).toBe('image/svg+xml');
  });

  it('lists the files newest first, one REST request per page and none ahead', async () => {
    const uploaded: UploadcareFile[] = [];
    for (const name of ['a.txt', 'b.txt', 'c.txt']) uploaded.push(await uploadText(service, name, name));
    const pager = service.pager(2);
    const since = await lastRequestId();

    const first = await firstValueFrom(pager.next());
    const listedAfterFirst = (await requestsSince(since)).filter(isFileListing);
    const second = await firstValueFrom(pager.next());
    const listedAfterSecond = (await requestsSince(since)).filter(isFileListing);

    expect(first.map((tile) => tile.name)).toEqual(['c.txt', 'b.txt']);
    expect(second[0]?.name).toBe('a.txt');
    expect(listedAfterFirst.length).toBe(1);
    expect(listedAfterSecond.length).toBe(2);
    expect(first[0]).toMatchObject({ uuid: uploaded[2]?.uuid, isImage: false, cdnUrl: `${emulatorBase()}${uploaded[2]?.uuid}/` });
  });

  it('groups uploaded files into one CDN URL', async () => {
    const files = [await uploadText(service, 'one', 'one.txt'), await uploadText(service, 'two', 'two.txt')];

    const group = await firstValueFrom(service.group(files));

    expect(group.id).toMatch(/~2$/);
    expect(group.cdnUrl).toBe(`${emulatorBase()}${group.id}/`);
  });
});
