import type { ZipEntry } from './zip-file.js';

/** `text` as XML character data (also safe inside a double-quoted attribute). */
export function xmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A ZIP member holding the XML document `root` (UTF-8, with its declaration). */
export function xmlPart(name: string, root: string): ZipEntry {
  return { name, bytes: Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${root}`, 'utf8') };
}
