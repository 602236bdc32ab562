import { ChangeDetectionStrategy, Component } from '@angular/core';
import { FileGrid } from './file-grid/file-grid';
import { FromUrlPanel } from './from-url/from-url-panel';
import { Uploader } from './uploader/uploader';
import { uploadcareBase } from './uploadcare-settings';

@Component({
  selector: 'app-root',
  imports: [Uploader, FromUrlPanel, FileGrid],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header>
      <h1>rxuploadcare in Angular</h1>
      <p>Uploadcare at <code>{{ base }}</code></p>
    </header>
    <main>
      <app-uploader />
      <app-from-url-panel [sourceUrl]="base + 'demo/sample.svg'" />
      <app-file-grid />
    </main>
  `,
})
export class App {
  protected readonly base = uploadcareBase(window.location);
}
