import { extname } from 'node:path';
import { type Effects, effectsText } from '../../resources/effects.js';
import { UsageError } from '../args/usage-error.js';
import { safeJoin, unsafeSegmentReason, type SafePath } from './safe-path.js';

/** What a pattern can name. */
export interface PatternValues {
  readonly uuid: string;
  /** The original filename from the server; may be hostile. */
  readonly filename: string;
  /** CDN effects, e.g. `resize/200x/-/flip/` or an `ImageTransformation`; empty for none. */
  readonly effects: Effects;
}

/** Placeholders of a sync pattern. */
export const PLACEHOLDERS = ['${uuid}', '${filename}', '${effects}', '${ext}'] as const;

/** The file name used when the pattern names only a directory. */
export const DEFAULT_FILE_PATTERN = '${uuid}${ext}';
/** The same, when `--effects` is given: two renditions of one file do not collide. */
export const DEFAULT_EFFECTS_FILE_PATTERN = '${uuid}_${effects}${ext}';

/** A parsed sync pattern: a fixed directory, and a template for the path below it. */
export interface SyncPattern {
  /** The directory every file lands in (the pattern's text before its first placeholder, up to a separator). */
  readonly root: string;
  /** The rest, with placeholders, segments separated by `/`. */
  readonly template: string;
  /** Used instead of {@link template} for a file without effects (the default names of `--effects` runs). */
  readonly templateWithoutEffects?: string;
}

/**
 * Parses a sync pattern such as `photos/${uuid}/${filename}`. A pattern without placeholders is a directory and gets
 * the default file name. Unknown placeholders are a {@link UsageError}.
 */
export function parsePattern(text: string, withEffects = false): SyncPattern {
  const normalized = text.replace(/\\/g, '/');
  for (const match of normalized.matchAll(/\$\{[^}]*\}?/g)) {
    if (!(PLACEHOLDERS as readonly string[]).includes(match[0])) {
      throw new UsageError(`unknown placeholder ${match[0]} in pattern; use ${PLACEHOLDERS.join(' ')}`, 'sync');
    }
  }
  const first = normalized.indexOf('${');
  if (first === -1) {
    const root = normalized.replace(/\/+$/, '') || (normalized.startsWith('/') ? '/' : '.');
    return withEffects
      ? { root, template: DEFAULT_EFFECTS_FILE_PATTERN, templateWithoutEffects: DEFAULT_FILE_PATTERN }
      : { root, template: DEFAULT_FILE_PATTERN };
  }
  const cut = normalized.lastIndexOf('/', first);
  const root = cut === -1 ? '.' : normalized.slice(0, cut) || '/';
  return { root, template: normalized.slice(cut + 1) };
}

/** `resize/200x/-/flip/` (or the same transformation) → `resize_200x_flip`: effects as a file-name part. */
export function effectsAsName(effects: Effects): string {
  return effectsText(effects)
    .replace(/\/-\//g, '_')
    .replace(/[/\\]/g, '_')
    .replace(/^_+|_+$/g, '');
}

/**
 * Expands a pattern for one file, refusing any result that is not a plain path inside the pattern's root: a
 * filename with separators, `..`, NUL or other control characters, a reserved device name or an empty name makes the
 * file unsafe (see {@link safeJoin}), never a path elsewhere.
 */
export function expandPattern(pattern: SyncPattern, values: PatternValues): SafePath {
  const template = effectsText(values.effects) === '' && pattern.templateWithoutEffects ? pattern.templateWithoutEffects : pattern.template;
  const usesName = template.includes('${filename}') || template.includes('${ext}');
  if (usesName) {
    const reason = unsafeSegmentReason(values.filename);
    if (reason) return { ok: false, reason: `filename refused: ${reason}` };
  }
  const replacements: Record<string, string> = {
    '${uuid}': values.uuid,
    '${filename}': values.filename,
    '${effects}': effectsAsName(values.effects),
    '${ext}': usesName ? extname(values.filename) : '',
  };
  const relativePath = template.replace(/\$\{(uuid|filename|effects|ext)\}/g, (token) => replacements[token] ?? '');
  return safeJoin(pattern.root, relativePath);
}
