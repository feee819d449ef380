import { promises as fs } from 'node:fs';
import { writeFileDurable } from './durableWrite';
import type { JournalOp } from './docDiff';

/**
 * The journal beside the register snapshot: `<register>.journal`, JSON lines. The first line is a header
 * naming the register and the snapshot revision the journal continues from; every further line is one
 * committed change (revision, time, who, ops). Appended at a known offset and fsynced under the write
 * lock. A crash mid-append leaves an incomplete last line (no newline, or not parseable): readers stop
 * before it, the next writer cuts it off. Compaction writes a new snapshot durably first, then replaces
 * the journal with a fresh header (atomic rename), so a reader always finds snapshot + journal consistent
 * or notices it raced a compaction (header base newer than the snapshot) and reads again.
 */
export interface JournalHeader {
  journal: 1;
  registerId: string;
  /** Revision of the snapshot this journal continues from. */
  base: number;
  createdAt: string;
  /** Who made the change the snapshot ends with (so "Geändert von …" survives compaction). */
  last?: { by: string; host: string; at: string };
}

export interface JournalEntry {
  rev: number;
  /** schemaVersion of the program that wrote the line. */
  v: number;
  at: string;
  by: string;
  host: string;
  ops: JournalOp[];
}

export function journalPathFor(storePath: string): string {
  return `${storePath}.journal`;
}

export interface JournalRead {
  header: JournalHeader | null;
  entries: JournalEntry[];
  /** Byte offset just after the last complete, valid line read. */
  end: number;
  /** Bytes after `end` that do not (yet) form a complete line: a torn append or one in progress. */
  tornBytes: number;
  /** 1-based line number of a complete line that is not a valid entry (damage), else null. */
  damagedLine: number | null;
  size: number;
  ino: number;
}

/**
 * Reads complete lines from `offset` (0 = from the header). Returns null when there is no journal.
 * `firstLine` is the line number of the line at `offset` (for messages).
 */
export async function readJournal(file: string, offset = 0, firstLine = 1): Promise<JournalRead | null> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const stat = await handle.stat();
    const length = Math.max(0, stat.size - offset);
    const bytes = Buffer.alloc(length);
    let read = 0;
    while (read < length) {
      const { bytesRead } = await handle.read(bytes, read, length - read, offset + read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    const result: JournalRead = {
      header: null,
      entries: [],
      end: offset,
      tornBytes: 0,
      damagedLine: null,
      size: offset + read,
      ino: stat.ino,
    };
    let start = 0;
    let line = firstLine;
    while (start < read) {
      const newline = bytes.indexOf(0x0a, start);
      if (newline < 0 || newline >= read) break;
      const text = bytes.subarray(start, newline).toString('utf8');
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        value = undefined;
      }
      if (offset === 0 && line === 1) {
        if (!isHeader(value)) {
          result.damagedLine = line;
          break;
        }
        result.header = value;
      } else if (isEntry(value)) {
        result.entries.push(value);
      } else {
        result.damagedLine = line;
        break;
      }
      start = newline + 1;
      result.end = offset + start;
      line++;
    }
    if (result.damagedLine === null) result.tornBytes = read - start;
    return result;
  } finally {
    await handle.close();
  }
}

function isHeader(value: unknown): value is JournalHeader {
  const v = value as Partial<JournalHeader> | null;
  return typeof v === 'object' && v !== null && v.journal === 1 && typeof v.registerId === 'string' && Number.isInteger(v.base);
}

function isEntry(value: unknown): value is JournalEntry {
  const v = value as Partial<JournalEntry> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    Number.isInteger(v.rev) &&
    Number.isInteger(v.v) &&
    typeof v.at === 'string' &&
    typeof v.by === 'string' &&
    Array.isArray(v.ops)
  );
}

/** A fresh journal (header only), written durably by temp file and rename. */
export async function writeFreshJournal(file: string, header: JournalHeader): Promise<void> {
  await writeFileDurable(file, `${JSON.stringify(header)}\n`);
}

/** The journal grew although we hold the write lock: another writer appended (a takeover race). */
export class JournalMovedError extends Error {}

/**
 * Appends one entry at `offset` (the end of the last valid line, after the catch-up under the lock cut
 * off any torn tail) and fsyncs. Returns the new end offset. Call only under the write lock. If the file
 * is not exactly `offset` long, somebody else wrote meanwhile: nothing is written (JournalMovedError).
 */
export async function appendEntry(file: string, offset: number, entry: JournalEntry): Promise<number> {
  const line = Buffer.from(`${JSON.stringify(entry)}\n`, 'utf8');
  const handle = await fs.open(file, 'r+');
  try {
    const stat = await handle.stat();
    if (stat.size !== offset) throw new JournalMovedError();
    let written = 0;
    while (written < line.length) {
      const { bytesWritten } = await handle.write(line, written, line.length - written, offset + written);
      written += bytesWritten;
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  return offset + line.length;
}
