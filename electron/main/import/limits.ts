/**
 * Limits of the spreadsheet import and the messages between main and the parse worker. Imported by both
 * sides, so it holds no code with side effects and no texts (the worker answers with codes; main turns
 * them into German messages from de.import).
 */

export interface ParseLimits {
  /** Largest file accepted at all (bytes on disk). */
  maxFileBytes: number;
  /** Largest total size of all entries of an .xlsx/.ods after unpacking (zip-bomb guard). */
  maxUnpackedBytes: number;
  /** Most rows of the chosen sheet, header and title rows included. */
  maxRows: number;
  /** Columns beyond this are ignored (a sheet may claim 16,384). */
  maxColumns: number;
  /** Most non-empty cells handed back. */
  maxCells: number;
  /** Wall-clock limit for the whole parse, worker start included; the worker is terminated after it. */
  timeLimitMs: number;
  /** Heap of the worker (V8 old generation). */
  maxHeapMb: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = {
  maxFileBytes: 20 * 1024 * 1024,
  maxUnpackedBytes: 200 * 1024 * 1024,
  maxRows: 100_000,
  maxColumns: 256,
  maxCells: 3_000_000,
  timeLimitMs: 20_000,
  maxHeapMb: 512,
};

/** Excel's own limit for the text of one cell; longer text is cut one character after it, so validation reports it. */
export const MAX_CELL_TEXT = 32_767;
/** Most entries in a zip container; real workbooks have a few dozen. */
export const MAX_ZIP_ENTRIES = 10_000;

export const SPREADSHEET_FORMATS = ['xlsx', 'xls', 'ods', 'csv'] as const;
export type SpreadsheetFormat = (typeof SPREADSHEET_FORMATS)[number];

/** What the worker found: the container it read (by content, not by name). */
export const DETECTED_FORMATS = ['xlsx', 'xls', 'ods', 'xml', 'csv'] as const;
export type DetectedFormat = (typeof DETECTED_FORMATS)[number];

export type CellValue = string | number | null;

/** The job main sends: the file's bytes (transferred), the format by extension, the wanted sheet. */
export interface ParseJob {
  bytes: Uint8Array;
  format: SpreadsheetFormat;
  sheet: string | null;
  limits: ParseLimits;
}

export const PARSE_FAILURES = [
  'encrypted',
  'notSpreadsheet',
  'unpackedTooLarge',
  'tooManyRows',
  'tooManyCells',
  'sheetNotFound',
  'empty',
  'unreadable',
] as const;
export type ParseFailure = (typeof PARSE_FAILURES)[number];

export type WorkerAnswer =
  | {
      ok: true;
      format: DetectedFormat;
      sheets: string[];
      sheet: string;
      /** Row k is spreadsheet row k + 1; trailing empty cells and rows are dropped. */
      rows: CellValue[][];
      /** CSV only: the separator and encoding that were recognised. */
      csv: { separator: ';' | ',' | '\t'; encoding: 'utf-8' | 'windows-1252' | 'utf-16' } | null;
    }
  | { ok: false; failure: ParseFailure; count: number | null };
