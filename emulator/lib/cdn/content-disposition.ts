/**
 * Types a browser opens as a document that runs scripts: HTML, XHTML, SVG and XML (whose stylesheets can be XSLT
 * producing HTML). The CDN serves them as downloads, so that a file uploaded by anyone never runs on the emulator's
 * origin, where the demo signer and the control API answer.
 */
const ACTIVE_TYPE = /^\s*(?:text\/html|application\/xhtml\+xml|image\/svg\+xml|text\/xml|application\/xml|text\/xsl|[\w.-]+\/[\w.-]+\+xml)\s*(?:;|$)/i;

/** True when a file of this MIME type would run as a page if a browser displayed it. */
export function isActiveContent(mimeType: string): boolean {
  return ACTIVE_TYPE.test(mimeType);
}

/**
 * The `Content-Disposition` of a CDN answer (RFC 6266), as the real CDN sends one: `inline` for what is safe to display,
 * `attachment` for active content, with the file name both as an ASCII fallback and exactly (`filename*`), so that a
 * download, or a from-URL upload of the CDN URL, keeps the file's name.
 */
export function contentDisposition(mimeType: string, filename: string): string {
  const kind = isActiveContent(mimeType) ? 'attachment' : 'inline';
  const fallback = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encodeExtValue(filename)}`;
}

/** RFC 8187 ext-value characters: encodeURIComponent leaves `'()*` as they are, which attr-char does not allow. */
function encodeExtValue(text: string): string {
  return encodeURIComponent(text).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}
