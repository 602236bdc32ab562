import type { Placeholder } from './placeholders.js';
import { xmlPart, xmlText } from './xml-part.js';
import { zipFile, type ZipEntry } from './zip-file.js';

/**
 * Minimal Office Open XML packages (ECMA-376 part 2, Open Packaging Conventions): the content types, the package
 * relationship to the main part, and the main part holding `text`; no styles, settings or document properties, which
 * the format makes optional.
 */
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE_DOCUMENT = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';
const WORKSHEET = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';

/** A one-paragraph Word document saying `text`. */
export function docxPlaceholder(text: string): Placeholder {
  const document = `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${xmlText(text)}</w:t></w:r></w:p></w:body></w:document>`;
  return {
    bytes: zipFile([
      contentTypes({ '/word/document.xml': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml' }),
      relationships('_rels/.rels', OFFICE_DOCUMENT, 'word/document.xml'),
      xmlPart('word/document.xml', document),
    ]),
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  };
}

/** A workbook of one sheet whose cell A1 says `text` (an inline string: no shared strings part needed). */
export function xlsxPlaceholder(text: string): Placeholder {
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const workbook = `<workbook xmlns="${main}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`;
  const sheet = `<worksheet xmlns="${main}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${xmlText(text)}</t></is></c></row></sheetData></worksheet>`;
  return {
    bytes: zipFile([
      contentTypes({
        '/xl/workbook.xml': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
        '/xl/worksheets/sheet1.xml': 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
      }),
      relationships('_rels/.rels', OFFICE_DOCUMENT, 'xl/workbook.xml'),
      xmlPart('xl/workbook.xml', workbook),
      relationships('xl/_rels/workbook.xml.rels', WORKSHEET, 'worksheets/sheet1.xml'),
      xmlPart('xl/worksheets/sheet1.xml', sheet),
    ]),
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  };
}

function contentTypes(overrides: Readonly<Record<string, string>>): ZipEntry {
  const parts = Object.entries(overrides).map(([name, type]) => `<Override PartName="${name}" ContentType="${type}"/>`).join('');
  return xmlPart(
    '[Content_Types].xml',
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${parts}</Types>`,
  );
}

/** A relationships part with the one relationship `rId1` of `type` to `target`. */
function relationships(name: string, type: string, target: string): ZipEntry {
  return xmlPart(name, `<Relationships xmlns="${RELATIONSHIPS}"><Relationship Id="rId1" Type="${type}" Target="${target}"/></Relationships>`);
}
