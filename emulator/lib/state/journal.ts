import { open, readFile, type FileHandle } from 'node:fs/promises';
import { COLLECTIONS, reviveRecord, SnapshotFormatError, type Collection } from './snapshot.js';

/** One change, as the journal keeps it: a record written whole, or a record gone. */
export type JournalEntry =
  | { readonly seq: number; readonly op: 'put'; readonly collection: Collection; readonly record: object }
  | { readonly seq: number; readonly op: 'delete'; readonly collection: Collection; readonly key: string | number };

/**
 * An append-only file of {@link JournalEntry} lines, fsynced after every batch. A crash can only tear the last line
 * (an append in progress); reading drops such a tail, since its batch was never acknowledged.
 */
export class Journal {
  private constructor(
    private readonly path: string,
    private readonly handle: FileHandle,
    private bytes: number,
  ) {}

  /** Opens (creating) the journal at `path` and reads its complete entries. */
  static async open(path: string): Promise<{ journal: Journal; entries: JournalEntry[] }> {
    let text = '';
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const lines = text.split('\n');
    const entries: JournalEntry[] = [];
    lines.forEach((line, i) => {
      if (line === '') return;
      const entry = parseEntry(line);
      if (entry) entries.push(entry);
      else if (i < lines.length - 1) throw new SnapshotFormatError(path, `journal line ${i + 1} is corrupt`);
    });
    const handle = await open(path, 'a');
    return { journal: new Journal(path, handle, Buffer.byteLength(text)), entries };
  }

  /** Bytes in the journal, to decide when to fold it into a snapshot. */
  get size(): number {
    return this.bytes;
  }

  /** Appends entries and makes them durable. */
  async append(entries: readonly JournalEntry[]): Promise<void> {
    const text = entries.map((entry) => `${JSON.stringify(entry)}\n`).join('');
    await this.handle.appendFile(text, 'utf8');
    await this.handle.datasync();
    this.bytes += Buffer.byteLength(text);
  }

  /** Empties the journal (its entries are in a durable snapshot now). */
  async clear(): Promise<void> {
    await this.handle.truncate(0);
    await this.handle.sync();
    this.bytes = 0;
  }

  async close(): Promise<void> {
    await this.handle.close();
  }

  toString(): string {
    return this.path;
  }
}

function parseEntry(line: string): JournalEntry | null {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return null;
  }
  const { seq, op, collection } = raw;
  if (typeof seq !== 'number' || !COLLECTIONS.includes(collection as Collection)) return null;
  if (op === 'put' && typeof raw['record'] === 'object' && raw['record'] !== null) {
    return { seq, op, collection: collection as Collection, record: reviveRecord(collection as Collection, raw['record'] as Record<string, unknown>) };
  }
  if (op === 'delete' && (typeof raw['key'] === 'string' || typeof raw['key'] === 'number')) {
    return { seq, op, collection: collection as Collection, key: raw['key'] };
  }
  return null;
}
