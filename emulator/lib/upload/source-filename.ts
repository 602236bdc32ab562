import { percentDecoded } from '../http-util.js';

/** The name of a file downloaded from a URL whose answer and path name nothing, as the real service calls it. */
const UNNAMED_SOURCE = 'original';

/**
 * The name of a file uploaded from `url`, as the real service gives it: the source's `Content-Disposition` name
 * (`filename*=UTF-8''...` first, then `filename=`), else the URL's last path segment (decoded), else `original`. A name
 * is kept as given, path separators and all, as for direct uploads: what writes files by name must defend itself
 * (the CLI's sync does).
 */
export function sourceFilename(url: URL, contentDisposition: string | undefined): string {
  const named = contentDisposition === undefined ? null : dispositionFilename(contentDisposition);
  const lastSegment = url.pathname.split('/').pop() ?? '';
  return named ?? (percentDecoded(lastSegment) || lastSegment || UNNAMED_SOURCE);
}

/** The file name a `Content-Disposition` header gives (RFC 6266): `filename*` over `filename`; null when none. */
export function dispositionFilename(header: string): string | null {
  const extended = /(?:^|;)\s*filename\*\s*=\s*([\w!#$%&+^`{}~.-]*)'[^']*'([^\s;]+)/i.exec(header);
  if (extended) {
    const [, charset = '', value = ''] = extended;
    const decoded = decodeExtValue(value, charset);
    if (decoded) return decoded;
  }
  const plain = /(?:^|;)\s*filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s;"]+))/i.exec(header);
  if (!plain) return null;
  const [, quoted, token] = plain;
  return (quoted === undefined ? token : quoted.replace(/\\(.)/g, '$1')) || null;
}

/** An RFC 8187 ext-value: percent-encoded UTF-8 (or ISO-8859-1); null when it does not decode. */
function decodeExtValue(value: string, charset: string): string | null {
  if (/^iso-8859-1$/i.test(charset)) {
    return /^(?:[^%]|%[0-9a-f]{2})*$/i.test(value) ? value.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : null;
  }
  return percentDecoded(value);
}
