import { InvalidParamError } from '../errors.js';
import { checkUploadOptions, type UploadOptions } from './options.js';
import { optionKeys } from '../options/check-options.js';
import { describeValue } from '../describe-value.js';

/** Options of an upload from URL. */
export interface FromUrlOptions extends Pick<UploadOptions, 'store' | 'filename' | 'metadata' | 'tags' | 'signed' | 'signatureLifetimeSeconds'> {
  /** Answer with the file already uploaded from this URL instead of downloading it again. Default false. */
  readonly checkUrlDuplicates?: boolean;
  /** Remember this URL so that later `checkUrlDuplicates` uploads find the file. Default false. */
  readonly saveUrlDuplicates?: boolean;
}

/** The keys of {@link FromUrlOptions}. */
export const FROM_URL_OPTION_KEYS = optionKeys<FromUrlOptions>({
  store: true,
  filename: true,
  metadata: true,
  tags: true,
  signed: true,
  signatureLifetimeSeconds: true,
  checkUrlDuplicates: true,
  saveUrlDuplicates: true,
});

/** Checks the URL and options before any request: only absolute http(s) URLs can be fetched. */
export function checkFromUrl(url: string, options: FromUrlOptions | undefined): URL {
  checkUploadOptions(options, FROM_URL_OPTION_KEYS);
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
