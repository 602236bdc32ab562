/**
 * The argument forms of the CDN's image operations, each read into data (or null when malformed), as Uploadcare's
 * URL API reference writes them: dimensions `200x100`, lengths in pixels or percent (`50p`), positions `x,y`,
 * alignment words, colours `ffcc00`.
 */

/** A length: pixels, or a percentage of the image's side (`50p`). */
export interface Length {
  readonly value: number;
  readonly percent: boolean;
}

export type Alignment = 'center' | 'top' | 'bottom' | 'left' | 'right';

/** Where a region goes: the top-left corner (no argument), an alignment word, or offsets `x,y`. */
export type Placement =
  | { readonly kind: 'corner' }
  | { readonly kind: 'align'; readonly align: Alignment }
  | { readonly kind: 'offset'; readonly x: Length; readonly y: Length };

/** Width and height of which one may be left out (`320x`, `x240`), as `resize` takes them. */
export interface OptionalSize {
  readonly width: number | null;
  readonly height: number | null;
}

export interface Size {
  readonly width: number;
  readonly height: number;
}

export interface LengthPair {
  readonly width: Length;
  readonly height: Length;
}

/** An 8-bit RGBA colour. */
export interface Rgba {
  readonly r: number;
  readonly g: number;
  readonly b: number;
  readonly alpha: number;
}

const ALIGNMENTS: readonly string[] = ['center', 'top', 'bottom', 'left', 'right'];

/** A whole number written in plain decimal digits (no sign, no exponent), or null. */
export function count(text: string): number | null {
  return /^\d{1,9}$/.test(text) ? Number(text) : null;
}

/** A whole number, possibly negative (`-40`), or null. */
export function signedCount(text: string): number | null {
  return /^-?\d{1,9}$/.test(text) ? Number(text) : null;
}

/** `200x100`: both sides, each at least 1 pixel. */
export function size(text: string): Size | null {
  const match = /^(\d{1,9})x(\d{1,9})$/.exec(text);
  if (!match) return null;
  const width = Number(match[1]);
  const height = Number(match[2]);
  return width > 0 && height > 0 ? { width, height } : null;
}

/** `320x240`, `320x` or `x240`. */
export function optionalSize(text: string): OptionalSize | null {
  const match = /^(\d{0,9})x(\d{0,9})$/.exec(text);
  if (!match || (match[1] === '' && match[2] === '')) return null;
  const width = match[1] === '' ? null : Number(match[1]);
  const height = match[2] === '' ? null : Number(match[2]);
  return width === 0 || height === 0 ? null : { width, height };
}

/** `40` (pixels) or `40p` (percent, at most 100). */
export function length(text: string): Length | null {
  const match = /^(\d{1,9})(p?)$/.exec(text);
  if (!match) return null;
  const percent = match[2] === 'p';
  const value = Number(match[1]);
  return percent && value > 100 ? null : { value, percent };
}

/** `200x100`, `50px50p`: two lengths, neither zero. */
export function lengthPair(text: string): LengthPair | null {
  const match = /^(\d{1,9}p?)x(\d{1,9}p?)$/.exec(text);
  if (!match) return null;
  const width = length(match[1] ?? '');
  const height = length(match[2] ?? '');
  return width && height && width.value > 0 && height.value > 0 ? { width, height } : null;
}

/** `center`, `top`... or offsets `x,y` in pixels or percent. */
export function placement(text: string): Placement | null {
  if (ALIGNMENTS.includes(text)) return { kind: 'align', align: text as Alignment };
  const [first = '', second = '', ...rest] = text.split(',');
  const x = length(first);
  const y = length(second);
  return x && y && rest.length === 0 ? { kind: 'offset', x, y } : null;
}

/** `4:3`: an aspect ratio, both terms at least 1. */
export function ratio(text: string): Size | null {
  const match = /^(\d{1,9}):(\d{1,9})$/.exec(text);
  if (!match) return null;
  const width = Number(match[1]);
  const height = Number(match[2]);
  return width > 0 && height > 0 ? { width, height } : null;
}

/** A hex colour of 3, 4, 6 or 8 digits (the last ones alpha). */
export function color(text: string): Rgba | null {
  if (!/^(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(text)) return null;
  const digits = text.length <= 4 ? [...text].map((digit) => digit + digit).join('') : text;
  const channel = (i: number): number => parseInt(digits.slice(i * 2, i * 2 + 2), 16);
  return { r: channel(0), g: channel(1), b: channel(2), alpha: digits.length === 8 ? channel(3) / 255 : 1 };
}

/** `10` or `10,20p,30,40`: one to four corner lengths. */
export function radii(text: string): readonly Length[] | null {
  const parts = text.split(',').map(length);
  return parts.length <= 4 && parts.every((part) => part !== null) ? (parts as Length[]) : null;
}

/** `yes` or `no`. */
export function flag(text: string): boolean | null {
  return text === 'yes' ? true : text === 'no' ? false : null;
}

/** `value` when it is a whole number within [min, max], else null. */
export function inRange(value: number | null, min: number, max: number): number | null {
  return value !== null && value >= min && value <= max ? value : null;
}
