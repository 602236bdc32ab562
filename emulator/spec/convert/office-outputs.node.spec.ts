import { conversionJobPoller, ConversionStatus, ConversionType, fileInfo } from '@uploadcare/rest-client';
import sharp from 'sharp';
import { addFile } from '../rest/support/fixtures.js';
import { useEmulatorForOfficialClients } from '../rest/support/official-settings.js';
import { postForm, PUBLIC_KEY } from '../upload/upload-api-helpers.js';
import { cdnBytes } from './support/cdn-output.js';
import { compoundEntries } from './support/compound-file-reader.js';
import { fileType, unzipTest, zipParts } from './support/output-readers.js';

const PACKAGE = 'http://schemas.openxmlformats.org/package/2006';
const WORD = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const SHEET = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const OFFICE = 'urn:oasis:names:tc:opendocument:xmlns:office:1.0';
const MANIFEST = 'urn:oasis:names:tc:opendocument:xmlns:manifest:1.0';

/** The members every Office Open XML package starts with, and an OpenDocument's three. */
const PACKAGE_PARTS = [
  ['[Content_Types].xml', `${PACKAGE}/content-types`, 'Types'],
  ['_rels/.rels', `${PACKAGE}/relationships`, 'Relationships'],
] as const;
const OPEN_DOCUMENT_PARTS = [
  ['mimetype', null, null],
  ['META-INF/manifest.xml', MANIFEST, 'manifest'],
  ['content.xml', OFFICE, 'document-content'],
] as const;

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** The BIFF records of a Workbook stream up to its last EOF, with their offsets; zero padding after it is skipped. */
function biffRecords(stream: Buffer): { offset: number; type: number; data: Buffer }[] {
  const records: { offset: number; type: number; data: Buffer }[] = [];
  for (let offset = 0; offset + 4 <= stream.length; ) {
    const type = stream.readUInt16LE(offset);
    const length = stream.readUInt16LE(offset + 2);
    if (type === 0) break;
    records.push({ offset, type, data: stream.subarray(offset + 4, offset + 4 + length) });
    offset += 4 + length;
  }
  return records;
}

/**
 * What each ZIP-based target must hold: the Content-Type, what file(1) recognises it as, and every member in order
 * with its XML root element.
 */
const ZIP_TARGETS = [
  {
    format: 'docx',
    magic: 'Microsoft Word 2007+',
    source: 'report.txt',
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    parts: [
      ...PACKAGE_PARTS,
      ['word/document.xml', WORD, 'document'],
    ],
  },
  {
    format: 'xlsx',
    magic: 'Microsoft Excel 2007+',
    source: 'report.csv',
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    parts: [
      ...PACKAGE_PARTS,
      ['xl/workbook.xml', SHEET, 'workbook'],
      ['xl/_rels/workbook.xml.rels', `${PACKAGE}/relationships`, 'Relationships'],
      ['xl/worksheets/sheet1.xml', SHEET, 'worksheet'],
    ],
  },
  {
    format: 'odt',
    magic: 'OpenDocument Text',
    source: 'report.txt',
    type: 'application/vnd.oasis.opendocument.text',
    parts: OPEN_DOCUMENT_PARTS,
  },
  {
    format: 'ods',
    magic: 'OpenDocument Spreadsheet',
    source: 'report.csv',
    type: 'application/vnd.oasis.opendocument.spreadsheet',
    parts: OPEN_DOCUMENT_PARTS,
  },
] as const;

/** Document conversions to office formats and enhanced.jpg, driven by the official REST client's conversionJobPoller. */
describe('emulator document outputs: office formats and enhanced.jpg', () => {
  const env = useEmulatorForOfficialClients();

  async function converted(path: string): Promise<{ uuid: string; bytes: Uint8Array; type: string | null }> {
    const [job] = await conversionJobPoller({ type: ConversionType.DOCUMENT, paths: [path], store: true }, env.settings);
    const done = await job!;
    expect([done.status, done.error]).toEqual([ConversionStatus.FINISHED, null]);
    return { uuid: done.result!.uuid, ...(await cdnBytes(env.emulator.url, done.result!.uuid)) };
  }

  for (const target of ZIP_TARGETS) {
    it(`writes ${target.format}: a valid ZIP of the parts the format needs, each well-formed XML, served as ${target.type}`, async () => {
      const source = await addFile(env.emulator, { filename: target.source });
      const output = await converted(`${source.uuid}/document/-/format/${target.format}/`);
      expect(output.type).toBe(target.type);
      expect(unzipTest(output.bytes)).toContain('No errors detected');
      expect(fileType(output.bytes)).toBe(target.magic);
      const parts = zipParts(output.bytes);
      expect(parts.map((part) => [part.name, part.root?.namespace ?? null, part.root?.name ?? null])).toEqual(target.parts.map((part) => [...part]));
      expect(parts.every((part) => part.method === 0)).toBeTrue();
      expect(parts.map((part) => part.text).join('\n')).toContain(`Placeholder for ${target.source}, written by the Uploadcare emulator`);
      const info = await fileInfo({ uuid: output.uuid }, env.settings);
      expect([info.originalFilename, info.mimeType]).toEqual([`report.${target.format}`, target.type]);
    });
  }

  it('starts an OpenDocument with its mimetype member, stored and without extra field, as ODF requires', async () => {
    const source = await addFile(env.emulator, { filename: 'notes.txt' });
    const output = await converted(`${source.uuid}/document/-/format/odt/`);
    // ODF 1.2 part 3, 3.3: the bytes at offset 30 spell the media type, the signature file(1) reads.
    expect(Buffer.from(output.bytes.subarray(30, 38 + 39)).toString('latin1')).toBe('mimetypeapplication/vnd.oasis.opendocument.text');
    const [first] = zipParts(output.bytes);
    expect(first).toEqual(jasmine.objectContaining({ name: 'mimetype', method: 0, extraLength: 0, text: 'application/vnd.oasis.opendocument.text' }));
  });

  it('escapes the placeholder text in XML: a source name with markup still gives well-formed parts', async () => {
    const source = await addFile(env.emulator, { filename: 'a<b>&"c".txt' });
    const output = await converted(`${source.uuid}/document/-/format/docx/`);
    const document = zipParts(output.bytes).find((part) => part.name === 'word/document.xml');
    expect(document?.root?.name).toBe('document');
    expect(document?.text).toContain('a&lt;b&gt;&amp;&quot;c&quot;.txt');
  });

  it('writes doc: a compound file file(1) knows as Word, its WordDocument stream a Word 97 FIB and the text', async () => {
    const source = await addFile(env.emulator, { filename: 'report.txt' });
    const output = await converted(`${source.uuid}/document/-/format/doc/`);
    expect(output.type).toBe('application/msword');
    expect([...output.bytes.subarray(0, 8)]).toEqual(OLE_SIGNATURE);
    expect(fileType(output.bytes)).toMatch(/^(CDFV2 Microsoft Word|Composite Document File V2 Document)/);
    const entries = compoundEntries(output.bytes);
    expect(entries.map((entry) => [entry.name, entry.type])).toEqual([['Root Entry', 5], ['WordDocument', 2], ['1Table', 2]]);
    const document = Buffer.from(entries[1]!.bytes);
    expect([document.readUInt16LE(0), document.readUInt16LE(2)]).toEqual([0xa5ec, 0x00c1]); // wIdent, nFib of Word 97
    expect(document.toString('latin1')).toContain('Placeholder for report.txt, written by the Uploadcare emulator');
    expect((await fileInfo({ uuid: output.uuid }, env.settings)).originalFilename).toBe('report.doc');
  });

  it('writes xls: a compound file file(1) knows as Excel, its Workbook stream BIFF8 records from BOF to EOF', async () => {
    const source = await addFile(env.emulator, { filename: 'report.csv' });
    const output = await converted(`${source.uuid}/document/-/format/xls/`);
    expect(output.type).toBe('application/vnd.ms-excel');
    expect([...output.bytes.subarray(0, 8)]).toEqual(OLE_SIGNATURE);
    expect(fileType(output.bytes)).toMatch(/^(CDFV2 Microsoft Excel|Composite Document File V2 Document)/);
    const entries = compoundEntries(output.bytes);
    expect(entries.map((entry) => [entry.name, entry.type])).toEqual([['Root Entry', 5], ['Workbook', 2]]);
    const records = biffRecords(Buffer.from(entries[1]!.bytes));
    expect(records.filter((entry) => entry.type === 0x0809).map((entry) => entry.data.readUInt16LE(2))).toEqual([0x0005, 0x0010]); // globals, worksheet
    const sheet = records.find((entry) => entry.type === 0x0085)!;
    const sheetStart = records.find((entry) => entry.offset === sheet.data.readUInt32LE(0));
    expect([sheetStart?.type, sheetStart?.data.readUInt16LE(2)]).toEqual([0x0809, 0x0010]); // BOUNDSHEET points at the worksheet's BOF
    const label = records.find((entry) => entry.type === 0x0204)!;
    expect(label.data.subarray(9).toString('latin1')).toContain('Placeholder for report.csv, written by the Uploadcare emulator');
  });

  it('really renders an image to enhanced.jpg (sharp), named .jpg', async () => {
    const png = await sharp({ create: { width: 3, height: 2, channels: 4, background: '#00ff00' } }).png().toBuffer();
    const uploaded = await postForm('/base/?jsonerrors=1', { UPLOADCARE_PUB_KEY: PUBLIC_KEY, file: { bytes: new Uint8Array(png), filename: 'shot.png', type: 'image/png' } }, env.emulator.url);
    const output = await converted(`${uploaded.json['file'] as string}/document/-/format/enhanced.jpg/`);
    expect(output.type).toBe('image/jpeg');
    expect(await sharp(output.bytes).metadata()).toEqual(jasmine.objectContaining({ format: 'jpeg', width: 3, height: 2 }));
    expect((await fileInfo({ uuid: output.uuid }, env.settings)).originalFilename).toBe('shot.jpg');
  });

  it('writes enhanced.jpg of a document as the placeholder JPEG', async () => {
    const pdf = await addFile(env.emulator, { filename: 'slides.pdf', mimeType: 'application/pdf' });
    const output = await converted(`${pdf.uuid}/document/-/format/enhanced.jpg/`);
    expect(output.type).toBe('image/jpeg');
    expect(await sharp(output.bytes).metadata()).toEqual(jasmine.objectContaining({ format: 'jpeg', width: 1, height: 1 }));
  });
});
