import { defer, map, type Observable } from 'rxjs';
import type { UploadcareClient } from '../core/client.js';
import { clientOrDefault } from '../conf.js';
import { InvalidParamError } from '../errors.js';
import { checkOptions, optionKeys } from '../options/check-options.js';
import { fileUuid, jobTiming } from '../jobs/job-options.js';
import { restCall } from '../resources/rest-call.js';
import type { ConversionEvent } from './conversion-events.js';
import { sourceList, storeFields, type ConversionOptions } from './conversion-options.js';
import { documentPath, type ConversionSource, type DocumentTarget } from './conversion-paths.js';
import { runConversion } from './run-conversion.js';

/** Options of {@link convertDocument}: the target, `saveInGroup`, `store`, and the poll's `timeout`/`interval`. */
export interface DocumentConversionOptions extends DocumentTarget, ConversionOptions {
  /** Multi-page documents converted to an image format are also saved as a group of pages. Default false. */
  readonly saveInGroup?: boolean;
}

const DOCUMENT_OPTION_KEYS = optionKeys<DocumentConversionOptions>({ format: true, page: true, saveInGroup: true, store: true, timeout: true, interval: true });

/** `GET convert/document/<uuid>/`: a document's format, what it converts to, and the groups conversions saved. */
export interface DocumentConversionInfo {
  readonly error: string | null;
  readonly format: { readonly name: string; readonly conversion_formats: readonly { readonly name: string }[] };
  /** Target format -> group id, for conversions made with `saveInGroup`. */
  readonly converted_groups: Readonly<Record<string, string>>;
}

/**
 * Converts documents (`POST convert/document/`), then follows each job: `{ type: 'progress', status, source, done,
 * total }` per status answer (`pending`, `processing`, then `finished`, `failed` or `cancelled`), then
 * `{ type: 'complete', results }`, one outcome per file in order: the output's UUID, or a {@link ConversionError}
 * (refused path, failed or cancelled job). Cold; options are checked before any request; unsubscribing stops polling;
 * no end within `timeout` (default 600 s) is a TimeoutError.
 *
 * ```ts
 * convertDocument(uuid, { format: 'pdf', store: true }, client).subscribe((event) =>
 *   event.type === 'progress' ? console.log(event.status) : console.log(event.results[0]));
 * ```
 * @param client the client to use; default {@link defaultClient}.
 */
export function convertDocument(files: ConversionSource | readonly ConversionSource[], options: DocumentConversionOptions, client?: UploadcareClient): Observable<ConversionEvent> {
  return defer(() => {
    const checked = checkOptions('convertDocument() options', options, DOCUMENT_OPTION_KEYS);
    const paths = sourceList(files).map((file) => documentPath(file, checked));
    const { saveInGroup } = checked;
    if (saveInGroup !== undefined && typeof saveInGroup !== 'boolean') throw new InvalidParamError('saveInGroup must be true or false');
    const fields = { ...storeFields(checked.store), ...(saveInGroup !== undefined && { save_in_group: saveInGroup ? '1' : '0' }) };
    return runConversion('document', paths, fields, jobTiming(checked), client);
  });
}

/** What a document converts to (`GET convert/document/<uuid>/`). An unknown file is an InvalidRequestError (404). */
export function documentConversionInfo(file: ConversionSource, client?: UploadcareClient): Observable<DocumentConversionInfo> {
  return defer(() => {
    return restCall<DocumentConversionInfo>(clientOrDefault(client), 'GET', `convert/document/${fileUuid(file)}/`);
  }).pipe(map((info) => ({ ...info, converted_groups: info.converted_groups ?? {} })));
}
