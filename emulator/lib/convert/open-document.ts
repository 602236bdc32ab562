import type { Placeholder } from './placeholders.js';
import { xmlPart, xmlText } from './xml-part.js';
import { zipFile } from './zip-file.js';

/**
 * Minimal OpenDocument packages (OASIS ODF 1.2 part 3): the `mimetype` member first and stored (the format's
 * signature), the manifest, and `content.xml` holding `text`; styles, meta and settings are optional.
 */
const OFFICE = 'urn:oasis:names:tc:opendocument:xmlns:office:1.0';
const TEXT = 'urn:oasis:names:tc:opendocument:xmlns:text:1.0';
const TABLE = 'urn:oasis:names:tc:opendocument:xmlns:table:1.0';

/** A text document of one paragraph saying `text`. */
export function odtPlaceholder(text: string): Placeholder {
  return openDocument('application/vnd.oasis.opendocument.text', `<office:text><text:p>${xmlText(text)}</text:p></office:text>`);
}

/** A spreadsheet of one table whose first cell says `text`. */
export function odsPlaceholder(text: string): Placeholder {
  const cell = `<table:table-cell office:value-type="string"><text:p>${xmlText(text)}</text:p></table:table-cell>`;
  return openDocument('application/vnd.oasis.opendocument.spreadsheet', `<office:spreadsheet><table:table table:name="Sheet1"><table:table-row>${cell}</table:table-row></table:table></office:spreadsheet>`);
}

function openDocument(mimeType: string, body: string): Placeholder {
  const manifestNamespace = 'urn:oasis:names:tc:opendocument:xmlns:manifest:1.0';
  const manifest = `<manifest:manifest xmlns:manifest="${manifestNamespace}" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="${mimeType}"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`;
  const content = `<office:document-content xmlns:office="${OFFICE}" xmlns:text="${TEXT}" xmlns:table="${TABLE}" office:version="1.2"><office:body>${body}</office:body></office:document-content>`;
  return {
    bytes: zipFile([{ name: 'mimetype', bytes: Buffer.from(mimeType, 'ascii') }, xmlPart('META-INF/manifest.xml', manifest), xmlPart('content.xml', content)]),
    mimeType,
  };
}
