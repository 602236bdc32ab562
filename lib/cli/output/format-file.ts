import type { FileInfo } from '../../resources/file-info.js';
import type { GroupInfo } from '../../resources/group-info.js';
import { escapeControls } from './control-characters.js';
import { formatBytes, formatDatetime } from './format.js';

/** One line per file for lists: UUID, size, upload date, stored or not, name. */
export function fileLine(info: FileInfo): string {
  const state = info.datetime_removed ? 'removed' : info.datetime_stored ? 'stored' : 'temporary';
  return [info.uuid, formatBytes(info.size).padStart(10), formatDatetime(info.datetime_uploaded), state.padEnd(9), escapeControls(info.original_filename)].join('  ');
}

/** A file's info as aligned `name: value` lines. */
export function fileDetails(info: FileInfo, cdnUrl: string): string {
  const rows: [string, string][] = [
    ['uuid', info.uuid],
    ['filename', info.original_filename],
    ['size', `${formatBytes(info.size)} (${info.size} bytes)`],
    ['mime type', info.mime_type],
    ['image', info.is_image ? 'yes' : 'no'],
    ['ready', info.is_ready ? 'yes' : 'no'],
    ['uploaded', formatDatetime(info.datetime_uploaded)],
    ['stored', info.datetime_stored ? formatDatetime(info.datetime_stored) : 'no'],
    ['removed', info.datetime_removed ? formatDatetime(info.datetime_removed) : 'no'],
    ['cdn url', cdnUrl],
  ];
  if (info.tags?.length) rows.push(['tags', info.tags.join(' ')]);
  for (const [key, value] of Object.entries(info.metadata ?? {})) rows.push([`metadata ${key}`, value]);
  return alignRows(rows);
}

/** One line per group for lists: id, file count, creation date, CDN URL. */
export function groupLine(info: Pick<GroupInfo, 'id' | 'files_count' | 'cdn_url'> & { readonly datetime_created: string | null }): string {
  return [info.id, `${info.files_count} files`.padStart(9), info.datetime_created ? formatDatetime(info.datetime_created) : '-', info.cdn_url].join('  ');
}

/**
 * Aligned `name: value` lines. Names and values are single values (a server's file name, a metadata key): their
 * control characters are escaped here, line feeds included, so that none forges a line of its own.
 */
export function alignRows(rows: readonly (readonly [string, string])[]): string {
  const cells = rows.map(([key, value]) => [escapeControls(`${key}:`), escapeControls(value)] as const);
  const width = Math.max(...cells.map(([key]) => key.length)) + 2;
  return cells.map(([key, value]) => `${key.padEnd(width)}${value}`).join('\n');
}
