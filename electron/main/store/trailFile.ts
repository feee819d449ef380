import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { auditEntrySchema, type AuditEntry } from '@shared/audit/audit';
import { writeFileDurable } from './durableWrite';

/**
 * The audit trail in its own append-only file beside the register (docs/store.md, "The audit trail in its
 * own file"): `<register>.verlauf.jsonl`, a header line, then one entry per line. A save appends the new
 * entries at the committed end and fsyncs under the write lock; the register (snapshot or journal line)
 * then names the new end, which is the commit point. Lines beyond the committed end (a crashed writer's
 * orphan or torn tail) are invisible to readers and cut by the next writer. Rare rewrites (scrubbing
 * personal data in old entries, restore, migration) write a new generation atomically.
 */
export interface TrailHeader {
  verlauf: 1;
  registerId: string;
  /** Changes with every rewrite: a position of an older generation is no longer a position in this file. */
  generation: string;
}

/** A committed state of the trail: which file generation, and how many bytes of it belong to the register. */
export interface TrailPosition {
  generation: string;
  end: number;
}

export function trailPathFor(storePath: string): string {
  return `${storePath}.verlauf.jsonl`;
}

export interface TrailRead {
  /** Null when the header is missing or damaged. */
  header: TrailHeader | null;
  entries: AuditEntry[];
  /** Byte offset just after the last complete entry read (never beyond the `upTo` asked for). */
  end: number;
  /** Bytes after `end` (up to the committed end or the file's end) that do not form a complete line. */
  tornBytes: number;
  /** 1-based line number (counted from `from`) of a complete line that is not a valid entry, else null. */
  damagedLine: number | null;
}

/** The trail does not continue the position the register names (replaced, rewritten, or shorter). */
export class TrailMovedError extends Error {
  constructor(readonly found: TrailPosition | null) {
    super('audit trail file does not continue the committed position');
    this.name = 'TrailMovedError';
  }
}

const HEADER_MAX = 4096;

function isHeader(value: unknown): value is TrailHeader {
  const v = value as Partial<TrailHeader> | null;
  return typeof v === 'object' && v !== null && v.verlauf === 1 && typeof v.registerId === 'string' && typeof v.generation === 'string';
}

function linesOf(entries: readonly AuditEntry[]): string {
  return entries.map((entry) => `${JSON.stringify(entry)}\n`).join('');
}

/**
 * Writes the whole trail as a new generation (temp file, fsync, rename, fsync folder): the file holds
 * either the old or the new trail after a crash. Returns the new committed position. Under the write lock.
 */
export async function writeTrail(file: string, registerId: string, entries: readonly AuditEntry[]): Promise<TrailPosition> {
  const header: TrailHeader = { verlauf: 1, registerId, generation: randomUUID() };
  const text = `${JSON.stringify(header)}\n${linesOf(entries)}`;
  await writeFileDurable(file, text);
  return { generation: header.generation, end: Buffer.byteLength(text, 'utf8') };
}

/** The header alone (one small read): which generation the file on disk is. Null when there is no trail. */
export async function readTrailHeader(file: string): Promise<TrailHeader | null> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const bytes = Buffer.alloc(HEADER_MAX);
    const { bytesRead } = await handle.read(bytes, 0, HEADER_MAX, 0);
    const newline = bytes.subarray(0, bytesRead).indexOf(0x0a);
    if (newline < 0) return null;
    try {
      const value: unknown = JSON.parse(bytes.subarray(0, newline).toString('utf8'));
      return isHeader(value) ? value : null;
    } catch {
      return null;
    }
  } finally {
    await handle.close();
  }
}

/**
 * Appends `entries` at the committed position and fsyncs; returns the new committed position (for the
 * register to name). Anything after `at.end` (a torn line or lines of a writer that crashed before its
 * commit point) is cut off first — under the write lock nobody else writes. A file of another generation
 * or shorter than `at.end` is not this register's trail any more: nothing is written (TrailMovedError).
 */
export async function appendTrail(file: string, at: TrailPosition, entries: readonly AuditEntry[]): Promise<TrailPosition> {
  if (entries.length === 0) return at;
  const header = await readTrailHeader(file);
  if (!header || header.generation !== at.generation) throw new TrailMovedError(null);
  const line = Buffer.from(linesOf(entries), 'utf8');
  const handle = await fs.open(file, 'r+');
  try {
    const stat = await handle.stat();
    if (stat.size < at.end) throw new TrailMovedError({ generation: header.generation, end: stat.size });
    if (stat.size > at.end) await handle.truncate(at.end);
    let written = 0;
    while (written < line.length) {
      const { bytesWritten } = await handle.write(line, written, line.length - written, at.end + written);
      written += bytesWritten;
    }
    await handle.sync();
  } catch (error) {
    // Take back what may have arrived although the write failed (best effort): readers stop at at.end anyway.
    if (!(error instanceof TrailMovedError)) await handle.truncate(at.end).catch(() => undefined);
    throw error;
  } finally {
    await handle.close();
  }
  return { generation: at.generation, end: at.end + line.length };
}

/**
 * Reads the entries in bytes [from, upTo) of the trail (from 0: the whole trail after the header). Only
 * complete lines count: a torn last line is dropped (its writer never reached the commit point). Each
 * entry is checked with the reader's schema; a complete line that is not a valid entry stops the read
 * (`damagedLine`). Null when there is no trail file.
 */
export async function readTrail(file: string, from = 0, upTo = Number.POSITIVE_INFINITY): Promise<TrailRead | null> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let bytes: Buffer;
  try {
    const size = (await handle.stat()).size;
    const length = Math.max(0, Math.min(size, upTo) - from);
    bytes = Buffer.alloc(length);
    let read = 0;
    while (read < length) {
      const { bytesRead } = await handle.read(bytes, read, length - read, from + read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    bytes = bytes.subarray(0, read);
  } finally {
    await handle.close();
  }
  const header = from === 0 ? null : await readTrailHeader(file);
  const result: TrailRead = { header, entries: [], end: from, tornBytes: 0, damagedLine: null };
  let start = 0;
  let line = 1;
  while (start < bytes.length) {
    const newline = bytes.indexOf(0x0a, start);
    if (newline < 0) break;
    let value: unknown;
    try {
      value = JSON.parse(bytes.subarray(start, newline).toString('utf8'));
    } catch {
      value = undefined;
    }
    if (from === 0 && line === 1) {
      if (!isHeader(value)) {
        result.damagedLine = 1;
        return result;
      }
      result.header = value;
    } else {
      const parsed = auditEntrySchema.safeParse(value);
      if (!parsed.success) {
        result.damagedLine = line;
        return result;
      }
      result.entries.push(parsed.data);
    }
    start = newline + 1;
    result.end = from + start;
    line++;
  }
  result.tornBytes = bytes.length - start;
  return result;
}
