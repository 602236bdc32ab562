import { InvalidParamError } from '../errors.js';
import { checkObject } from '../options/check-options.js';
import { md5Hex } from './crypto.js';
import { joinSignString, type SignableRequest } from './sign-string.js';

export type { SignableRequest } from './sign-string.js';

/** The string REST API signatures cover: `METHOD\nmd5hex(body)\ncontent-type\ndate\npath?query`. */
export function restSignString(request: SignableRequest): string {
  const { method, url, body, contentType, date } = checkObject('restSignString request', request);
  const parsed = [method, url, body, contentType, date].every((part) => typeof part === 'string') ? absoluteUrl(url) : undefined;
  if (!parsed) throw new InvalidParamError('restSignString needs method, absolute url, body, contentType and date, all strings');
  return joinSignString(request, md5Hex(request.body));
}

function absoluteUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}
