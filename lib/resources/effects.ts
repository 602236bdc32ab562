import { InvalidParamError } from '../errors.js';
import { describeValue } from '../describe-value.js';
import type { ImageTransformation } from '../cdn/transformations/image-transformation.js';

/** CDN effects: a string (`resize/2x2/-/flip/`, `-/` prefix optional) or an {@link ImageTransformation}. */
export type Effects = string | ImageTransformation;

// One path segment of an effect: nothing that would end or escape the URL path (control characters checked apart).
const SEGMENT = /^[^\s/?#\\"<>]+$/;

function isSegment(segment: string): boolean {
  if (!SEGMENT.test(segment)) return false;
  for (let i = 0; i < segment.length; i++) {
    const code = segment.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return false;
  }
  return true;
}

/**
 * Checks CDN effects (`resize/2x2/-/effect/flip/`, or a transformation) and returns them in canonical form: no leading
 * `-/` or `/`, one trailing `/`, operations separated by `/-/`. The empty string means no effects.
 * @throws InvalidParamError when the string is not a sequence of operations that fits in a CDN URL path.
 */
export function normalizeEffects(effects: Effects): string {
  let body = effectsText(effects);
  if (body.startsWith('/')) body = body.slice(1);
  if (body.startsWith('-/')) body = body.slice(2);
  if (body.endsWith('/')) body = body.slice(0, -1);
  if (body === '') return '';
  const segments = body.split('/');
  const valid = segments.every(
    (segment, i) =>
      isSegment(segment) && !(segment === '-' && (i === 0 || i === segments.length - 1 || segments[i - 1] === '-')),
  );
  if (!valid) throw new InvalidParamError(`Invalid effects: ${describeValue(effects)}`);
  return `${body}/`;
}

/**
 * The text of effects. A transformation is known by its `effects` string, without importing its class: an app that
 * builds no transformation does not bundle the builder.
 */
export function effectsText(effects: Effects): string {
  if (typeof effects === 'string') return effects;
  const text: unknown = typeof effects === 'object' && effects !== null ? (effects as { effects?: unknown }).effects : undefined;
  if (typeof text !== 'string') throw new InvalidParamError(`effects must be a string or an ImageTransformation, not ${describeValue(effects)}`);
  return text;
}

/** `base` followed by `more` as the seed composes them: `'resize/3x3/' + 'flip/'` is `'resize/3x3/-/flip/'`. */
export function appendEffects(base: Effects, more: Effects): string {
  const head = normalizeEffects(base);
  const tail = normalizeEffects(more);
  if (!head) return tail;
  if (!tail) return head;
  return `${head}-/${tail}`;
}
