/**
 * The Anregungen as an Excel workbook: "Übersicht" (per Stadtbezirk: Quartierslabore, Termine,
 * Eingeladene, Teilnehmende, Anregungen by state, Maßnahmen; totals by state and by source; what the file
 * contains), "Anregungen" (one row per Anregung, not those in the Papierkorb) and "Quartierslabore".
 *
 * Feedback contacts are personal data: the columns Name, Kanal, Kontakt, Einwilligung am only with
 * includePersonalData. User text is always a text cell, never a formula; dates are real dates.
 * Pure: data in, bytes out.
 */
import XLSX from 'xlsx';
import { districtName } from '@shared/register/districts';
import { PROPOSAL_SOURCES, PROPOSAL_STATES, type Proposal, type ProposalState } from '@shared/participation/labs';
import { orgUnitLabel } from '@shared/register/orgUnit';
import { districtOverview } from '@shared/participation/participationLists';
import type { RegisterDocument } from '@shared/register/register';
import { formatDate, formatDateTime } from '@shared/core/format';
import { de } from '@shared/i18n/de';
import { XLSX_WRITE_OPTIONS } from '@main/evaluation/evaluationWorkbook';
import { TableSheet, workbookOf, type CellInput } from '@main/export/tableSheet';

export interface ProposalsExportInput {
  doc: RegisterDocument;
  includePersonalData: boolean;
  generatedAt: Date;
  appVersion: string;
}

const participationTexts = de.participation;
const participationDocsProposalsTexts = de.participationDocs.proposals;
const naturalOrder = new Intl.Collator('de-DE', { numeric: true, sensitivity: 'base' });

function localIsoDate(date: Date): string {
  const pad = (v: number) => String(v).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The Anregungen the workbook lists: not in the Papierkorb, by date of receipt and number. */
export function exportedProposals(doc: RegisterDocument): Proposal[] {
  return doc.proposals.filter((q) => q.deletedAt === null).sort((a, b) => a.receivedOn.localeCompare(b.receivedOn) || naturalOrder.compare(a.number, b.number));
}

function overviewSheet(input: ProposalsExportInput, proposals: readonly Proposal[]): XLSX.WorkSheet {
  const c = participationDocsProposalsTexts.overviewColumns;
  const labs = input.doc.labs.filter((l) => l.deletedAt === null);
  const rows = districtOverview(proposals, labs);
  const sheet = new TableSheet([{ min: 18, max: 30 }]);
  sheet.add([participationDocsProposalsTexts.title]);
  sheet.add([participationDocsProposalsTexts.stand, { date: localIsoDate(input.generatedAt) }]);
  sheet.gap();
  sheet.add([participationDocsProposalsTexts.byDistrict]);
  sheet.add([c.district, c.labs, c.labSessions, c.invited, c.attending, c.proposals, ...PROPOSAL_STATES.map((s) => participationTexts.proposalStates[s]), c.measures]);
  const line = (label: string, r: { labs: number; labSessions: number; invited: number; attending: number; proposals: number; byState: Record<ProposalState, number>; measures: number }) =>
    sheet.add([label, r.labs, r.labSessions, r.invited, r.attending, r.proposals, ...PROPOSAL_STATES.map((s) => r.byState[s]), r.measures]);
  for (const r of rows) line(r.name, r);
  const without = proposals.filter((q) => q.district === null);
  const byState = (list: readonly Proposal[]) => Object.fromEntries(PROPOSAL_STATES.map((s) => [s, list.filter((q) => q.state === s).length])) as Record<ProposalState, number>;
  const measuresOf = (list: readonly Proposal[]) => new Set(list.flatMap((q) => (q.measureId ? [q.measureId] : []))).size;
  line(participationDocsProposalsTexts.withoutDistrict, { labs: 0, labSessions: 0, invited: 0, attending: 0, proposals: without.length, byState: byState(without), measures: measuresOf(without) });
  const sum = (key: 'labs' | 'labSessions' | 'invited' | 'attending') => rows.reduce((acc, r) => acc + r[key], 0);
  line(participationDocsProposalsTexts.total, { labs: sum('labs'), labSessions: sum('labSessions'), invited: sum('invited'), attending: sum('attending'), proposals: proposals.length, byState: byState(proposals), measures: measuresOf(proposals) });
  sheet.add([participationDocsProposalsTexts.measuresNote]);
  sheet.gap();
  sheet.add([participationDocsProposalsTexts.byState, participationDocsProposalsTexts.count]);
  for (const s of PROPOSAL_STATES) sheet.add([participationTexts.proposalStates[s], proposals.filter((q) => q.state === s).length]);
  sheet.add([participationDocsProposalsTexts.total, proposals.length]);
  sheet.gap();
  sheet.add([participationDocsProposalsTexts.bySource, participationDocsProposalsTexts.count]);
  for (const s of PROPOSAL_SOURCES) sheet.add([participationTexts.proposalSources[s], proposals.filter((q) => q.source === s).length]);
  sheet.add([participationDocsProposalsTexts.total, proposals.length]);
  sheet.gap();
  sheet.add([participationDocsProposalsTexts.trashNote]);
  sheet.add([participationDocsProposalsTexts.personalData, input.includePersonalData ? participationDocsProposalsTexts.personalDataOn : participationDocsProposalsTexts.personalDataOff]);
  sheet.add([participationDocsProposalsTexts.exportedAt, formatDateTime(input.generatedAt.toISOString())]);
  sheet.add([participationDocsProposalsTexts.register, input.doc.isSample ? `${input.doc.name} (${participationDocsProposalsTexts.sample})` : input.doc.name]);
  sheet.add([participationDocsProposalsTexts.appVersion, input.appVersion]);
  return sheet.finish();
}

function proposalsSheet(input: ProposalsExportInput, proposals: readonly Proposal[]): XLSX.WorkSheet {
  const { doc, includePersonalData } = input;
  const c = participationDocsProposalsTexts.columns;
  const labs = new Map(doc.labs.map((l) => [l.id, l.name]));
  const units = new Map(doc.orgUnits.map((u) => [u.id, orgUnitLabel(u)]));
  const measures = new Map(doc.measures.map((m) => [m.id, `${m.number} ${m.title}`]));
  const contacts = includePersonalData ? new Map(doc.contacts.map((k) => [k.proposalId, k])) : new Map<string, never>();
  const headers = [c.number, c.receivedOn, c.source, c.lab, c.district, c.area, c.category, c.text, c.assigned, c.state, c.stateReason, c.measure, c.feedback, c.feedbackOn];
  if (includePersonalData) headers.push(c.contactName, c.contactChannel, c.contactValue, c.consentOn);
  const sheet = new TableSheet([{ min: 10, max: 14 }, { min: 10 }, { max: 26 }, { max: 36 }, { max: 20 }, { max: 30 }, { max: 24 }, { min: 30, max: 70 }, { max: 36 }, { max: 24 }, { max: 50 }, { max: 50 }, { max: 60 }, { min: 10 }]);
  sheet.header(headers);
  for (const q of proposals) {
    const row: CellInput[] = [
      q.number,
      { date: q.receivedOn },
      participationTexts.proposalSources[q.source],
      q.labId ? labs.get(q.labId) : null,
      q.district ? districtName(q.district) : null,
      q.area,
      q.category,
      q.text,
      q.assignedOrgUnitId ? units.get(q.assignedOrgUnitId) : null,
      participationTexts.proposalStates[q.state],
      q.stateReason,
      q.measureId ? measures.get(q.measureId) : null,
      q.feedbackText,
      { date: q.feedbackOn },
    ];
    const contact = contacts.get(q.id);
    if (contact) row.push(contact.name, participationTexts.contactChannels[contact.channel], contact.value, { date: contact.consentOn });
    sheet.add(row);
  }
  return sheet.finish();
}

function labsSheet(input: ProposalsExportInput, proposals: readonly Proposal[]): XLSX.WorkSheet {
  const c = participationDocsProposalsTexts.labColumns;
  const perLab = new Map<string, number>();
  for (const q of proposals) if (q.labId) perLab.set(q.labId, (perLab.get(q.labId) ?? 0) + 1);
  const labs = input.doc.labs.filter((l) => l.deletedAt === null).sort((a, b) => naturalOrder.compare(a.name, b.name));
  const sheet = new TableSheet([{ min: 20, max: 40 }, { max: 20 }, { max: 24 }, { max: 40 }, {}, { min: 10 }, { min: 10 }, { max: 60 }, {}, {}, { max: 60 }, {}]);
  sheet.header([c.name, c.district, c.quarter, c.format, c.sessions, c.first, c.last, c.dates, c.invited, c.attending, c.topics, c.proposals]);
  for (const lab of labs) {
    const sessions = [...lab.sessions].sort((a, b) => a.date.localeCompare(b.date));
    sheet.add([
      lab.name,
      districtName(lab.district),
      lab.quarter,
      lab.format,
      sessions.length,
      { date: sessions[0]?.date ?? null },
      { date: sessions.at(-1)?.date ?? null },
      sessions.map((s) => participationDocsProposalsTexts.sessionEntry(formatDate(s.date), s.place)).join('; '),
      sessions.reduce((acc, s) => acc + (s.invitedCount ?? 0), 0),
      sessions.reduce((acc, s) => acc + (s.attendingCount ?? 0), 0),
      lab.topics.join('; '),
      perLab.get(lab.id) ?? 0,
    ]);
  }
  return sheet.finish();
}

export function buildProposalsWorkbook(input: ProposalsExportInput): XLSX.WorkBook {
  const proposals = exportedProposals(input.doc);
  return workbookOf(
    [
      [participationDocsProposalsTexts.sheets.overview, overviewSheet(input, proposals)],
      [participationDocsProposalsTexts.sheets.proposals, proposalsSheet(input, proposals)],
      [participationDocsProposalsTexts.sheets.labs, labsSheet(input, proposals)],
    ],
    {
      Title: participationDocsProposalsTexts.title,
      Subject: participationDocsProposalsTexts.subject,
      Author: participationDocsProposalsTexts.author,
      LastAuthor: participationDocsProposalsTexts.author,
      Company: participationDocsProposalsTexts.company,
      Keywords: participationDocsProposalsTexts.keywords,
      Comments: participationDocsProposalsTexts.comments(formatDate(localIsoDate(input.generatedAt))),
      CreatedDate: input.generatedAt,
    },
  );
}

/** The Anregungen workbook as .xlsx bytes. */
export function writeProposalsXlsx(input: ProposalsExportInput): Uint8Array {
  return XLSX.write(buildProposalsWorkbook(input), XLSX_WRITE_OPTIONS) as Buffer;
}
