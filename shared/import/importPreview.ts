import type { IndicatorValue } from '@shared/evaluation/evaluation';
import { de } from '@shared/i18n/de';
import type { ProposalFields } from '@shared/participation/labs';
import type { MeasureFields } from '@shared/register/measure';
import type { ColumnMapping, ImportCell, ImportKind } from './importFields';

/** What an import would do: the preview shown to the clerk and the plan a confirmed import writes. */

export interface RowProblem {
  /** Header of the column (or "Spalte C" without one); null when the problem is not one cell's. */
  column: string | null;
  message: string;
}

export interface PreviewRow {
  /** Row number as the spreadsheet shows it (1-based). */
  rowNumber: number;
  ok: boolean;
  /** What the row would do, e.g. "neu: HF1-10 Beleuchtung" or "HF1-01 · Fälle · 2024: ersetzt 123 → 130". */
  summary: string;
  errors: RowProblem[];
}

export interface ImportCounts {
  rows: number;
  ok: number;
  errors: number;
  newMeasures: number;
  newValues: number;
  replacedValues: number;
  unchangedValues: number;
  newProposals: number;
}

export interface ImportPreview {
  kind: ImportKind;
  sheet: string;
  /** 1-based row number of the header row. */
  headerRow: number;
  headers: string[];
  mapping: ColumnMapping;
  /** Problems of the mapping itself (missing required columns); rows are not checked while there are any. */
  problems: string[];
  /** Headers of the columns left out on purpose (contact data of persons in an Anregungen list). */
  leftOut: string[];
  rows: PreviewRow[];
  counts: ImportCounts;
  /** True when a commit would import: no problems, no row errors, at least one row. */
  canCommit: boolean;
}

export interface ValueChange {
  indicatorId: string;
  before: IndicatorValue[];
  after: IndicatorValue[];
}

export interface ImportPlan {
  preview: ImportPreview;
  /** New measures in file order (kind 'measures'). */
  measures: MeasureFields[];
  /** Kennzahlen whose values change (kind 'values'); unchanged ones are left out. */
  valueChanges: ValueChange[];
  /** New Anregungen in file order, numbered (kind 'proposals'). */
  proposals: ProposalFields[];
}

export interface ImportTable {
  sheet: string;
  rows: readonly (readonly ImportCell[])[];
}

/** One line of a problem, as the CLI prints it and the UI may show it: "Zeile 7, Spalte „Beginn“: …". */
export function formatRowProblem(rowNumber: number, problem: RowProblem): string {
  return `${de.import.location(rowNumber, problem.column)}: ${problem.message}`;
}

export function emptyCounts(): ImportCounts {
  return { rows: 0, ok: 0, errors: 0, newMeasures: 0, newValues: 0, replacedValues: 0, unchangedValues: 0, newProposals: 0 };
}
