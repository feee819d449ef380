import type XLSX from 'xlsx';
import type { ParseLimits } from './limits';

/**
 * How the import worker asks SheetJS to read an untrusted workbook: values only (no formulas, HTML,
 * styles, macros or embedded files), dense sheets, number formats kept (to tell dates from numbers),
 * dates as serial numbers, and at most one row past the limit (so "too many rows" can be told).
 * Exported so the benchmark measures its floor with exactly these options.
 */
export function sheetReadOptions(limits: Pick<ParseLimits, 'maxRows'>): XLSX.ParsingOptions {
  return {
    type: 'buffer',
    dense: true,
    cellFormula: false,
    cellHTML: false,
    cellText: false,
    cellNF: true,
    cellStyles: false,
    cellDates: false,
    sheetStubs: false,
    bookVBA: false,
    bookFiles: false,
    bookDeps: false,
    sheetRows: limits.maxRows + 1,
  };
}
