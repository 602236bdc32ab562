// FileFromUrl is defined beside File (lib/resources/file.ts): each makes the other, and one module keeps the import
// graph without a cycle. Its behaviour is FromUrlUpload's (./from-url-upload.ts).
import type { File } from '../resources/file.js';
import type { FromUrlUploadEvent } from './from-url-upload.js';

export { FileFromUrl } from '../resources/file.js';
export { FROM_URL_WAIT_KEYS, FromUrlUpload, type FromUrlProgressEvent, type FromUrlUploadEvent, type FromUrlWaitOptions } from './from-url-upload.js';

/** What {@link FileFromUrl.wait} emits: distinct ticks, then the File. */
export type FromUrlEvent = FromUrlUploadEvent<File>;
