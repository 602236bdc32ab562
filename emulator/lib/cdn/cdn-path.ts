/** What a CDN path addresses: a file, or the i-th file of a group, with the effects and filename it carries. */
export type CdnTarget =
  | { readonly kind: 'file'; readonly uuid: string; readonly effects: string; readonly filename: string | null }
  | { readonly kind: 'group-file'; readonly groupId: string; readonly index: number; readonly effects: string; readonly filename: string | null };

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const FILE_ID = new RegExp(`^${UUID}$`, 'i');
const GROUP_ID = new RegExp(`^${UUID}~\\d+$`, 'i');

/**
 * Parses the part of a CDN path after its first segment (`id`): `[nth/<i>/][-/<op>/<args>/...][filename]`.
 * Effects always end with `/`; a last segment without a trailing slash is the filename.
 * Returns null for a path the CDN does not serve.
 */
export function parseCdnPath(id: string, rest: string): CdnTarget | null {
  const segments = rest.split('/');
  const filename = segments.pop() || null;
  if (GROUP_ID.test(id)) {
    if (segments[0] !== 'nth' || !/^\d+$/.test(segments[1] ?? '')) return null;
    const effects = parseEffects(segments.slice(2));
    if (effects === null) return null;
    return { kind: 'group-file', groupId: id.toLowerCase(), index: Number(segments[1]), effects, filename };
  }
  if (!FILE_ID.test(id)) return null;
  const effects = parseEffects(segments);
  if (effects === null) return null;
  return { kind: 'file', uuid: id.toLowerCase(), effects, filename };
}

/** `['-', 'resize', '200x', '-', 'flip']` gives `resize/200x/-/flip/`; anything not a chain of `-/op/...` gives null. */
function parseEffects(segments: readonly string[]): string | null {
  if (segments.length === 0) return '';
  if (segments[0] !== '-') return null;
  for (let i = 0; i < segments.length; i++) {
    if (segments[i] === '') return null;
    if (segments[i] === '-' && (i + 1 >= segments.length || segments[i + 1] === '-')) return null;
  }
  return `${segments.slice(1).join('/')}/`;
}
