import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import type { FileGroup, File as UploadcareFile } from 'rxuploadcare';
import { UploadcareService } from '../uploadcare/uploadcare.service';
import { UploadRow } from './upload-row';

/** Picks or drops files, uploads each with its own progress bar and cancel button, and groups the uploaded ones. */
@Component({
  selector: 'app-uploader',
  imports: [DecimalPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './uploader.html',
  styleUrl: './uploader.css',
})
export class Uploader {
  private readonly uploadcare = inject(UploadcareService);
  protected readonly rows = signal<readonly UploadRow[]>([]);
  protected readonly dragging = signal(false);
  protected readonly group = signal<FileGroup | null>(null);
  protected readonly uploaded = computed(() =>
    this.rows()
      .map((row) => row.file())
      .filter((file): file is UploadcareFile => file !== null),
  );

  constructor() {
    inject(DestroyRef).onDestroy(() => this.rows().forEach((row) => row.cancel()));
  }

  protected pick(files: FileList | null): void {
    const rows = Array.from(files ?? [], (file) => new UploadRow(file.name, file.size, this.uploadcare.upload(file)));
    this.rows.update((current) => [...rows, ...current]);
  }

  protected drop(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(false);
    this.pick(event.dataTransfer?.files ?? null);
  }

  protected dragOver(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(true);
  }

  protected groupUploaded(): void {
    this.uploadcare.group(this.uploaded()).subscribe((group) => this.group.set(group));
  }
}
