import { crc32 } from 'node:zlib';

/** One member of a ZIP archive: its path inside the archive (ASCII, `/`-separated) and its bytes. */
export interface ZipEntry {
  readonly name: string;
  readonly bytes: Uint8Array;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
/** Version 1.0 of the ZIP format (APPNOTE 4.4.3): enough for stored entries. */
const VERSION = 10;
const STORED = 0;
/** 1980-01-01 00:00, the first MS-DOS date: fixed, so that one input always gives the same bytes. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/**
 * A ZIP archive (PKWARE APPNOTE) of `entries`, in order, every one STORED (no compression, CRC-32 computed), without
 * extra fields: what OpenDocument needs of its `mimetype` entry, and valid for any other member.
 */
export function zipFile(entries: readonly ZipEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'ascii');
    const fields = entryFields(entry.bytes);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    local.writeUInt16LE(VERSION, 4);
    fields.copy(local, 6);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL_HEADER, 0);
    central.writeUInt16LE(VERSION, 4);
    central.writeUInt16LE(VERSION, 6);
    fields.copy(central, 8);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(entry.bytes));
    centrals.push(central, name);
    offset += local.length + name.length + entry.bytes.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The fields local and central headers share, from "general purpose flags" to the uncompressed size (22 bytes). */
function entryFields(bytes: Uint8Array): Buffer {
  const fields = Buffer.alloc(22);
  fields.writeUInt16LE(0, 0); // flags
  fields.writeUInt16LE(STORED, 2);
  fields.writeUInt16LE(DOS_TIME, 4);
  fields.writeUInt16LE(DOS_DATE, 6);
  fields.writeUInt32LE(crc32(bytes), 8);
  fields.writeUInt32LE(bytes.length, 12);
  fields.writeUInt32LE(bytes.length, 16);
  return fields;
}
