import { z } from 'zod';
import { byId, empty, method, type Saved } from '@shared/core/contractKit';
import { id } from '@shared/core/primitives';
import type { ImportRecord } from '@shared/evaluation/evaluation';
import { columnMappingSchema, IMPORT_KINDS, type ColumnMapping, type ImportKind, type ImportPreview } from './importMapping';

/** The contract methods of the spreadsheet import: choose, dry run, commit, undo. */

/** A spreadsheet chosen for import, read and kept in main under `token` (see ImportService). */
export interface ImportFileInfo {
  token: string;
  fileName: string;
  format: 'xlsx' | 'xls' | 'ods' | 'xml' | 'csv';
  sheets: string[];
  sheet: string;
  /** 1-based row of the headers (title rows above it are skipped). */
  headerRow: number;
  headers: string[];
  dataRows: number;
  suggestedKind: ImportKind;
  suggestedMapping: Record<ImportKind, ColumnMapping>;
  csv: { separator: ';' | ',' | '\t'; encoding: 'utf-8' | 'windows-1252' | 'utf-16' } | null;
}

const importRequest = z.strictObject({
  token: id,
  kind: z.enum(IMPORT_KINDS),
  mapping: columnMappingSchema.nullable(),
  sheet: z.string().min(1).max(255).nullable(),
});

export const importContract = {
  /** Asks for a spreadsheet (dialog) and reads it in an isolated worker. Null when cancelled. */
  chooseImportFile: method<ImportFileInfo | null>()(empty),
  /** The dry run: checks every row against the register and writes nothing. `mapping` null: from the headers. */
  previewImport: method<ImportPreview>()(importRequest),
  /** Imports all rows or none (refused while a row has errors); audited and undoable. */
  commitImport: method<Saved<ImportRecord>>()(importRequest),
  undoImport: method<Saved<ImportRecord>>()(byId),
  listImports: method<ImportRecord[]>()(empty),
} as const;
