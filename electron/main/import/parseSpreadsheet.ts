import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import { de } from '@shared/i18n/de';
import { describeIoError } from '../store/ioErrors';
import {
  DEFAULT_PARSE_LIMITS,
  DETECTED_FORMATS,
  MAX_CELL_TEXT,
  PARSE_FAILURES,
  type CellValue,
  type DetectedFormat,
  type ParseJob,
  type ParseLimits,
  type SpreadsheetFormat,
  type WorkerAnswer,
} from './limits';

/**
 * Reads a spreadsheet chosen by the user, without trusting it: size cap before reading, parsing in a
 * fresh worker thread per file (heap limit, wall-clock limit, terminated afterwards), and a zod check of
 * everything the worker answers before main uses it. Every refusal is an ImportFileError with a German
 * message; nothing here writes anything.
 */
export class ImportFileError extends Error {}

export interface ImportFile {
  fileName: string;
  format: SpreadsheetFormat;
  bytes: Uint8Array;
}

export interface ParsedSheet {
  format: DetectedFormat;
  sheets: string[];
  sheet: string;
  /** Row k is spreadsheet row k + 1. Arrays and primitives only. */
  rows: CellValue[][];
  csv: { separator: ';' | ',' | '\t'; encoding: 'utf-8' | 'windows-1252' | 'utf-16' } | null;
}

const EXTENSIONS: Record<string, SpreadsheetFormat> = { '.xlsx': 'xlsx', '.xlsm': 'xlsx', '.xls': 'xls', '.ods': 'ods', '.csv': 'csv' };
const MB = 1024 * 1024;
const texts = de.import.file;

export function formatOf(file: string): SpreadsheetFormat {
  const extension = path.extname(file).toLowerCase();
  const format = Object.hasOwn(EXTENSIONS, extension) ? EXTENSIONS[extension] : undefined;
  if (!format) throw new ImportFileError(texts.unsupportedType(extension));
  return format;
}

/** Reads the file's bytes after checking type and size; reads at most one byte past the cap. */
export async function readImportFile(file: string, limits: ParseLimits = DEFAULT_PARSE_LIMITS): Promise<ImportFile> {
  const format = formatOf(file);
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'r');
  } catch (error) {
    throw new ImportFileError(describeIoError(error));
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw new ImportFileError(texts.isDirectory);
    if (stat.size > limits.maxFileBytes)
      throw new ImportFileError(texts.tooLarge(Math.ceil(stat.size / MB), Math.floor(limits.maxFileBytes / MB)));
    const buffer = new Uint8Array(Math.min(stat.size, limits.maxFileBytes) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) break;
    }
    // The file grew while being read.
    if (length > limits.maxFileBytes)
      throw new ImportFileError(texts.tooLarge(Math.ceil(length / MB), Math.floor(limits.maxFileBytes / MB)));
    if (length === 0) throw new ImportFileError(texts.empty);
    return { fileName: path.basename(file), format, bytes: buffer.slice(0, length) };
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError(describeIoError(error));
  } finally {
    await handle.close();
  }
}

export async function parseSpreadsheet(
  file: string,
  sheet: string | null = null,
  limits: ParseLimits = DEFAULT_PARSE_LIMITS,
): Promise<{ file: ImportFile; table: ParsedSheet }> {
  const read = await readImportFile(file, limits);
  return { file: read, table: await parseImportFile(read, sheet, limits) };
}

/**
 * The worker's code is always built JavaScript (a separate entry of the main build): beside the app's
 * and the CLI's bundle in out/main, or, when this module runs from the sources (unit tests, harness),
 * the build in out/main (scripts/ensure-built.mjs keeps it current). No TypeScript loader at run time.
 */
function workerEntry(): URL {
  for (const candidate of ['./parseWorker.js', '../parseWorker.js', '../../../out/main/parseWorker.js']) {
    const url = new URL(candidate, import.meta.url);
    if (url.protocol !== 'file:') continue;
    // Packaged: the worker and its imports are unpacked beside the archive (electron-builder.yml asarUnpack),
    // because a worker thread loads its file with plain Node, which cannot read inside app.asar.
    const unpacked = fileURLToPath(url).replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
    if (unpacked !== fileURLToPath(url) && existsSync(unpacked)) return pathToFileURL(unpacked);
    if (existsSync(fileURLToPath(url))) return url;
  }
  throw new Error('parseWorker.js not found: run `npm run build`.');
}

function startWorker(limits: ParseLimits): Worker {
  return new Worker(workerEntry(), {
    resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb, maxYoungGenerationSizeMb: 48, stackSizeMb: 4 },
    stdout: true,
    stderr: true,
  });
}

function answerSchema(limits: ParseLimits) {
  const cell = z.union([z.string().max(MAX_CELL_TEXT + 1), z.number(), z.null()]);
  return z.discriminatedUnion('ok', [
    z.strictObject({
      ok: z.literal(true),
      format: z.enum(DETECTED_FORMATS),
      sheets: z.array(z.string().max(255)).min(1).max(10_000),
      sheet: z.string().max(255),
      rows: z.array(z.array(cell).max(limits.maxColumns)).max(limits.maxRows),
      csv: z.strictObject({ separator: z.enum([';', ',', '\t']), encoding: z.enum(['utf-8', 'windows-1252', 'utf-16']) }).nullable(),
    }),
    z.strictObject({ ok: z.literal(false), failure: z.enum(PARSE_FAILURES), count: z.number().int().min(0).nullable() }),
  ]);
}

function failureMessage(answer: Extract<WorkerAnswer, { ok: false }>, sheet: string | null, limits: ParseLimits): string {
  switch (answer.failure) {
    case 'encrypted':
      return texts.encrypted;
    case 'notSpreadsheet':
      return texts.notSpreadsheet;
    case 'unpackedTooLarge':
      return texts.unpackedTooLarge(Math.floor(limits.maxUnpackedBytes / MB));
    case 'tooManyRows':
      return texts.tooManyRows(limits.maxRows, answer.count);
    case 'tooManyCells':
      return texts.tooManyCells;
    case 'sheetNotFound':
      return texts.sheetNotFound(sheet ?? '');
    case 'empty':
      return texts.empty;
    default:
      return texts.unreadable;
  }
}

/** Parses the bytes in a fresh worker; resolves with validated plain data or rejects with an ImportFileError. */
export function parseImportFile(file: ImportFile, sheet: string | null, limits: ParseLimits = DEFAULT_PARSE_LIMITS): Promise<ParsedSheet> {
  return new Promise<ParsedSheet>((resolve, reject) => {
    let settled = false;
    let worker: Worker;
    const finish = (outcome: () => ParsedSheet) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker?.terminate();
      try {
        resolve(outcome());
      } catch (error) {
        reject(error instanceof ImportFileError ? error : new ImportFileError(texts.unreadable));
      }
    };
    const refuse = (message: string) =>
      finish(() => {
        throw new ImportFileError(message);
      });
    const timer = setTimeout(() => refuse(texts.timeout(Math.max(1, Math.round(limits.timeLimitMs / 1000)))), limits.timeLimitMs);
    try {
      worker = startWorker(limits);
    } catch {
      refuse(texts.unreadable);
      return;
    }
    worker.stdout.resume();
    worker.stderr.resume();
    worker.on('message', (message: unknown) =>
      finish(() => {
        const parsed = answerSchema(limits).safeParse(message);
        if (!parsed.success) throw new ImportFileError(texts.unreadable);
        const answer = parsed.data;
        if (!answer.ok) throw new ImportFileError(failureMessage(answer, sheet, limits));
        if (!answer.sheets.includes(answer.sheet)) throw new ImportFileError(texts.unreadable);
        return { format: answer.format, sheets: answer.sheets, sheet: answer.sheet, rows: answer.rows, csv: answer.csv };
      }),
    );
    worker.on('error', (error: NodeJS.ErrnoException) =>
      refuse(error?.code === 'ERR_WORKER_OUT_OF_MEMORY' ? texts.outOfMemory : texts.unreadable),
    );
    worker.on('exit', () => refuse(texts.unreadable));
    // A copy per parse: the caller keeps its bytes (another sheet of the same file may be read later).
    const bytes = file.bytes.slice();
    const job: ParseJob = { bytes, format: file.format, sheet, limits };
    worker.postMessage(job, [bytes.buffer]);
  });
}
