import { latin1, viewOf } from './byte-source.js';

// EBML (RFC 8794), the binary layout of Matroska and WebM: elements of an ID, a size and a body, both written as
// variable-length integers whose leading zero bits tell their length. Every read is bounded by the bytes given.

/** Where one element's body lies in the bytes it was found in. */
export interface Child {
  readonly start: number;
  readonly end: number;
}

/** How many bytes an EBML variable-length integer starting with `first` takes (its leading zeros plus one). */
function vintLength(first: number | undefined): number | null {
  if (!first) return null;
  return Math.clz32(first) - 23;
}

/** The variable-length integer at `offset` without its length marker (null: all ones, "unknown") and its length. */
export function readVint(bytes: Uint8Array, offset: number): { value: number | null; length: number } | null {
  const length = vintLength(bytes[offset]);
  if (length === null || offset + length > bytes.length) return null;
  let value = bytes[offset]! & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    value = value * 256 + bytes[offset + i]!;
    allOnes &&= bytes[offset + i] === 0xff;
  }
  return { value: allOnes ? null : value, length };
}

/**
 * The element at `offset` of `bytes`: its ID (marker bit kept, as IDs are written), where its body starts and its size
 * (null: unknown, as a live stream writes its segment and clusters).
 */
export function parseHeader(bytes: Uint8Array, offset: number): { id: number; bodyStart: number; size: number | null } | null {
  const idLength = vintLength(bytes[offset]);
  if (idLength === null || idLength > 4 || offset + idLength > bytes.length) return null;
  let id = 0;
  for (let i = 0; i < idLength; i++) id = id * 256 + bytes[offset + i]!;
  const size = readVint(bytes, offset + idLength);
  if (!size) return null;
  return { id, bodyStart: offset + idLength + size.length, size: size.value };
}

/** The children of a master element's body, by ID (an element cut short ends where the bytes do). */
export function children(body: Uint8Array): Map<number, Child[]> {
  const found = new Map<number, Child[]>();
  for (let offset = 0; offset < body.length; ) {
    const header = parseHeader(body, offset);
    if (!header) break;
    const start = header.bodyStart;
    const end = header.size === null ? body.length : Math.min(body.length, start + header.size);
    const same = found.get(header.id);
    if (same) same.push({ start, end });
    else found.set(header.id, [{ start, end }]);
    offset = end;
  }
  return found;
}

export function findChild(body: Uint8Array, id: number): Child | undefined {
  return children(body).get(id)?.[0];
}

export function unsigned(body: Uint8Array, child: Child | undefined): number | undefined {
  if (!child || child.end - child.start > 8) return undefined;
  let value = 0;
  for (let i = child.start; i < child.end; i++) value = value * 256 + body[i]!;
  return value;
}

export function float(body: Uint8Array, child: Child | undefined): number | undefined {
  if (!child) return undefined;
  const view = viewOf(body);
  if (child.end - child.start === 4) return view.getFloat32(child.start);
  if (child.end - child.start === 8) return view.getFloat64(child.start);
  return undefined;
}

export function text(body: Uint8Array, child: Child | undefined): string | undefined {
  return child && latin1(body, child.start, child.end - child.start).replace(/\0+$/, '');
}
