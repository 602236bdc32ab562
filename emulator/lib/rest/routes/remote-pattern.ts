import type { FileRecord } from '../../state/records.js';
import { badRequest } from '../params.js';

/**
 * Expands a `remote_copy` `pattern` into an object path:
 * `${default}` = `${uuid}/${auto_filename}`, `${auto_filename}` = `${filename}${effects}${ext}`.
 */
export function remoteObjectPath(pattern: string, file: FileRecord, effects: string): string {
  if (/[\\\0\n\r]/.test(pattern) || pattern.trim() === '') {
    throw badRequest('Invalid pattern provided: Invalid character in a pattern.');
  }
  const dot = file.filename.lastIndexOf('.');
  const variables: Record<string, string> = {
    uuid: file.uuid,
    filename: dot > 0 ? file.filename.slice(0, dot) : file.filename,
    ext: dot > 0 ? file.filename.slice(dot) : '',
    effects: effects ? `_-_${effects.replace(/\//g, '_')}` : '',
  };
  variables['auto_filename'] = `${variables['filename']}${variables['effects']}${variables['ext']}`;
  variables['default'] = `${file.uuid}/${variables['auto_filename']}`;
  return pattern.replace(/\$\{([^}]*)\}|\$/g, (token, name: string | undefined) => {
    const value = name === undefined ? undefined : variables[name];
    if (value === undefined) throw badRequest(`Invalid pattern provided: \`${pattern}\``);
    return value;
  });
}
