import { InvalidParamError } from '../errors.js';
import { describeValue } from '../describe-value.js';

/**
 * Uploadcare's limits on file tags, applied after normalization (https://uploadcare.com/docs/file-tags/): at most 50
 * per file, each 1 to 100 characters of Latin letters, digits, `-`, `_` and `.`.
 */
export const TAG_LIMITS = Object.freeze({ maxTags: 50, maxLength: 100 });

const TAG = /^[a-z0-9._-]+$/;

/**
 * Tags as Uploadcare stores them: lowercased, whitespace removed, empty ones dropped, duplicates dropped (the first
 * wins, order kept). `['Summer', ' cat ', 'CAT', '']` is `['summer', 'cat']`.
 */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const tag of tags) {
    const normalized = tag.replace(/\s+/g, '').toLowerCase();
    if (normalized !== '') seen.add(normalized);
  }
  return [...seen];
}

/**
 * Checks tags before any request, as Uploadcare would after normalizing them; returns them as given (the service
 * normalizes). `what` names the list in the error (`tags`, `add`).
 * @throws InvalidParamError for anything but an array of strings, a tag Uploadcare refuses, or more than 50 tags.
 */
export function checkTags(tags: readonly string[], what = 'tags'): readonly string[] {
  if (!Array.isArray(tags) || tags.some((tag) => typeof tag !== 'string')) {
    throw new InvalidParamError(`${what} must be an array of strings, not ${describeValue(tags)}`);
  }
  const normalized = normalizeTags(tags);
  if (normalized.length > TAG_LIMITS.maxTags) throw new InvalidParamError(`Too many ${what}: ${normalized.length} (at most ${TAG_LIMITS.maxTags})`);
  for (const tag of normalized) {
    if (tag.length > TAG_LIMITS.maxLength || !TAG.test(tag)) {
      throw new InvalidParamError(`Invalid tag ${describeValue(tag)}: 1-${TAG_LIMITS.maxLength} characters of A-Z a-z 0-9 - _ .`);
    }
  }
  return tags;
}
