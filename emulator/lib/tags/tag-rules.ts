/**
 * File tags as the real service keeps them (https://uploadcare.com/docs/file-tags/): lowercased, whitespace stripped,
 * empty ones dropped, duplicates dropped (the first wins, order kept); then at most 50 per file, each at most 100
 * characters of Latin letters, digits, `-`, `_` and `.`. Limits apply after normalization.
 */
export const TAG_LIMITS = { maxTags: 50, maxLength: 100 } as const;

const TAG_PATTERN = /^[a-z0-9._-]+$/;

/** The tags as stored: normalized, in first-seen order. */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const tag of tags) {
    const normalized = tag.replace(/\s+/g, '').toLowerCase();
    if (normalized !== '') seen.add(normalized);
  }
  return [...seen];
}

/**
 * Why a normalized tag list cannot be stored, or null when it can. "Too many tags" is the real service's wording (its
 * docs); the other two are the emulator's (the docs name the rule, not the message).
 */
export function tagProblem(tags: readonly string[]): string | null {
  if (tags.length > TAG_LIMITS.maxTags) return `Too many tags: ${tags.length} (max ${TAG_LIMITS.maxTags}).`;
  for (const tag of tags) {
    if (tag.length > TAG_LIMITS.maxLength) return `Tag is too long: ${tag.length} characters (max ${TAG_LIMITS.maxLength}).`;
    if (!TAG_PATTERN.test(tag)) return `Invalid tag \`${tag}\`: only Latin letters, digits, '-', '_' and '.' are allowed.`;
  }
  return null;
}
