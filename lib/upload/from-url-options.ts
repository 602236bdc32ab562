import { InvalidParamError } from '../errors.js';
import { checkUploadOptions, type UploadOptions } from './options.js';
import { describeValue } from '../describe-value.js';

/** Options of an upload from URL. */
export interface FromUrlOptions extends Pick<UploadOptions, 'store' | 'filename' | 'metadata' | 'signed' | 'signatureLifetimeSeconds'> {
  /** Answer with the file already uploaded from this URL instead of downloading it again. Default false. */
  readonly checkUrlDuplicates?: boolean;
  /** Remember this URL so that later `checkUrlDuplicates` uploads find the file. Default false. */
  readonly saveUrlDuplicates?: boolean;
}

/** Checks the URL and options before any request: only absolute http(s) URLs can be fetched. */
export function checkFromUrl(url: string, options: FromUrlOptions): URL {
  checkUploadOptions(options);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InvalidParamError(`Not an absolute URL: ${describeValue(url)}.`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new InvalidParamError(`Only http and https URLs can be uploaded from, not ${parsed.protocol}.`);
  }
  return parsed;
}
