import { UploadcareException, type UploadcareExceptionJson } from '../errors.js';

/** How a conversion of one file ended without an output. */
export type ConversionFailureKind =
  /** Refused when submitted: the answer's `problems` entry for the path (bad path, unsupported format...). */
  | 'refused'
  /** The job ended `failed`; the message is its `error`. */
  | 'failed'
  /** The job ended `cancelled`. */
  | 'cancelled';

/**
 * One file's conversion that gave no output, with what the service said. It is reported in the `complete` event's
 * results for that file ({@link ConversionFailure}), beside the other files' outputs: one bad path never hides them.
 */
export class ConversionError extends UploadcareException {
  override name = 'ConversionError';
  /** The conversion path this was about, e.g. `<uuid>/document/-/format/pdf/`. */
  readonly source: string;
  readonly kind: ConversionFailureKind;
  /** The job's token; null when the path was refused before a job existed. */
  readonly token: number | null;

  constructor(message: string, details: { readonly source: string; readonly kind: ConversionFailureKind; readonly token: number | null; readonly body?: unknown }) {
    super(message, details.body === undefined ? {} : { body: details.body });
    this.source = details.source;
    this.kind = details.kind;
    this.token = details.token;
  }

  override toJSON(): UploadcareExceptionJson & { readonly source: string; readonly kind: ConversionFailureKind; readonly token: number | null } {
    return { ...super.toJSON(), source: this.source, kind: this.kind, token: this.token };
  }
}
