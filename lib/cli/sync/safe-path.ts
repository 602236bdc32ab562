import { isAbsolute, relative, resolve, sep } from 'node:path';
import { hasControlCharacter } from '../output/control-characters.js';

/** Device names Windows reserves in every directory, with or without an extension. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\..*)?$/i;
/** Characters Windows forbids in names; a `:` would also open an NTFS alternate stream. */
const WINDOWS_FORBIDDEN = /[<>:"|?*]/;

/** Why a name was refused, or undefined when it is safe as one path segment. */
export function unsafeSegmentReason(segment: string, platform: NodeJS.Platform = process.platform): string | undefined {
  if (segment === '') return 'empty name';
  // C0 (NUL included), C1 and bidirectional controls: a name that could drive a terminal or hide its real order.
  if (hasControlCharacter(segment)) return 'control character (NUL, C0, C1 or bidirectional) in name';
  if (segment === '.' || segment === '..') return `"${segment}" is a relative path`;
  if (segment.includes('/') || segment.includes('\\')) return 'path separator in name';
  if (WINDOWS_RESERVED.test(segment.trim())) return 'reserved device name';
  if (/[ .]$/.test(segment)) return 'name ends with a dot or a space';
  if (platform === 'win32' && WINDOWS_FORBIDDEN.test(segment)) return 'character not allowed on Windows';
  return undefined;
}

/** The outcome of placing a relative path under a directory. */
export type SafePath =
  | { readonly ok: true; readonly path: string }
  | { readonly ok: false; readonly reason: string };

/**
 * Joins `relativePath` (segments separated by `/`) under `root`, refusing anything that could land elsewhere: an
 * absolute path, an unsafe segment (see {@link unsafeSegmentReason}), or a result that resolves outside `root`.
 */
export function safeJoin(root: string, relativePath: string, platform: NodeJS.Platform = process.platform): SafePath {
  if (relativePath.startsWith('/') || relativePath.startsWith('\\') || isAbsolute(relativePath)) {
    return { ok: false, reason: 'absolute path' };
  }
  for (const segment of relativePath.split('/')) {
    const reason = unsafeSegmentReason(segment, platform);
    if (reason) return { ok: false, reason };
  }
  const base = resolve(root);
  const path = resolve(base, ...relativePath.split('/'));
  const inside = relative(base, path);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside) || path !== base + (base.endsWith(sep) ? '' : sep) + inside) {
    return { ok: false, reason: 'path leaves the target directory' };
  }
  return { ok: true, path };
}
