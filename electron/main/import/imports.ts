import { randomUUID } from 'node:crypto';
import type { ImportFileInfo, Saved } from '@shared/contract';
import type { ImportRecord } from '@shared/evaluation/evaluation';
import {
  findHeaderRow,
  cellText,
  IMPORT_KINDS,
  planImport,
  suggestKind,
  suggestMapping,
  type ColumnMapping,
  type ImportKind,
  type ImportPreview,
} from '@shared/import/importMapping';
import { de } from '@shared/i18n/de';
import { applyImportPlan, undoImportRecord } from './applyImport';
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from './limits';
import { NoFittingSheetError, pickSheet } from './pickSheet';
import { ImportFileError, parseImportFile, readImportFile, type ImportFile, type ParsedSheet } from './parseSpreadsheet';
import type { Desktop } from '@main/core/desktop';
import { ServiceError } from '@main/core/errors';
import type { RegisterSession } from '@main/session/session';

/** A chosen file stays loaded this long (its bytes and the sheets read so far), then it must be chosen again. */
export const IMPORT_TOKEN_TTL_MS = 30 * 60 * 1000;
/** Files kept at once; choosing another drops the oldest. */
const MAX_LOADED_FILES = 3;

interface LoadedFile {
  file: ImportFile;
  sheets: string[];
  tables: Map<string, ParsedSheet>;
  expiresAt: number;
}

export interface ImportServiceOptions {
  limits?: ParseLimits;
  now?: () => number;
}

/**
 * Spreadsheet import: choose a file (parsed in the worker, kept in memory under a random token), preview
 * with a column mapping (the dry run: nothing is written), commit all or nothing, undo. The table in
 * memory is only data; each preview and the commit check it again against the register as it is then.
 */
export class ImportService {
  private readonly loaded = new Map<string, LoadedFile>();
  private readonly limits: ParseLimits;
  private readonly now: () => number;

  constructor(
    private readonly session: RegisterSession,
    private readonly desktop: Desktop,
    options: ImportServiceOptions = {},
  ) {
    this.limits = options.limits ?? DEFAULT_PARSE_LIMITS;
    this.now = options.now ?? Date.now;
  }

  /** Asks for a file (dialog) and reads it; null when cancelled. */
  async choose(): Promise<ImportFileInfo | null> {
    this.session.requireOpen();
    const path = await this.desktop.pickImportFile();
    if (!path) return null;
    return this.load(path);
  }

  /** Reads a file by path (the dialog's answer; tests). */
  async load(path: string): Promise<ImportFileInfo> {
    const file = await this.fileError(() => readImportFile(path, this.limits));
    const first = await this.fileError(() => parseImportFile(file, null, this.limits));
    this.prune();
    while (this.loaded.size >= MAX_LOADED_FILES) this.loaded.delete(this.loaded.keys().next().value!);
    const token = randomUUID();
    const entry: LoadedFile = {
      file,
      sheets: first.sheets,
      tables: new Map([[first.sheet, first]]),
      expiresAt: this.now() + IMPORT_TOKEN_TTL_MS,
    };
    this.loaded.set(token, entry);
    return this.describe(token, file, await this.fittingSheet(entry, first));
  }

  /**
   * Of several sheets, the first whose headers fit a kind of import (all its required columns): an exported
   * workbook starts with an "Übersicht", its Maßnahmen and Kennzahlen are on sheets of their own. None
   * fitting: the first sheet (the preview then names the missing columns; the sheets are listed to choose).
   */
  private async fittingSheet(entry: LoadedFile, first: ParsedSheet): Promise<ParsedSheet> {
    if (first.sheets.length <= 1) return first;
    const doc = this.session.requireOpen().store.doc;
    for (const kind of IMPORT_KINDS) {
      try {
        return await pickSheet(first, kind, doc, (name) => this.sheetOf(entry, name));
      } catch (error) {
        if (!(error instanceof NoFittingSheetError)) throw error;
      }
    }
    return first;
  }

  /** A sheet of a loaded file, parsed in the worker once and kept with the file. */
  private async sheetOf(entry: LoadedFile, name: string): Promise<ParsedSheet> {
    let table = entry.tables.get(name);
    if (!table) {
      table = await this.fileError(() => parseImportFile(entry.file, name, this.limits));
      entry.tables.set(name, table);
    }
    return table;
  }

  private describe(token: string, file: ImportFile, table: ParsedSheet): ImportFileInfo {
    const headerIndex = findHeaderRow(table.rows);
    const headers = (table.rows[headerIndex] ?? []).map(cellText);
    const kind = suggestKind(headers);
    return {
      token,
      fileName: file.fileName,
      format: table.format,
      sheets: table.sheets,
      sheet: table.sheet,
      headerRow: headerIndex + 1,
      headers,
      dataRows: Math.max(0, table.rows.length - headerIndex - 1),
      suggestedKind: kind,
      suggestedMapping: Object.fromEntries(IMPORT_KINDS.map((k) => [k, suggestMapping(headers, k)])) as Record<ImportKind, ColumnMapping>,
      csv: table.csv,
    };
  }

  /** The table of `sheet` (null: the first), parsing that sheet in a new worker if it was not read yet. */
  private async table(
    token: string,
    sheet: string | null,
    kind: ImportKind | null = null,
  ): Promise<{ entry: LoadedFile; table: ParsedSheet }> {
    this.prune();
    const entry = this.loaded.get(token);
    if (!entry) throw new ServiceError('NOT_FOUND', de.import.file.expired);
    entry.expiresAt = this.now() + IMPORT_TOKEN_TTL_MS;
    if (sheet === null && kind !== null && entry.sheets.length > 1) {
      // No sheet named: the one whose headers fit the kind, or a refusal naming the sheets.
      const first = await this.sheetOf(entry, entry.sheets[0]!);
      try {
        return { entry, table: await pickSheet(first, kind, this.session.requireOpen().store.doc, (name) => this.sheetOf(entry, name)) };
      } catch (error) {
        if (error instanceof NoFittingSheetError) throw new ServiceError('VALIDATION', error.message);
        throw error;
      }
    }
    const name = sheet ?? entry.sheets[0]!;
    if (!entry.sheets.includes(name)) throw new ServiceError('VALIDATION', de.import.file.sheetNotFound(name));
    return { entry, table: await this.sheetOf(entry, name) };
  }

  /** The dry run: every row checked against the register, nothing written. */
  async preview(token: string, kind: ImportKind, mapping: ColumnMapping | null, sheet: string | null): Promise<ImportPreview> {
    const { table } = await this.table(token, sheet, kind);
    const doc = this.session.requireOpen().store.doc;
    return planImport({ sheet: table.sheet, rows: table.rows }, kind, mapping, doc).preview;
  }

  /** Imports all rows or none: refused while any row has an error; one durable write with record and audit. */
  async commit(token: string, kind: ImportKind, mapping: ColumnMapping | null, sheet: string | null): Promise<Saved<ImportRecord>> {
    const { entry, table } = await this.table(token, sheet, kind);
    const store = this.session.writableStore();
    const { result, savedAt } = await store.commit((doc) => {
      const plan = planImport({ sheet: table.sheet, rows: table.rows }, kind, mapping, doc);
      const { preview } = plan;
      if (preview.problems.length > 0)
        throw new ServiceError('VALIDATION', `${de.import.commit.mappingProblems} ${preview.problems.join(' ')}`);
      if (preview.counts.errors > 0) throw new ServiceError('VALIDATION', de.import.commit.hasErrors(preview.counts.errors));
      if (preview.counts.rows === 0) throw new ServiceError('VALIDATION', de.import.commit.noRows);
      const applied = applyImportPlan(doc, kind, plan, { user: this.session.userName, fileName: entry.file.fileName });
      return { doc: applied.doc, result: applied.record };
    });
    return { value: result, savedAt };
  }

  async undo(id: string): Promise<Saved<ImportRecord>> {
    const store = this.session.writableStore();
    const { result, savedAt } = await store.commit((doc) => {
      const undone = undoImportRecord(doc, id, { user: this.session.userName });
      return { doc: undone.doc, result: undone.record };
    });
    return { value: result, savedAt };
  }

  /** Imports of the register, newest first. */
  list(): ImportRecord[] {
    return this.session.requireOpen().store.doc.imports.slice().reverse();
  }

  private prune(): void {
    const now = this.now();
    for (const [token, entry] of this.loaded) if (entry.expiresAt <= now) this.loaded.delete(token);
  }

  private async fileError<T>(action: () => Promise<T>): Promise<T> {
    try {
      return await action();
    } catch (error) {
      if (error instanceof ImportFileError) throw new ServiceError('VALIDATION', error.message);
      throw error;
    }
  }
}
