/**
 * Reads one section of an INI file, as Python's configparser writes them: `key = value` or `key: value` lines,
 * `#` and `;` comments, section names case-sensitive, keys case-insensitive. Later keys win.
 */
export function readIniSection(text: string, section: string): Map<string, string> {
  const values = new Map<string, string>();
  let current: string | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header) {
      current = (header[1] as string).trim();
      continue;
    }
    if (current !== section) continue;
    const separator = line.search(/[=:]/);
    if (separator <= 0) continue;
    values.set(line.slice(0, separator).trim().toLowerCase(), line.slice(separator + 1).trim());
  }
  return values;
}
