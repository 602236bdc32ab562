/**
 * `text` safe to write to a terminal: control characters other than newline and tab (escape sequences that could move
 * the cursor, retitle the window or hide lines, carried in by a request's file name or URL) are shown as `\xNN` or
 * `\uNNNN` instead of being sent.
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g, (char) => {
    const code = char.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
