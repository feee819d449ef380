import { MAX_CELL_TEXT, type CellValue } from './limits';

/**
 * CSV as German offices write it: `;` between fields (Excel's default in a German locale), `,` from
 * other tools, UTF-8 with or without BOM or Windows-1252 from older Excel versions. Read with a small
 * linear parser instead of SheetJS: SheetJS guesses the format from the first bytes (a file starting with
 * "ID;" is read as SYLK, one starting with "<" as HTML), turns "=1+1" into a formula and reads
 * "1.234" the English way. Here every field stays the text it is.
 */
export type CsvSeparator = ';' | ',' | '\t';
export type CsvEncoding = 'utf-8' | 'windows-1252' | 'utf-16';

export type CsvResult =
  | { ok: true; rows: CellValue[][]; separator: CsvSeparator; encoding: CsvEncoding }
  | { ok: false; failure: 'notSpreadsheet' | 'tooManyRows' | 'tooManyCells' | 'empty'; count: number | null };

export function decodeText(bytes: Uint8Array): { text: string; encoding: CsvEncoding } | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16' };
  // NUL bytes do not occur in text files in these encodings: this is a binary file with a .csv name.
  if (bytes.includes(0)) return null;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/**
 * The separator of the first line (outside quotes): the most frequent of `;`, `,` and tab; `;` wins a
 * tie, since a German header line like "Nr.;Titel" has no commas but its text fields may.
 */
export function sniffSeparator(text: string): CsvSeparator {
  const counts = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length && i < 64 * 1024; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) {
      if (counts[';'] + counts[','] + counts['\t'] > 0) break;
    } else if (!quoted && (c === ';' || c === ',' || c === '\t')) counts[c]++;
  }
  if (counts['\t'] > counts[';'] && counts['\t'] > counts[',']) return '\t';
  return counts[','] > counts[';'] ? ',' : ';';
}

function clip(text: string): string {
  return text.length > MAX_CELL_TEXT ? text.slice(0, MAX_CELL_TEXT + 1) : text;
}

export function parseCsv(bytes: Uint8Array, maxRows: number, maxColumns: number, maxCells: number): CsvResult {
  const decoded = decodeText(bytes);
  if (!decoded) return { ok: false, failure: 'notSpreadsheet', count: null };
  let text = decoded.text;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let separator = sniffSeparator(text);
  // Excel's own hint line "sep=;" names the separator and is not data.
  const hint = /^sep=(.)\r?\n/.exec(text.slice(0, 8));
  if (hint && (hint[1] === ';' || hint[1] === ',' || hint[1] === '\t')) {
    separator = hint[1];
    text = text.slice(hint[0].length);
  }
  if (text.trim() === '') return { ok: false, failure: 'empty', count: null };

  const rows: CellValue[][] = [];
  let row: CellValue[] = [];
  let cells = 0;
  const sep = separator.charCodeAt(0);
  const n = text.length;
  const isBoundary = (c: number) => c === sep || c === 10 || c === 13;
  const pushField = (value: string) => {
    if (row.length < maxColumns) row.push(value === '' ? null : clip(value));
    if (value !== '') cells++;
  };
  /** Ends a row; false once a limit is passed (the caller stops reading). */
  const endRow = (): boolean => {
    while (row.length > 0 && row[row.length - 1] === null) row.pop();
    rows.push(row);
    row = [];
    return rows.length <= maxRows && cells <= maxCells;
  };
  let i = 0;
  while (i < n) {
    let value: string;
    if (text.charCodeAt(i) === 34) {
      // Quoted: separators and line breaks inside are text, "" is one quote.
      value = '';
      let from = i + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        if (quote === -1) {
          value += text.slice(from);
          i = n;
          break;
        }
        value += text.slice(from, quote);
        if (text.charCodeAt(quote + 1) === 34) {
          value += '"';
          from = quote + 2;
          continue;
        }
        i = quote + 1;
        break;
      }
      // Text after the closing quote (not allowed, but written by some tools) is kept.
      let k = i;
      while (k < n && !isBoundary(text.charCodeAt(k))) k++;
      value += text.slice(i, k);
      i = k;
    } else {
      let k = i;
      while (k < n && !isBoundary(text.charCodeAt(k))) k++;
      value = text.slice(i, k);
      i = k;
    }
    pushField(value);
    if (i >= n) {
      endRow();
      break;
    }
    const c = text.charCodeAt(i);
    if (c === sep) {
      i++;
      if (i >= n) {
        pushField('');
        endRow();
      }
      continue;
    }
    i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
    if (!endRow()) break;
  }
  if (rows.length > maxRows) return { ok: false, failure: 'tooManyRows', count: null };
  if (cells > maxCells) return { ok: false, failure: 'tooManyCells', count: null };
  while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
  if (rows.length === 0) return { ok: false, failure: 'empty', count: null };
  return { ok: true, rows, separator, encoding: decoded.encoding };
}
