/**
 * The half-yearly Beschlussverfolgung as an Excel workbook, as the council asked for it: requesting
 * group, deadline, responsible office, current state. Sheet "Beschlussverfolgung": title, "Stand" line,
 * then the table (shared/domain/trackingReport.ts trackingRows) with an autofilter; sheet
 * "Zusammenfassung": counts per state and how many are overdue. "überfällig" is the word "ja"/"nein",
 * never a colour. Printed for the council: A4 landscape, one page wide, long texts wrap (house style). User text is always a text cell; dates are real dates. Pure: data in, bytes out.
 */
import { DECISION_STATES } from '@shared/participation/tracking';
import type { RegisterDocument } from '@shared/register/register';
import { countByState, halfYearRange, trackingRows, type HalfYear, type TrackingRow } from '@shared/participation/trackingReport';
import { formatDate, formatDateTime } from '@shared/core/format';
import { de } from '@shared/i18n/de';
import { writeHouseWorkbook, type ExportControl, type HouseSheet } from '@main/export/houseWorkbook';
import { TableSheet } from '@main/export/tableSheet';

export interface TrackingExportInput {
  doc: RegisterDocument;
  /** The half-year; null: every decision not in the Papierkorb. */
  period: HalfYear | null;
  /** `YYYY-MM-DD`: what "overdue" is judged against (the period's end for a past period). */
  today: string;
  generatedAt: Date;
  appVersion: string;
}

const p = de.participation;
const x = de.participationDocs.tracking;

function localIsoDate(date: Date): string {
  const pad = (v: number) => String(v).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function trackingTitle(period: HalfYear | null): string {
  return x.title(period ? halfYearRange(period).label : x.allDecisions);
}

function tableSheet(input: TrackingExportInput, rows: readonly TrackingRow[]): HouseSheet {
  const c = x.columns;
  // Widths for a landscape page: the long texts (Gegenstand, Beschluss, Sachstand) wrap in their columns.
  const sheet = new TableSheet([
    { min: 11, max: 13 },
    { max: 14 },
    { min: 10, max: 10 },
    { max: 12 },
    { max: 18 },
    { min: 20, max: 30 },
    { min: 20, max: 34 },
    { min: 10, max: 10 },
    { max: 20 },
    { max: 18 },
    { max: 14 },
    { min: 20, max: 34 },
    { min: 12, max: 13 },
    { min: 10, max: 10 },
  ]);
  sheet.titleBlock(trackingTitle(input.period), [titleLine(input)]);
  sheet.header([
    c.printNumber,
    c.body,
    c.decidedOn,
    c.kind,
    c.requestingGroup,
    c.subject,
    c.decisionText,
    c.dueDate,
    c.responsible,
    c.measures,
    c.state,
    c.stateText,
    c.lastUpdateOn,
    c.overdue,
  ]);
  for (const r of rows) {
    sheet.add([
      r.printNumber,
      r.body,
      { date: r.decidedOn },
      p.decisionKinds[r.kind],
      r.requestingGroup,
      r.subject,
      r.decisionText,
      { date: r.dueDate },
      r.responsible,
      r.measures,
      p.decisionStates[r.state],
      r.stateText,
      { date: r.lastUpdateOn },
      r.overdue ? x.yes : x.no,
    ]);
  }
  return { name: x.sheets.table, sheet: sheet.finish(), ...sheet.layout(), identifyingColumns: 1 };
}

function summarySheet(input: TrackingExportInput, rows: readonly TrackingRow[]): HouseSheet {
  const counts = countByState(rows);
  const range = input.period ? halfYearRange(input.period) : null;
  const sheet = new TableSheet([
    { min: 24, max: 40 },
    { min: 10, max: 50 },
  ]);
  sheet.header([x.summaryColumns.item, x.summaryColumns.count]);
  for (const state of DECISION_STATES) sheet.add([p.decisionStates[state], counts[state]]);
  sheet.total([x.total, rows.length]);
  sheet.total([x.overdue, counts.overdue]);
  sheet.gap();
  sheet.add([x.overdueNote(formatDate(range && range.to < input.today ? range.to : input.today))]);
  sheet.add([x.period, range ? range.label : x.allDecisions]);
  sheet.add([x.stand, { date: input.today }]);
  sheet.add([x.exportedAt, formatDateTime(input.generatedAt.toISOString())]);
  sheet.add([x.register, input.doc.name]);
  sheet.add([x.appVersion, input.appVersion]);
  return { name: x.sheets.summary, sheet: sheet.finish(), ...sheet.layout() };
}

const w = de.workbook;

/** "Register: … · Stand 26.11.2026 · Zeitraum: … (· Beispieldaten …)". */
function titleLine(input: TrackingExportInput): string {
  const range = input.period ? halfYearRange(input.period).label : x.allDecisions;
  const parts = [w.register(input.doc.name), w.stand(formatDate(input.today)), w.period(range)];
  if (input.doc.isSample) parts.push(w.sample);
  return parts.join(w.separator);
}

/** The sheets of the workbook (SheetJS cells and where title, header and totals are). */
export function buildTrackingSheets(input: TrackingExportInput): HouseSheet[] {
  const rows = trackingRows(input.doc, input.today, input.period);
  return [tableSheet(input, rows), summarySheet(input, rows)];
}

/** The Beschlussverfolgung workbook as .xlsx bytes, in the house style. */
export async function writeTrackingXlsx(input: TrackingExportInput, control: ExportControl = {}): Promise<Buffer> {
  return writeHouseWorkbook(buildTrackingSheets(input), {
    title: trackingTitle(input.period),
    subject: x.subject,
    keywords: x.keywords,
    description: x.comments(formatDate(localIsoDate(input.generatedAt))),
    author: x.author,
    company: x.company,
    stand: input.today,
    created: input.generatedAt,
    ...control,
  });
}
