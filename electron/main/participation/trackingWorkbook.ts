/**
 * The half-yearly Beschlussverfolgung as an Excel workbook, as the council asked for it: requesting
 * group, deadline, responsible office, current state. Sheet "Beschlussverfolgung": title, "Stand" line,
 * then the table (shared/participation/trackingReport.ts trackingRows) with an autofilter; sheet
 * "Zusammenfassung": counts per state and how many are overdue. "überfällig" is the word "ja"/"nein",
 * never a colour. User text is always a text cell; dates are real dates. Pure: data in, bytes out.
 */
import XLSX from 'xlsx';
import { DECISION_STATES } from '@shared/participation/tracking';
import type { RegisterDocument } from '@shared/register/register';
import { countByState, halfYearRange, trackingRows, type HalfYear, type TrackingRow } from '@shared/participation/trackingReport';
import { formatDate, formatDateTime } from '@shared/core/format';
import { de } from '@shared/i18n/de';
import { XLSX_WRITE_OPTIONS } from '@main/evaluation/evaluationWorkbook';
import { TableSheet, workbookOf } from '@main/export/tableSheet';

export interface TrackingExportInput {
  doc: RegisterDocument;
  /** The half-year; null: every decision not in the Papierkorb. */
  period: HalfYear | null;
  /** `YYYY-MM-DD`: what "overdue" is judged against (the period's end for a past period). */
  today: string;
  generatedAt: Date;
  appVersion: string;
}

const participationTexts = de.participation;
const participationDocsTrackingTexts = de.participationDocs.tracking;

function localIsoDate(date: Date): string {
  const pad = (v: number) => String(v).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function trackingTitle(period: HalfYear | null): string {
  return participationDocsTrackingTexts.title(period ? halfYearRange(period).label : participationDocsTrackingTexts.allDecisions);
}

function tableSheet(input: TrackingExportInput, rows: readonly TrackingRow[]): XLSX.WorkSheet {
  const c = participationDocsTrackingTexts.columns;
  const sheet = new TableSheet([
    { min: 11, max: 14 },
    { max: 16 },
    { min: 10 },
    { max: 14 },
    { max: 30 },
    { min: 24, max: 50 },
    { max: 60 },
    { min: 10 },
    { max: 36 },
    { max: 30 },
    { max: 16 },
    { min: 24, max: 60 },
    { min: 12 },
    { min: 10 },
  ]);
  sheet.add([trackingTitle(input.period)]);
  sheet.add([participationDocsTrackingTexts.stand, { date: input.today }]);
  sheet.gap();
  sheet.header([c.printNumber, c.body, c.decidedOn, c.kind, c.requestingGroup, c.subject, c.decisionText, c.dueDate, c.responsible, c.measures, c.state, c.stateText, c.lastUpdateOn, c.overdue]);
  for (const r of rows) {
    sheet.add([
      r.printNumber,
      r.body,
      { date: r.decidedOn },
      participationTexts.decisionKinds[r.kind],
      r.requestingGroup,
      r.subject,
      r.decisionText,
      { date: r.dueDate },
      r.responsible,
      r.measures,
      participationTexts.decisionStates[r.state],
      r.stateText,
      { date: r.lastUpdateOn },
      r.overdue ? participationDocsTrackingTexts.yes : participationDocsTrackingTexts.no,
    ]);
  }
  return sheet.finish();
}

function summarySheet(input: TrackingExportInput, rows: readonly TrackingRow[]): XLSX.WorkSheet {
  const counts = countByState(rows);
  const range = input.period ? halfYearRange(input.period) : null;
  const sheet = new TableSheet([{ min: 24, max: 40 }, { min: 10, max: 50 }]);
  sheet.header([participationDocsTrackingTexts.summaryColumns.item, participationDocsTrackingTexts.summaryColumns.count]);
  for (const state of DECISION_STATES) sheet.add([participationTexts.decisionStates[state], counts[state]]);
  sheet.add([participationDocsTrackingTexts.total, rows.length]);
  sheet.add([participationDocsTrackingTexts.overdue, counts.overdue]);
  sheet.gap();
  sheet.add([participationDocsTrackingTexts.overdueNote(formatDate(range && range.to < input.today ? range.to : input.today))]);
  sheet.add([participationDocsTrackingTexts.period, range ? range.label : participationDocsTrackingTexts.allDecisions]);
  sheet.add([participationDocsTrackingTexts.stand, { date: input.today }]);
  sheet.add([participationDocsTrackingTexts.exportedAt, formatDateTime(input.generatedAt.toISOString())]);
  sheet.add([participationDocsTrackingTexts.register, input.doc.name]);
  sheet.add([participationDocsTrackingTexts.appVersion, input.appVersion]);
  return sheet.finish();
}

export function buildTrackingWorkbook(input: TrackingExportInput): XLSX.WorkBook {
  const rows = trackingRows(input.doc, input.today, input.period);
  return workbookOf(
    [
      [participationDocsTrackingTexts.sheets.table, tableSheet(input, rows)],
      [participationDocsTrackingTexts.sheets.summary, summarySheet(input, rows)],
    ],
    {
      Title: trackingTitle(input.period),
      Subject: participationDocsTrackingTexts.subject,
      Author: participationDocsTrackingTexts.author,
      LastAuthor: participationDocsTrackingTexts.author,
      Company: participationDocsTrackingTexts.company,
      Keywords: participationDocsTrackingTexts.keywords,
      Comments: participationDocsTrackingTexts.comments(formatDate(localIsoDate(input.generatedAt))),
      CreatedDate: input.generatedAt,
    },
  );
}

/** The Beschlussverfolgung workbook as .xlsx bytes. */
export function writeTrackingXlsx(input: TrackingExportInput): Uint8Array {
  return XLSX.write(buildTrackingWorkbook(input), XLSX_WRITE_OPTIONS) as Buffer;
}
