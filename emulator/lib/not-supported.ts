import { HttpError } from './http-util.js';

/**
 * A feature of the real service the emulator does not provide, answered as such: 501 with a JSON body naming it (REST
 * `detail`, plus `feature`), never a 404 or 405 that reads like a wrong path or method, nor a fake success. The list of
 * what is not emulated is in docs/emulator.md.
 */
export function notSupported(feature: string): HttpError {
  return new HttpError(501, { detail: `${feature} is not supported by the emulator.`, feature });
}
