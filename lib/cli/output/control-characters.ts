/**
 * Characters a terminal acts on instead of showing: C0 controls (ESC starts escape sequences: title, screen clear,
 * clipboard writes), DEL, C1 controls (U+009B is a one-character CSI on some terminals), and the bidirectional
 * embeddings, overrides and isolates that make text display in another order than it is (U+202A-U+202E,
 * U+2066-U+2069). Line feed is one of them: callers that print lines of their own keep it (see {@link escapeControls}).
 */
const CONTROL_SOURCE = '\\u0000-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069';

const ANY_CONTROL = new RegExp(`[${CONTROL_SOURCE}]`);
const EVERY_CONTROL = new RegExp(`[${CONTROL_SOURCE}]`, 'g');
const EVERY_CONTROL_BUT_LINE_FEED = new RegExp(`[${CONTROL_SOURCE.replace('\\u0000-\\u001f', '\\u0000-\\u0009\\u000b-\\u001f')}]`, 'g');

/** True when `text` holds any character of the class above. */
export function hasControlCharacter(text: string): boolean {
  return ANY_CONTROL.test(text);
}

/** `\x1b` for ESC, `\u202e` for RIGHT-TO-LEFT OVERRIDE: visible, and what a JavaScript string literal would say. */
function escaped(character: string): string {
  const code = character.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * `text` with every control character written as an escape (`\x1b`, `\x0a`, `\u202e`), line feeds included unless
 * `keepLineFeeds`: safe to print on a terminal. Use without `keepLineFeeds` for one value inside a line (a file name
 * with a line feed must not forge a line of its own).
 */
export function escapeControls(text: string, keepLineFeeds = false): string {
  return text.replace(keepLineFeeds ? EVERY_CONTROL_BUT_LINE_FEED : EVERY_CONTROL, escaped);
}

/**
 * `value` as one line of JSON whose text holds no control character either: JSON.stringify already escapes C0, and
 * the others (DEL, C1, bidirectional controls, which can only occur inside strings) become `\uXXXX` escapes; the
 * document parses back to the same value.
 */
export function jsonLine(value: unknown): string {
  return (JSON.stringify(value) ?? 'null').replace(EVERY_CONTROL, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
