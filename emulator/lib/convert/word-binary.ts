import { compoundFile } from './compound-file.js';
import type { Placeholder } from './placeholders.js';

/** Where the text starts in the WordDocument stream: after the FIB (900 bytes here), on a sector boundary. */
const TEXT_OFFSET = 1024;
/** The FIB of Word 97 ([MS-DOC] 2.5.1): nFib 0x00C1 and its 93 FibRgFcLcb97 pairs. */
const N_FIB = 0x00c1;
const FC_LCB_PAIRS = 93;
const FC_STSHF_PAIR = 1;
const FC_CLX_PAIR = 33;
/** The fewest styles a stylesheet has ([MS-DOC] 2.9.271 Stshif.cstd), here all empty. */
const STYLES = 15;
/** fWhichTblStm (the table stream is `1Table`) and fExtChar, which [MS-DOC] says MUST be set. */
const FIB_FLAGS = (1 << 9) | (1 << 12);
/** In a Pcd's fc: the piece is 8-bit text (one byte a character) at fc / 2. */
const COMPRESSED = 0x40000000;

/**
 * A Word 97-2003 binary document ([MS-DOC]) of one paragraph saying `text` in ASCII: the compound file's WordDocument
 * stream holds a FIB and the text; the 1Table stream the piece table (Clx) that locates it and a stylesheet of empty
 * styles. No font table, DOP or character/paragraph formatting tables, which [MS-DOC] requires: text extractors
 * (catdoc, antiword) read it, Microsoft Word may refuse it (docs/emulator.md).
 */
export function docPlaceholder(text: string): Placeholder {
  const characters = Buffer.from(`${text.replace(/[^\x20-\x7e]/g, '?')}\r`, 'latin1');
  const clx = pieceTable(characters.length);
  const styles = stylesheet();
  const document = Buffer.alloc(TEXT_OFFSET + characters.length);
  const tables = { clx: { fc: 0, lcb: clx.length }, stylesheet: { fc: clx.length, lcb: styles.length } };
  fib(characters.length, document.length, tables).copy(document, 0);
  characters.copy(document, TEXT_OFFSET);
  return { bytes: compoundFile([{ name: 'WordDocument', bytes: document }, { name: '1Table', bytes: Buffer.concat([clx, styles]) }]), mimeType: 'application/msword' };
}

/** Where a structure lies in the table stream: its offset (fc) and length (lcb). */
interface TableSpan {
  readonly fc: number;
  readonly lcb: number;
}

function fib(textLength: number, streamLength: number, tables: { readonly clx: TableSpan; readonly stylesheet: TableSpan }): Buffer {
  const fcLcbStart = 154;
  const bytes = Buffer.alloc(fcLcbStart + FC_LCB_PAIRS * 8 + 2);
  // FibBase
  bytes.writeUInt16LE(0xa5ec, 0); // wIdent
  bytes.writeUInt16LE(N_FIB, 2);
  bytes.writeUInt16LE(0x0409, 6); // lid: English (US)
  bytes.writeUInt16LE(FIB_FLAGS, 10);
  bytes.writeUInt16LE(0x00bf, 12); // nFibBack
  // reserved5, reserved6: "MUST be ignored" by [MS-DOC], but older readers (catdoc) take them as the text's bounds
  // (fcMin, fcMac of Word 6), and Word writes them so.
  bytes.writeUInt32LE(TEXT_OFFSET, 24);
  bytes.writeUInt32LE(TEXT_OFFSET + textLength, 28);
  bytes.writeUInt16LE(14, 32); // csw: FibRgW97, 14 words
  bytes.writeUInt16LE(22, 62); // cslw: FibRgLw97, 22 longs
  bytes.writeUInt32LE(streamLength, 64); // cbMac
  bytes.writeUInt32LE(textLength, 76); // ccpText
  bytes.writeUInt16LE(FC_LCB_PAIRS, 152); // cbRgFcLcb
  const pair = (index: number, span: TableSpan): void => {
    bytes.writeUInt32LE(span.fc, fcLcbStart + index * 8);
    bytes.writeUInt32LE(span.lcb, fcLcbStart + index * 8 + 4);
  };
  pair(FC_STSHF_PAIR, tables.stylesheet);
  pair(FC_CLX_PAIR, tables.clx);
  return bytes; // cswNew (last 2 bytes) 0
}

/** An STSH: its STSHI (Stshif of STYLES styles, ftcBi, an StshiLsd of no entries), then STYLES empty LPStd. */
function stylesheet(): Buffer {
  const stshi = Buffer.alloc(18 + 2 + 2);
  stshi.writeUInt16LE(STYLES, 0); // cstd
  stshi.writeUInt16LE(0x000a, 2); // cbSTDBaseInFile
  stshi.writeUInt16LE(4, 20); // StshiLsd.cbLSD
  const size = Buffer.alloc(2);
  size.writeUInt16LE(stshi.length);
  return Buffer.concat([size, stshi, Buffer.alloc(STYLES * 2)]);
}

/** A Clx of one Pcdt: one piece, CPs 0 to `textLength`, of 8-bit text at TEXT_OFFSET. */
function pieceTable(textLength: number): Buffer {
  const plcPcd = Buffer.alloc(4 * 2 + 8);
  plcPcd.writeUInt32LE(0, 0);
  plcPcd.writeUInt32LE(textLength, 4);
  plcPcd.writeUInt32LE((TEXT_OFFSET * 2) | COMPRESSED, 8 + 2); // Pcd: 2 bytes of flags, fc, prm
  const head = Buffer.alloc(5);
  head[0] = 0x02; // clxt: Pcdt
  head.writeUInt32LE(plcPcd.length, 1);
  return Buffer.concat([head, plcPcd]);
}
