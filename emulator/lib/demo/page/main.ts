import { debounceTime, merge, Subject } from 'rxjs';
import type { File as UploadcareFile } from 'rxuploadcare';
import { demoClient, readDemoConfig } from './client.js';
import { byId } from './dom.js';
import { fileBrowser } from './file-browser.js';
import { fromUrlPanel } from './from-url-panel.js';
import { transformPanel } from './transform-panel.js';
import { uploadPanel } from './upload-panel.js';

/** The demo page: uploads, uploads from URL, the project's files and the transform panel, wired to one client. */
function main(): void {
  const config = readDemoConfig();
  const client = demoClient(config);
  byId('signed-by', HTMLElement).textContent = new URL(config.signerPath, location.origin).href;

  const uploaded = merge(
    uploadPanel(client, { dropZone: byId('drop-zone', HTMLElement), input: byId('file-input', HTMLInputElement), list: byId('uploads', HTMLElement) }),
    fromUrlPanel(client, { form: byId('from-url-form', HTMLFormElement), input: byId('from-url-input', HTMLInputElement), list: byId('from-url-uploads', HTMLElement) }),
  );

  const picked = new Subject<UploadcareFile>();
  transformPanel(
    client,
    {
      form: byId('transform-form', HTMLFormElement),
      source: byId('transform-source', HTMLElement),
      link: byId('transform-link', HTMLAnchorElement),
      result: byId('transform-result', HTMLImageElement),
      status: byId('transform-status', HTMLElement),
    },
    picked,
  ).subscribe();

  fileBrowser(
    client,
    {
      list: byId('file-list', HTMLElement),
      sentinel: byId('list-end', HTMLElement),
      refreshButton: byId('refresh', HTMLButtonElement),
      groupButton: byId('create-group', HTMLButtonElement),
      selectionCount: byId('selection-count', HTMLElement),
      groupResult: byId('group-result', HTMLElement),
    },
    // The uploads run inside this subscription; a burst of them refreshes the list once.
    uploaded.pipe(debounceTime(300)),
    (file) => picked.next(file),
  ).subscribe();
  document.body.dataset['ready'] = 'true';
}

main();
