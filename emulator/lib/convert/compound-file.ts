/**
 * A Compound File Binary (OLE2, [MS-CFB]) version 3 container of streams at its root: 512-byte sectors, one FAT, no
 * mini stream (every stream is padded with zeros to the 4096-byte cutoff, so all live in ordinary sectors).
 */
export interface CompoundStream {
  /** At most 31 UTF-16 code units. */
  readonly name: string;
  readonly bytes: Uint8Array;
}

const SECTOR = 512;
const MINI_STREAM_CUTOFF = 4096;
const ENTRY = 128;
const FAT_ENTRIES_PER_SECTOR = SECTOR / 4;
const HEADER_DIFAT_SLOTS = 109;
const FREE = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;
const FAT_SECTOR = 0xfffffffd;
const NO_STREAM = 0xffffffff;
const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function compoundFile(streams: readonly CompoundStream[]): Uint8Array {
  const contents = streams.map((stream) => padded(stream.bytes, Math.max(MINI_STREAM_CUTOFF, roundUp(stream.bytes.length))));
  const directorySectors = Math.ceil(((streams.length + 1) * ENTRY) / SECTOR);
  const dataSectors = directorySectors + contents.reduce((sum, bytes) => sum + bytes.length / SECTOR, 0);
  let fatSectors = 1;
  while (fatSectors * FAT_ENTRIES_PER_SECTOR < fatSectors + dataSectors) fatSectors++;
  if (fatSectors > HEADER_DIFAT_SLOTS) throw new Error('Too large for a compound file without DIFAT sectors.');

  // Sectors in order: the FAT, the directory, then each stream.
  const fat = new Array<number>(fatSectors * FAT_ENTRIES_PER_SECTOR).fill(FREE);
  for (let i = 0; i < fatSectors; i++) fat[i] = FAT_SECTOR;
  let next = fatSectors;
  const chain = (count: number): number => {
    const first = next;
    for (let i = 0; i < count; i++) fat[next + i] = i === count - 1 ? END_OF_CHAIN : next + i + 1;
    next += count;
    return first;
  };
  const directoryStart = chain(directorySectors);
  const starts = contents.map((bytes) => chain(bytes.length / SECTOR));

  const fatBytes = Buffer.alloc(fat.length * 4);
  fat.forEach((value, i) => fatBytes.writeUInt32LE(value, i * 4));
  const directory = Buffer.alloc(directorySectors * SECTOR);
  const tree = siblingTree(streams.map((stream) => stream.name));
  directoryEntry('Root Entry', 5, { left: NO_STREAM, right: NO_STREAM, child: tree.root, black: true }, END_OF_CHAIN, 0).copy(directory, 0);
  streams.forEach((stream, i) => directoryEntry(stream.name, 2, tree.links[i]!, starts[i]!, contents[i]!.length).copy(directory, (i + 1) * ENTRY));
  return Buffer.concat([header(fatSectors, directoryStart), fatBytes, directory, ...contents]);
}

function header(fatSectors: number, directoryStart: number): Buffer {
  const bytes = Buffer.alloc(SECTOR);
  bytes.set(SIGNATURE, 0);
  bytes.writeUInt16LE(0x003e, 24); // minor version
  bytes.writeUInt16LE(0x0003, 26); // major version 3: 512-byte sectors
  bytes.writeUInt16LE(0xfffe, 28); // byte order: little-endian
  bytes.writeUInt16LE(9, 30); // sector shift: 2^9
  bytes.writeUInt16LE(6, 32); // mini sector shift: 2^6
  bytes.writeUInt32LE(fatSectors, 44);
  bytes.writeUInt32LE(directoryStart, 48);
  bytes.writeUInt32LE(MINI_STREAM_CUTOFF, 56);
  bytes.writeUInt32LE(END_OF_CHAIN, 60); // no mini FAT
  bytes.writeUInt32LE(END_OF_CHAIN, 68); // no DIFAT sector
  for (let i = 0; i < HEADER_DIFAT_SLOTS; i++) bytes.writeUInt32LE(i < fatSectors ? i : FREE, 76 + i * 4);
  return bytes;
}

interface TreeLinks {
  readonly left: number;
  readonly right: number;
  readonly child: number;
  readonly black: boolean;
}

function directoryEntry(name: string, type: 2 | 5, links: TreeLinks, start: number, size: number): Buffer {
  const entry = Buffer.alloc(ENTRY);
  const utf16 = Buffer.from(`${name}\0`, 'utf16le');
  if (utf16.length > 64) throw new Error(`Compound file names have at most 31 characters: ${name}.`);
  utf16.copy(entry, 0);
  entry.writeUInt16LE(utf16.length, 64);
  entry[66] = type;
  entry[67] = links.black ? 1 : 0;
  entry.writeUInt32LE(links.left, 68);
  entry.writeUInt32LE(links.right, 72);
  entry.writeUInt32LE(links.child, 76);
  entry.writeUInt32LE(start, 116);
  entry.writeUInt32LE(size, 120);
  return entry;
}

/**
 * The root's children as the red-black tree [MS-CFB] 2.6.4 asks for: ordered by name length, then by upper-cased
 * name; built balanced from the sorted names, black but for the last level when it is not full.
 * Entry ids are 1 + the index in `names` (0 is the root).
 */
function siblingTree(names: readonly string[]): { root: number; links: TreeLinks[] } {
  const order = names.map((_, i) => i).sort((a, b) => compareNames(names[a]!, names[b]!));
  const links: TreeLinks[] = new Array<TreeLinks>(names.length);
  const lastLevel = Math.floor(Math.log2(names.length + 1e-9));
  const lastLevelFull = names.length === 2 ** (lastLevel + 1) - 1;
  const build = (from: number, to: number, depth: number): number => {
    if (from > to) return NO_STREAM;
    const middle = Math.floor((from + to) / 2);
    const index = order[middle]!;
    links[index] = { left: build(from, middle - 1, depth + 1), right: build(middle + 1, to, depth + 1), child: NO_STREAM, black: depth < lastLevel || lastLevelFull };
    return index + 1;
  };
  return { root: build(0, names.length - 1, 0), links };
}

function compareNames(a: string, b: string): number {
  return a.length - b.length || (a.toUpperCase() < b.toUpperCase() ? -1 : a.toUpperCase() > b.toUpperCase() ? 1 : 0);
}

function roundUp(length: number): number {
  return Math.ceil(length / SECTOR) * SECTOR;
}

function padded(bytes: Uint8Array, length: number): Buffer {
  const out = Buffer.alloc(length);
  out.set(bytes);
  return out;
}
