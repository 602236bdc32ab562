import { pngFile } from './png-file.js';

/**
 * Valid minimal files of the formats conversions produce. They are PLACEHOLDERS (docs/emulator.md): the right kind of
 * file, readable by a parser of its format, never a rendering or transcode of the source.
 */
export interface Placeholder {
  readonly bytes: Uint8Array;
  readonly mimeType: string;
}

/** A one-page PDF whose page says `text` (xref offsets computed, so readers accept it without repair). */
export function pdfPlaceholder(text: string): Placeholder {
  const safe = text.replace(/[\\()]/g, '\\$&').replace(/[^\x20-\x7e]/g, '?');
  const stream = `BT /F1 12 Tf 72 720 Td (${safe}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return { bytes: Buffer.from(body, 'latin1'), mimeType: 'application/pdf' };
}

export function textPlaceholder(text: string): Placeholder {
  return { bytes: Buffer.from(`${text}\n`), mimeType: 'text/plain' };
}

export function rtfPlaceholder(text: string): Placeholder {
  return { bytes: Buffer.from(`{\\rtf1\\ansi ${text.replace(/[\\{}]/g, '\\$&')}\\par}\n`), mimeType: 'application/rtf' };
}

/** A 1x1 grey PNG. */
export function pngPlaceholder(): Placeholder {
  return { bytes: pngFile(1, 1, 0, Uint8Array.from([0, 128])), mimeType: 'image/png' };
}

/**
 * A 1x1 grey baseline JPEG: one quantization table, one-symbol Huffman tables (DC category 0, AC end of block, both
 * the code `0`), and a scan of those two codes.
 */
export function jpegPlaceholder(): Placeholder {
  const segment = (marker: number, data: number[]): number[] => [0xff, marker, (data.length + 2) >> 8, (data.length + 2) & 0xff, ...data];
  const bytes = [
    0xff, 0xd8,
    ...segment(0xdb, [0x00, ...new Array<number>(64).fill(1)]),
    ...segment(0xc0, [8, 0, 1, 0, 1, 1, 1, 0x11, 0]),
    ...segment(0xc4, [0x00, 1, ...new Array<number>(15).fill(0), 0x00]),
    ...segment(0xc4, [0x10, 1, ...new Array<number>(15).fill(0), 0x00]),
    ...segment(0xda, [1, 1, 0x00, 0, 63, 0]),
    0x3f,
    0xff, 0xd9,
  ];
  return { bytes: Uint8Array.from(bytes), mimeType: 'image/jpeg' };
}

/** An MP4 (ISO BMFF) container with its `ftyp` brand and an empty `mdat`: no tracks. */
export function mp4Placeholder(): Placeholder {
  const box = (type: string, data: Buffer): Buffer => {
    const size = Buffer.alloc(4);
    size.writeUInt32BE(8 + data.length);
    return Buffer.concat([size, Buffer.from(type, 'latin1'), data]);
  };
  const ftyp = box('ftyp', Buffer.concat([Buffer.from('isom', 'latin1'), Buffer.from([0, 0, 2, 0]), Buffer.from('isomiso2mp41', 'latin1')]));
  return { bytes: Buffer.concat([ftyp, box('mdat', Buffer.alloc(0))]), mimeType: 'video/mp4' };
}

/** A WebM (Matroska) file: the EBML header with DocType `webm`, then an empty Segment. */
export function webmPlaceholder(): Placeholder {
  const element = (id: number[], data: number[]): number[] => [...id, 0x80 | data.length, ...data];
  const text = (value: string): number[] => [...Buffer.from(value, 'latin1')];
  const header = [
    ...element([0x42, 0x86], [1]), // EBMLVersion
    ...element([0x42, 0xf7], [1]), // EBMLReadVersion
    ...element([0x42, 0xf2], [4]), // EBMLMaxIDLength
    ...element([0x42, 0xf3], [8]), // EBMLMaxSizeLength
    ...element([0x42, 0x82], text('webm')), // DocType
    ...element([0x42, 0x87], [2]), // DocTypeVersion
    ...element([0x42, 0x85], [2]), // DocTypeReadVersion
  ];
  return { bytes: Uint8Array.from([...element([0x1a, 0x45, 0xdf, 0xa3], header), 0x18, 0x53, 0x80, 0x67, 0x80]), mimeType: 'video/webm' };
}

/** An Ogg stream of one page (beginning and end of stream) carrying an empty packet; the page CRC is Ogg's. */
export function oggPlaceholder(): Placeholder {
  const page = Buffer.from([
    ...Buffer.from('OggS', 'latin1'), 0, 0x06, // version, header type: first and last page
    0, 0, 0, 0, 0, 0, 0, 0, // granule position
    1, 0, 0, 0, // serial number
    0, 0, 0, 0, // page sequence
    0, 0, 0, 0, // CRC, filled below
    1, 0, // one segment, of 0 bytes
  ]);
  page.writeUInt32LE(oggCrc(page), 22);
  return { bytes: page, mimeType: 'video/ogg' };
}

function oggCrc(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte << 24;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x80000000 ? (crc << 1) ^ 0x04c11db7 : crc << 1;
  }
  return crc >>> 0;
}
