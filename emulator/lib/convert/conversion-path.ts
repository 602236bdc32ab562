import { DOCUMENT_TARGETS, VIDEO_FORMATS, VIDEO_QUALITIES, VIDEO_RESIZE_MODES } from './formats.js';

/** A conversion request for one file: its UUID and the operations asked for, by name. */
export interface ConversionPath {
  readonly uuid: string;
  readonly operations: ReadonlyMap<string, readonly string[]>;
}

/** A path the service refuses: the `problems` entry it answers for it. */
export class PathProblem extends Error {}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Reads `<uuid>/<kind>/-/<operation>/<args>/...` (or a CDN URL of it; a video path may be a bare UUID), as the
 * conversion endpoints take them. Anything else is the real service's `Bad path "…". Use UUID or CDN URL`.
 */
export function parseConversionPath(path: string, kind: 'document' | 'video'): ConversionPath {
  const bad = new PathProblem(`Bad path "${path}". Use UUID or CDN URL`);
  const segments = path.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').split('/').filter((segment) => segment !== '');
  const [uuid, marker, ...rest] = segments;
  if (!uuid || !UUID.test(uuid)) throw bad;
  if (marker === undefined && kind === 'video') return { uuid: uuid.toLowerCase(), operations: new Map() };
  if (marker !== kind) throw bad;
  const operations = new Map<string, string[]>();
  for (const group of rest.join('/').split(/(?:^|\/)-(?:\/|$)/).filter((text) => text !== '')) {
    const [name, ...args] = group.split('/');
    if (!name) throw bad;
    const [base, tilde] = name.split('~');
    operations.set(base!, tilde === undefined ? args : [tilde, ...args]);
  }
  return { uuid: uuid.toLowerCase(), operations };
}

/** The document operations: `format/<target>/` (required) and `page/<n>/`. */
export function checkDocumentOperations(path: ConversionPath): { readonly format: string; readonly page: number | null } {
  for (const name of path.operations.keys()) if (name !== 'format' && name !== 'page') throw new PathProblem(`Unsupported operation "${name}".`);
  const format = path.operations.get('format')?.[0];
  if (!format) throw new PathProblem('Target format is required: add -/format/<format>/.');
  if (!(DOCUMENT_TARGETS as readonly string[]).includes(format)) throw new PathProblem(`Unsupported target format "${format}".`);
  const page = path.operations.get('page')?.[0];
  if (page !== undefined && !/^[1-9]\d*$/.test(page)) throw new PathProblem(`Invalid page "${page}".`);
  return { format, page: page === undefined ? null : Number(page) };
}

/** What a video job asks for, with the encoder's defaults (mp4, normal quality, 1 thumbnail). */
export interface VideoOperations {
  readonly format: string;
  readonly quality: string;
  readonly thumbs: number;
}

/** The video operations: `format`, `quality`, `size/<w>x<h>/<mode>`, `cut/<start>/<length>`, `thumbs~<n>`. */
export function checkVideoOperations(path: ConversionPath): VideoOperations {
  const { operations } = path;
  const one = (name: string): string | undefined => operations.get(name)?.[0];
  for (const name of operations.keys()) {
    if (!['format', 'quality', 'size', 'cut', 'thumbs'].includes(name)) throw new PathProblem(`Unsupported operation "${name}".`);
  }
  const format = one('format') ?? 'mp4';
  if (!(VIDEO_FORMATS as readonly string[]).includes(format)) throw new PathProblem(`Unsupported target format "${format}".`);
  const quality = one('quality') ?? 'normal';
  if (!(VIDEO_QUALITIES as readonly string[]).includes(quality)) throw new PathProblem(`Unsupported quality "${quality}".`);
  const size = operations.get('size');
  if (size) {
    const [dimensions = '', mode = 'preserve_ratio'] = size;
    const match = /^(\d*)x(\d*)$/.exec(dimensions);
    const valid = match && (match[1] || match[2]) && [match[1], match[2]].every((side) => !side || Number(side) % 4 === 0);
    if (!valid || !(VIDEO_RESIZE_MODES as readonly string[]).includes(mode)) throw new PathProblem(`Invalid size "${size.join('/')}".`);
  }
  const cut = operations.get('cut');
  if (cut && (cut.length !== 2 || !isTime(cut[0]!) || !(cut[1] === 'end' || isTime(cut[1]!)))) throw new PathProblem(`Invalid cut "${cut.join('/')}".`);
  const thumbs = one('thumbs') ?? '1';
  if (!/^\d+$/.test(thumbs) || Number(thumbs) < 1 || Number(thumbs) > 50) throw new PathProblem(`Invalid thumbs "${thumbs}": 1 to 50.`);
  return { format, quality, thumbs: Number(thumbs) };
}

/** `[[HH:]MM:]SS[.sss]`, as cut takes its start and length. */
function isTime(text: string): boolean {
  return /^(?:\d+:){0,2}\d+(?:\.\d+)?$/.test(text);
}
