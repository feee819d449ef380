import { inflateRawSync } from 'node:zlib';
import { MAX_ZIP_ENTRIES } from './limits';

/**
 * Looks into an .xlsx/.ods container before SheetJS does. SheetJS 0.18.5 inflates every entry in
 * JavaScript and trusts the sizes the file claims; a zip bomb would fill memory outside the worker's heap
 * limit (typed arrays), and with it the whole app. Here every entry is inflated once with zlib under a
 * hard output limit, so the true unpacked size is known before SheetJS sees the file. Runs in the worker.
 */
export type ZipCheck =
  { kind: 'ok'; names: string[]; manifest: string | null } | { kind: 'encrypted' } | { kind: 'tooLarge' } | { kind: 'broken' };

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

class Broken extends Error {}

function u16(b: Uint8Array, at: number): number {
  if (at < 0 || at + 2 > b.length) throw new Broken();
  return b[at]! | (b[at + 1]! << 8);
}

function u32(b: Uint8Array, at: number): number {
  if (at < 0 || at + 4 > b.length) throw new Broken();
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16)) + b[at + 3]! * 0x1000000;
}

function u64(b: Uint8Array, at: number): number {
  const value = u32(b, at) + u32(b, at + 4) * 0x100000000;
  if (!Number.isSafeInteger(value)) throw new Broken();
  return value;
}

function findEndRecord(b: Uint8Array): number {
  const stop = Math.max(0, b.length - 22 - 0xffff);
  for (let at = b.length - 22; at >= stop; at--) if (b[at] === 0x50 && b[at + 1] === 0x4b && u32(b, at) === EOCD) return at;
  throw new Broken();
}

interface Entry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

function readDirectory(b: Uint8Array): Entry[] {
  const end = findEndRecord(b);
  let count = u16(b, end + 10);
  let offset = u32(b, end + 16);
  if (count === 0xffff || offset === 0xffffffff) {
    const locator = end - 20;
    if (u32(b, locator) !== EOCD64_LOCATOR) throw new Broken();
    const record = u64(b, locator + 8);
    if (u32(b, record) !== EOCD64) throw new Broken();
    count = u64(b, record + 32);
    offset = u64(b, record + 48);
  }
  if (count > MAX_ZIP_ENTRIES) throw new Broken();
  const entries: Entry[] = [];
  const decoder = new TextDecoder('utf-8');
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (u32(b, at) !== CENTRAL) throw new Broken();
    const nameLength = u16(b, at + 28);
    const extraLength = u16(b, at + 30);
    const commentLength = u16(b, at + 32);
    if (at + 46 + nameLength + extraLength > b.length) throw new Broken();
    const entry: Entry = {
      name: decoder.decode(b.subarray(at + 46, at + 46 + nameLength)),
      flags: u16(b, at + 8),
      method: u16(b, at + 10),
      compressedSize: u32(b, at + 20),
      size: u32(b, at + 24),
      localOffset: u32(b, at + 42),
    };
    readZip64Extra(b, at + 46 + nameLength, extraLength, entry);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Sizes and offsets that do not fit 32 bits sit in the zip64 extra field, in this order. */
function readZip64Extra(b: Uint8Array, start: number, length: number, entry: Entry): void {
  for (let at = start; at + 4 <= start + length;) {
    const id = u16(b, at);
    const size = u16(b, at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      for (const key of ['size', 'compressedSize', 'localOffset'] as const) {
        if (entry[key] === 0xffffffff && field + 8 <= at + 4 + size) {
          entry[key] = u64(b, field);
          field += 8;
        }
      }
    }
    at += 4 + size;
  }
}

function entryData(b: Uint8Array, entry: Entry): Uint8Array {
  const at = entry.localOffset;
  if (u32(b, at) !== LOCAL) throw new Broken();
  const start = at + 30 + u16(b, at + 26) + u16(b, at + 28);
  const end = start + entry.compressedSize;
  if (end > b.length) throw new Broken();
  return b.subarray(start, end);
}

/** Inflates every entry under `maxUnpackedBytes` in total; keeps only the ODS manifest (for its encryption flag). */
export function checkZip(bytes: Uint8Array, maxUnpackedBytes: number): ZipCheck {
  try {
    const entries = readDirectory(bytes);
    if (entries.some((e) => (e.flags & 0x0001) !== 0)) return { kind: 'encrypted' };
    // The sizes a file claims: a quick refusal without unpacking anything.
    if (entries.reduce((sum, e) => sum + e.size, 0) > maxUnpackedBytes) return { kind: 'tooLarge' };
    let budget = maxUnpackedBytes;
    let manifest: string | null = null;
    for (const entry of entries) {
      const data = entryData(bytes, entry);
      let size: number;
      let content: Uint8Array | null = null;
      if (entry.method === 0) size = data.length;
      else if (entry.method === 8) {
        try {
          content = inflateRawSync(data, { maxOutputLength: Math.max(1, budget + 1) });
        } catch (error) {
          // The claimed size was a lie and the real one is over the limit.
          if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) return { kind: 'tooLarge' };
          throw new Broken();
        }
        size = content.length;
      } else throw new Broken();
      budget -= size;
      if (budget < 0) return { kind: 'tooLarge' };
      if (entry.name === 'META-INF/manifest.xml') manifest = new TextDecoder('utf-8').decode(content ?? data);
    }
    return { kind: 'ok', names: entries.map((e) => e.name), manifest };
  } catch (error) {
    if (error instanceof Broken) return { kind: 'broken' };
    throw error;
  }
}
