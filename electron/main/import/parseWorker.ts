/**
 * Worker thread that reads one untrusted spreadsheet and answers with plain rows. SheetJS 0.18.5 has
 * known read-side flaws (prototype pollution CVE-2023-30533, ReDoS CVE-2024-22363); in here a polluted
 * prototype or a runaway regular expression hits only this thread, which main starts for one file with a
 * heap limit and terminates after an answer or after the time limit. Main validates the answer before use.
 *
 * A separate entry of the main build (electron.vite.config.ts); always loaded as built JavaScript.
 */
import { parentPort } from 'node:worker_threads';
import XLSX from 'xlsx';
import { parseCsv } from './csv';
import type { ParseJob, WorkerAnswer } from './limits';
import { sheetReadOptions } from './readOptions';
import { sheetToRows } from './sheetRows';
import { checkZip } from './zipCheck';

type Container = 'zip' | 'cfb' | 'markup' | 'other';

function container(bytes: Uint8Array): Container {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'zip';
  const cfb = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  if (cfb.every((b, i) => bytes[i] === b)) return 'cfb';
  // Excel 2003 XML and HTML tables saved as .xls start with "<" (after a BOM or blanks).
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && i < 1024 && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  return bytes[i] === 0x3c ? 'markup' : 'other';
}

const fail = (failure: Extract<WorkerAnswer, { ok: false }>['failure'], count: number | null = null): WorkerAnswer => ({
  ok: false,
  failure,
  count,
});

function isEncryptedCfb(bytes: Uint8Array): boolean {
  try {
    const cfb = XLSX.CFB.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), { type: 'buffer' });
    return !!(XLSX.CFB.find(cfb, 'EncryptedPackage') || XLSX.CFB.find(cfb, 'EncryptionInfo'));
  } catch {
    return false;
  }
}

export function parseJob(job: ParseJob): WorkerAnswer {
  const { bytes, limits } = job;
  if (bytes.length === 0) return fail('empty');
  const kind = container(bytes);

  if (job.format === 'csv') {
    if (kind === 'zip' || kind === 'cfb') return fail('notSpreadsheet');
    const csv = parseCsv(bytes, limits.maxRows, limits.maxColumns, limits.maxCells);
    if (!csv.ok) return fail(csv.failure, csv.count);
    return {
      ok: true,
      format: 'csv',
      sheets: ['CSV'],
      sheet: 'CSV',
      rows: csv.rows,
      csv: { separator: csv.separator, encoding: csv.encoding },
    };
  }

  let format: 'xlsx' | 'ods' | 'xls' | 'xml';
  if (kind === 'zip') {
    const zip = checkZip(bytes, limits.maxUnpackedBytes);
    if (zip.kind === 'encrypted') return fail('encrypted');
    if (zip.kind === 'tooLarge') return fail('unpackedTooLarge');
    if (zip.kind === 'broken') return fail('notSpreadsheet');
    if (zip.manifest?.includes('encryption-data')) return fail('encrypted');
    if (zip.names.some((n) => n.startsWith('xl/'))) format = 'xlsx';
    else if (zip.names.includes('content.xml')) format = 'ods';
    else return fail('notSpreadsheet');
  } else if (kind === 'cfb') {
    if (isEncryptedCfb(bytes)) return fail('encrypted');
    format = 'xls';
  } else if (kind === 'markup' && job.format === 'xls') format = 'xml';
  else return fail('notSpreadsheet');

  let workbook: XLSX.WorkBook;
  try {
    workbook = XLSX.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), sheetReadOptions(limits));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return fail(/password|encrypt/i.test(message) ? 'encrypted' : 'notSpreadsheet');
  }

  const sheets = (Array.isArray(workbook.SheetNames) ? workbook.SheetNames : [])
    .filter((n): n is string => typeof n === 'string')
    .map((n) => n.slice(0, 255));
  if (sheets.length === 0) return fail('empty');
  const sheet = job.sheet ?? sheets[0]!;
  if (!sheets.includes(sheet)) return fail('sheetNotFound');
  const worksheet: unknown = Object.hasOwn(workbook.Sheets, sheet) ? workbook.Sheets[sheet] : undefined;
  if (Array.isArray(worksheet)) {
    // SheetJS stops reading after `sheetRows` rows and keeps the sheet's whole range in "!fullref". A sheet
    // whose range goes past the limit is refused even when the rows read so far are few: the rows after the
    // limit (a row at 1,048,576 below empty ones) would otherwise be left out without a word.
    const full = (worksheet as { '!fullref'?: unknown })['!fullref'];
    let count: number | null = null;
    try {
      if (typeof full === 'string') count = XLSX.utils.decode_range(full).e.r + 1;
    } catch {
      count = null;
    }
    if (worksheet.length > limits.maxRows || (count !== null && count > limits.maxRows)) return fail('tooManyRows', count);
  }
  const date1904 = workbook.Workbook?.WBProps?.date1904 === true;
  const { rows, cells } = sheetToRows(worksheet, date1904, limits.maxColumns, limits.maxCells);
  if (cells > limits.maxCells) return fail('tooManyCells');
  return { ok: true, format, sheets, sheet, rows, csv: null };
}

parentPort?.once('message', (job: ParseJob) => {
  let answer: WorkerAnswer;
  try {
    answer = parseJob(job);
  } catch {
    answer = fail('notSpreadsheet');
  }
  parentPort!.postMessage(answer);
});
