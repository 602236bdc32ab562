/** One stream or storage of a compound file's directory. */
export interface CompoundEntry {
  readonly name: string;
  /** 1 storage, 2 stream, 5 root. */
  readonly type: number;
  readonly bytes: Uint8Array;
}

const END_OF_CHAIN = 0xfffffffe;

/**
 * The directory of a compound file (OLE2, [MS-CFB]) with each stream's bytes, read by following FAT chains; for
 * files of one FAT listed in the header and streams above the mini stream cutoff, as the emulator writes them.
 */
export function compoundEntries(file: Uint8Array): CompoundEntry[] {
  const bytes = Buffer.from(file);
  const sectorSize = 1 << bytes.readUInt16LE(30);
  const sector = (id: number): Buffer => bytes.subarray((id + 1) * sectorSize, (id + 2) * sectorSize);
  const fat: number[] = [];
  for (let i = 0; i < bytes.readUInt32LE(44); i++) {
    const fatSector = sector(bytes.readUInt32LE(76 + i * 4));
    for (let j = 0; j < sectorSize; j += 4) fat.push(fatSector.readUInt32LE(j));
  }
  const chain = (start: number): Buffer => {
    const parts: Buffer[] = [];
    for (let id = start, hops = 0; id !== END_OF_CHAIN; id = fat[id]!, hops++) {
      if (id >= fat.length || hops > fat.length) throw new Error(`Broken FAT chain from sector ${start}.`);
      parts.push(sector(id));
    }
    return Buffer.concat(parts);
  };
  const directory = chain(bytes.readUInt32LE(48));
  const entries: CompoundEntry[] = [];
  for (let offset = 0; offset < directory.length; offset += 128) {
    const type = directory[offset + 66]!;
    if (type === 0) continue;
    const name = directory.subarray(offset, offset + directory.readUInt16LE(offset + 64) - 2).toString('utf16le');
    const size = directory.readUInt32LE(offset + 120);
    entries.push({ name, type, bytes: type === 2 ? chain(directory.readUInt32LE(offset + 116)).subarray(0, size) : new Uint8Array(0) });
  }
  return entries;
}
