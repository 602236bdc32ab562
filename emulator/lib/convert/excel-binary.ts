import { compoundFile } from './compound-file.js';
import type { Placeholder } from './placeholders.js';

/** BIFF8 record types ([MS-XLS] 2.3). */
const RECORD = { BOF: 0x0809, EOF: 0x000a, CODEPAGE: 0x0042, WINDOW1: 0x003d, FONT: 0x0031, XF: 0x00e0, STYLE: 0x0293, BOUNDSHEET: 0x0085, DIMENSIONS: 0x0200, LABEL: 0x0204 } as const;
const BOF_GLOBALS = 0x0005;
const BOF_WORKSHEET = 0x0010;
/** The style XFs (0 to 14) Excel expects before the first cell XF, which is 15. */
const STYLE_XFS = 15;
const UTF16 = 1200;

/**
 * An Excel 97-2003 workbook ([MS-XLS], BIFF8) of one sheet whose cell A1 says `text`, in a compound file's Workbook
 * stream: the globals (code page, window, one font, the default style and cell XFs, the sheet's BOUNDSHEET) and a
 * worksheet of one LABEL cell. No shared strings, formats or print settings (docs/emulator.md).
 */
export function xlsPlaceholder(text: string): Placeholder {
  const globals = (sheetOffset: number): Buffer =>
    Buffer.concat([
      record(RECORD.BOF, bof(BOF_GLOBALS)),
      record(RECORD.CODEPAGE, uint16(UTF16)),
      record(RECORD.WINDOW1, window1()),
      record(RECORD.FONT, font()),
      ...Array.from({ length: STYLE_XFS }, () => record(RECORD.XF, xf(true))),
      record(RECORD.XF, xf(false)),
      record(RECORD.STYLE, Buffer.from([0x00, 0x80, 0x00, 0xff])), // built-in style "Normal" on XF 0
      record(RECORD.BOUNDSHEET, boundSheet(sheetOffset, 'Sheet1')),
      record(RECORD.EOF, Buffer.alloc(0)),
    ]);
  const sheet = Buffer.concat([record(RECORD.BOF, bof(BOF_WORKSHEET)), record(RECORD.DIMENSIONS, dimensions()), record(RECORD.LABEL, label(text, STYLE_XFS)), record(RECORD.EOF, Buffer.alloc(0))]);
  // The BOUNDSHEET's offset is where the sheet's BOF starts: after the globals, whose length does not depend on it.
  const workbook = Buffer.concat([globals(globals(0).length), sheet]);
  return { bytes: compoundFile([{ name: 'Workbook', bytes: workbook }]), mimeType: 'application/vnd.ms-excel' };
}

function record(type: number, data: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt16LE(type, 0);
  head.writeUInt16LE(data.length, 2);
  return Buffer.concat([head, data]);
}

function bof(kind: number): Buffer {
  const data = Buffer.alloc(16);
  data.writeUInt16LE(0x0600, 0); // BIFF8
  data.writeUInt16LE(kind, 2);
  data.writeUInt16LE(0x0dbb, 4); // build
  data.writeUInt16LE(0x07cc, 6); // year
  data.writeUInt32LE(0x00000006, 12); // lowest BIFF version that reads it
  return data;
}

function window1(): Buffer {
  const data = Buffer.alloc(18);
  data.writeUInt16LE(0x3a5c, 4); // width
  data.writeUInt16LE(0x2328, 6); // height
  data.writeUInt16LE(0x0038, 8); // flags: horizontal and vertical scroll bars, sheet tabs
  data.writeUInt16LE(1, 14); // selected tabs
  data.writeUInt16LE(0x0258, 16); // tab bar ratio
  return data;
}

function font(): Buffer {
  const data = Buffer.alloc(14);
  data.writeUInt16LE(200, 0); // 10 points, in twips
  data.writeUInt16LE(0x7fff, 4); // automatic colour
  data.writeUInt16LE(400, 6); // normal weight
  return Buffer.concat([data, shortString('Arial')]);
}

/** A style XF (the default style) or a cell XF on style 0; font 0, format General, default colours. */
function xf(style: boolean): Buffer {
  const data = Buffer.alloc(20);
  data.writeUInt16LE(style ? 0xfff5 : 0x0001, 4); // locked; a style XF has no parent (0xFFF)
  data[6] = 0x20; // bottom-aligned
  data[9] = style ? 0x00 : 0xf8; // the attributes a cell XF sets itself
  data.writeUInt16LE(0x20c0, 18); // pattern colours: system foreground and background
  return data;
}

function boundSheet(offset: number, name: string): Buffer {
  const data = Buffer.alloc(6);
  data.writeUInt32LE(offset, 0); // visible worksheet: the 2 following bytes stay 0
  return Buffer.concat([data, shortString(name)]);
}

function dimensions(): Buffer {
  const data = Buffer.alloc(14);
  data.writeUInt32LE(1, 4); // rows 0 up to 1 (exclusive)
  data.writeUInt16LE(1, 10); // columns 0 up to 1 (exclusive)
  return data;
}

/** A LABEL cell at A1: read by every BIFF8 reader, though Excel itself writes LABELSST. */
function label(text: string, xfIndex: number): Buffer {
  const characters = Buffer.from(text.replace(/[^\x20-\x7e]/g, '?').slice(0, 255), 'latin1');
  const data = Buffer.alloc(9);
  data.writeUInt16LE(xfIndex, 4);
  data.writeUInt16LE(characters.length, 6);
  return Buffer.concat([data, characters]); // byte 8, fHighByte 0: one byte a character
}

function shortString(text: string): Buffer {
  return Buffer.concat([Buffer.from([text.length, 0]), Buffer.from(text, 'latin1')]);
}

function uint16(value: number): Buffer {
  const data = Buffer.alloc(2);
  data.writeUInt16LE(value);
  return data;
}
