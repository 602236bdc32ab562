// A standalone Angular component: pick a file, watch its bar, see the project's files through the `async` pipe.
import { AsyncPipe } from '@angular/common';
import { HttpEventType } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { BehaviorSubject, map, type Observable, Subject, switchMap, tap } from 'rxjs';
import type { File as UploadcareFile } from '../../../lib/index.js';
import { percentOf } from './http-events.js';
import { UploadsService } from './uploads.service.js';

/** What the template shows of the current upload. */
interface UploadView {
  readonly name: string;
  readonly percent: number;
  readonly file: UploadcareFile | null;
}

@Component({
  selector: 'app-uploader',
  standalone: true,
  imports: [AsyncPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <label>Upload a file <input type="file" (change)="pick($any($event.target).files)" /></label>
    @if (upload$ | async; as upload) {
      <progress max="100" [value]="upload.percent" [attr.aria-label]="'Upload progress of ' + upload.name"></progress>
      @if (upload.file; as file) {
        <a [href]="file.cdnUrl">{{ upload.name }}</a>
      }
    }
    <ul aria-label="Project files">
      @for (file of files$ | async; track file.uuid) {
        <li>
          <a [href]="file.cdnUrl">{{ file.uuid }}</a>
          <button type="button" (click)="store(file)">Store</button>
        </li>
      }
    </ul>
  `,
})
export class UploaderComponent {
  private readonly uploads = inject(UploadsService);
  private readonly picked = new Subject<File>();
  private readonly refresh = new BehaviorSubject<void>(undefined);

  /** The latest pick's upload (the template's `async` pipe subscribes); picking again aborts the previous one. */
  readonly upload$: Observable<UploadView> = this.picked.pipe(
    switchMap((file) =>
      this.uploads.upload(file).pipe(
        map((event) => ({
          name: file.name,
          percent: percentOf(event),
          file: event.type === HttpEventType.Response ? event.body : null,
        })),
      ),
    ),
    // Once the file is in, list the files anew.
    tap((upload) => upload.file && this.refresh.next()),
  );

  /** The project's files, listed anew after each upload. */
  readonly files$: Observable<readonly UploadcareFile[]> = this.refresh.pipe(switchMap(() => this.uploads.files()));

  pick(files: FileList | null): void {
    const file = files?.[0];
    if (file) this.picked.next(file);
  }

  store(file: UploadcareFile): void {
    this.uploads.store(file).subscribe(() => this.refresh.next());
  }
}
