import { UploadcareException, type UploadcareExceptionJson } from '../errors.js';

/** An add-on execution that ended in `error`, or that reported done without its result in the file's appdata. */
export class AddonError extends UploadcareException {
  override name = 'AddonError';
  readonly addon: string;
  /** The execution's `request_id`. */
  readonly requestId: string;
  /** The file's UUID. */
  readonly target: string;

  constructor(message: string, details: { readonly addon: string; readonly requestId: string; readonly target: string; readonly body?: unknown }) {
    super(message, details.body === undefined ? {} : { body: details.body });
    this.addon = details.addon;
    this.requestId = details.requestId;
    this.target = details.target;
  }

  override toJSON(): UploadcareExceptionJson & { readonly addon: string; readonly requestId: string; readonly target: string } {
    return { ...super.toJSON(), addon: this.addon, requestId: this.requestId, target: this.target };
  }
}
