import { InvalidParamError } from '../errors.js';
import { normalizeEffects } from './effects.js';
import { isUuid, UUID_PATTERN } from './uuid.js';
import { describeValue } from '../describe-value.js';

/** What a UUID or a file CDN URL says about a file. */
export interface FileReference {
  readonly uuid: string;
  /** Effects of the URL in canonical form (`resize/2x2/`), or '' when there are none. */
  readonly effects: string;
  /** The file name at the end of the URL, or null. */
  readonly filename: string | null;
}

const SCHEME_AND_AUTHORITY = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i;
// The path ends in `<uuid>` or `<uuid>/`, then optionally `-/<effects>/`, then optionally a file name.
const FILE_PATH = new RegExp(`(?:^|/)(${UUID_PATTERN})(?:/(?:-/((?:[^/]+/)+))?([^/]+)?)?$`);

/**
 * Reads a file reference: a bare UUID or any URL (or path) ending in `/<uuid>/`, optionally followed by
 * `-/<effects>/` and a file name. The host is ignored; query and fragment are dropped.
 * @throws InvalidParamError `Couldn't find UUID` when nothing matches.
 */
export function parseFileReference(value: string): FileReference {
  if (typeof value !== 'string') throw new InvalidParamError(`Couldn't find UUID in ${typeof value}`);
  // The common case (a list entry, a UUID kept by the application) skips the URL parse.
  const exact: unknown = value;
  if (isUuid(exact)) return { uuid: exact, effects: '', filename: null };
  const path = value.replace(SCHEME_AND_AUTHORITY, '').replace(/[?#].*$/s, '');
  const match = FILE_PATH.exec(path);
  if (!match) throw new InvalidParamError(`Couldn't find UUID in ${describeValue(value)}`);
  const [, uuid = '', effects = '', filename] = match;
  // normalizeEffects validates what the pattern let through (e.g. `-/-/`).
  return { uuid, effects: normalizeEffectsOrFail(effects, value), filename: filename ?? null };
}

function normalizeEffectsOrFail(effects: string, value: string): string {
  if (effects === '') return '';
  try {
    if (effects.startsWith('-/')) throw new InvalidParamError('empty operation');
    return normalizeEffects(effects);
  } catch {
    throw new InvalidParamError(`Invalid effects in ${describeValue(value)}`);
  }
}
