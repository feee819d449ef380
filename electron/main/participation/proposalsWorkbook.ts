/**
 * The Anregungen as an Excel workbook: "Übersicht" (per Stadtbezirk: Quartierslabore, Termine,
 * Eingeladene, Teilnehmende, Anregungen by state, Maßnahmen; totals by state and by source; what the file
 * contains), "Anregungen" (one row per Anregung, not those in the Papierkorb) and "Quartierslabore".
 *
 * Feedback contacts are personal data: the columns Name, Kanal, Kontakt, Einwilligung am only with
 * includePersonalData. User text is always a text cell, never a formula; dates are real dates.
 * Pure: data in, bytes out.
 */
import { districtName } from '@shared/register/districts';
import { PROPOSAL_SOURCES, PROPOSAL_STATES, type Proposal, type ProposalState } from '@shared/participation/labs';
import { orgUnitLabel } from '@shared/register/orgUnit';
import { districtOverview } from '@shared/participation/participationLists';
import type { RegisterDocument } from '@shared/register/register';
import { formatDate, formatDateTime } from '@shared/core/format';
import { de } from '@shared/i18n/de';
import { titleLine, writeHouseWorkbook, type ExportControl, type HouseSheet } from '@main/export/houseWorkbook';
import { TableSheet, type CellInput } from '@main/export/tableSheet';

export interface ProposalsExportInput {
  doc: RegisterDocument;
  includePersonalData: boolean;
  generatedAt: Date;
  appVersion: string;
}

const p = de.participation;
const x = de.participationDocs.proposals;
const naturalOrder = new Intl.Collator('de-DE', { numeric: true, sensitivity: 'base' });

function localIsoDate(date: Date): string {
  const pad = (v: number) => String(v).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The Anregungen the workbook lists: not in the Papierkorb, by date of receipt and number. */
export function exportedProposals(doc: RegisterDocument): Proposal[] {
  return doc.proposals
    .filter((q) => q.deletedAt === null)
    .sort((a, b) => a.receivedOn.localeCompare(b.receivedOn) || naturalOrder.compare(a.number, b.number));
}

const w = de.workbook;

function overviewSheet(input: ProposalsExportInput, proposals: readonly Proposal[]): HouseSheet {
  const c = x.overviewColumns;
  const labs = input.doc.labs.filter((l) => l.deletedAt === null);
  const rows = districtOverview(proposals, labs);
  // The number columns stay narrow; the notes at the end run across them.
  const sheet = new TableSheet([{ min: 18, max: 30 }, ...Array.from({ length: 12 }, () => ({ max: 14 }))]);
  const bold: number[] = [];
  sheet.titleBlock(x.title, [
    titleLine([
      w.register(input.doc.name),
      w.stand(formatDate(localIsoDate(input.generatedAt))),
      input.includePersonalData ? `${x.personalData}: ${x.personalDataOn}` : null,
      input.doc.isSample ? w.sample : null,
    ]),
  ]);
  sheet.add([x.byDistrict]);
  sheet.subHeader([
    c.district,
    c.labs,
    c.labSessions,
    c.invited,
    c.attending,
    c.proposals,
    ...PROPOSAL_STATES.map((s) => p.proposalStates[s]),
    c.measures,
  ]);
  const line = (
    label: string,
    r: {
      labs: number;
      labSessions: number;
      invited: number;
      attending: number;
      proposals: number;
      byState: Record<ProposalState, number>;
      measures: number;
    },
  ) =>
    sheet.add([label, r.labs, r.labSessions, r.invited, r.attending, r.proposals, ...PROPOSAL_STATES.map((s) => r.byState[s]), r.measures]);
  for (const r of rows) line(r.name, r);
  const totalLine = (label: string, r: Parameters<typeof line>[1]) => {
    const at = sheet.nextRow;
    line(label, r);
    bold.push(at);
  };
  const without = proposals.filter((q) => q.district === null);
  const byState = (list: readonly Proposal[]) =>
    Object.fromEntries(PROPOSAL_STATES.map((s) => [s, list.filter((q) => q.state === s).length])) as Record<ProposalState, number>;
  const measuresOf = (list: readonly Proposal[]) => new Set(list.flatMap((q) => (q.measureId ? [q.measureId] : []))).size;
  line(x.withoutDistrict, {
    labs: 0,
    labSessions: 0,
    invited: 0,
    attending: 0,
    proposals: without.length,
    byState: byState(without),
    measures: measuresOf(without),
  });
  const sum = (key: 'labs' | 'labSessions' | 'invited' | 'attending') => rows.reduce((acc, r) => acc + r[key], 0);
  totalLine(x.total, {
    labs: sum('labs'),
    labSessions: sum('labSessions'),
    invited: sum('invited'),
    attending: sum('attending'),
    proposals: proposals.length,
    byState: byState(proposals),
    measures: measuresOf(proposals),
  });
  sheet.add([x.measuresNote]);
  sheet.gap();
  sheet.subHeader([x.byState, x.count]);
  for (const s of PROPOSAL_STATES) sheet.add([p.proposalStates[s], proposals.filter((q) => q.state === s).length]);
  sheet.total([x.total, proposals.length]);
  sheet.gap();
  sheet.subHeader([x.bySource, x.count]);
  for (const s of PROPOSAL_SOURCES) sheet.add([p.proposalSources[s], proposals.filter((q) => q.source === s).length]);
  sheet.total([x.total, proposals.length]);
  sheet.gap();
  sheet.add([x.trashNote]);
  sheet.add([x.personalData, input.includePersonalData ? x.personalDataOn : x.personalDataOff]);
  sheet.add([x.exportedAt, formatDateTime(input.generatedAt.toISOString())]);
  sheet.add([x.register, input.doc.isSample ? `${input.doc.name} (${x.sample})` : input.doc.name]);
  sheet.add([x.appVersion, input.appVersion]);
  const layout = sheet.layout();
  return { name: x.sheets.overview, sheet: sheet.finish(), ...layout, boldRows: [...(layout.boldRows ?? []), ...bold] };
}

function proposalsSheet(input: ProposalsExportInput, proposals: readonly Proposal[]): HouseSheet {
  const { doc, includePersonalData } = input;
  const c = x.columns;
  const labs = new Map(doc.labs.map((l) => [l.id, l.name]));
  const units = new Map(doc.orgUnits.map((u) => [u.id, orgUnitLabel(u)]));
  // Number and title of the measure in separate columns: the number is what `import proposals` reads back.
  const measures = new Map(doc.measures.map((m) => [m.id, m]));
  const contacts = includePersonalData ? new Map(doc.contacts.map((k) => [k.proposalId, k])) : new Map<string, never>();
  const headers = [
    c.number,
    c.receivedOn,
    c.source,
    c.lab,
    c.district,
    c.area,
    c.category,
    c.text,
    c.assigned,
    c.state,
    c.stateReason,
    c.measure,
    c.measureTitle,
    c.feedback,
    c.feedbackOn,
  ];
  if (includePersonalData) headers.push(c.contactName, c.contactChannel, c.contactValue, c.consentOn);
  // Narrow enough to print one page wide: the long texts (Anregung, Begründung, Rückmeldung) wrap.
  const sheet = new TableSheet([
    { min: 10, max: 12 },
    { min: 10 },
    { max: 16 },
    { max: 20 },
    { max: 16 },
    { max: 18 },
    { max: 16 },
    { min: 30, max: 40 },
    { max: 20 },
    { max: 14 },
    { max: 24 },
    { min: 10, max: 12 },
    { max: 24 },
    { max: 30 },
    { min: 10 },
  ]);
  sheet.header(headers);
  for (const q of proposals) {
    const row: CellInput[] = [
      q.number,
      { date: q.receivedOn },
      p.proposalSources[q.source],
      q.labId ? labs.get(q.labId) : null,
      q.district ? districtName(q.district) : null,
      q.area,
      q.category,
      q.text,
      q.assignedOrgUnitId ? units.get(q.assignedOrgUnitId) : null,
      p.proposalStates[q.state],
      q.stateReason,
      q.measureId ? measures.get(q.measureId)?.number : null,
      q.measureId ? measures.get(q.measureId)?.title : null,
      q.feedbackText,
      { date: q.feedbackOn },
    ];
    const contact = contacts.get(q.id);
    if (contact) row.push(contact.name, p.contactChannels[contact.channel], contact.value, { date: contact.consentOn });
    sheet.add(row);
  }
  return { name: x.sheets.proposals, sheet: sheet.finish(), ...sheet.layout(), identifyingColumns: 1 };
}

function labsSheet(input: ProposalsExportInput, proposals: readonly Proposal[]): HouseSheet {
  const c = x.labColumns;
  const perLab = new Map<string, number>();
  for (const q of proposals) if (q.labId) perLab.set(q.labId, (perLab.get(q.labId) ?? 0) + 1);
  const labs = input.doc.labs.filter((l) => l.deletedAt === null).sort((a, b) => naturalOrder.compare(a.name, b.name));
  const sheet = new TableSheet([
    { min: 20, max: 30 },
    { max: 16 },
    { max: 18 },
    { max: 24 },
    {},
    { min: 10 },
    { min: 10 },
    { max: 36 },
    {},
    {},
    { max: 36 },
    {},
  ]);
  sheet.header([
    c.name,
    c.district,
    c.quarter,
    c.format,
    c.sessions,
    c.first,
    c.last,
    c.dates,
    c.invited,
    c.attending,
    c.topics,
    c.proposals,
  ]);
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
      sessions.map((s) => x.sessionEntry(formatDate(s.date), s.place)).join('; '),
      sessions.reduce((acc, s) => acc + (s.invitedCount ?? 0), 0),
      sessions.reduce((acc, s) => acc + (s.attendingCount ?? 0), 0),
      lab.topics.join('; '),
      perLab.get(lab.id) ?? 0,
    ]);
  }
  return { name: x.sheets.labs, sheet: sheet.finish(), ...sheet.layout(), identifyingColumns: 1 };
}

/** The sheets of the workbook (SheetJS cells and where title, header and totals are). */
export function buildProposalsSheets(input: ProposalsExportInput): HouseSheet[] {
  const proposals = exportedProposals(input.doc);
  return [overviewSheet(input, proposals), proposalsSheet(input, proposals), labsSheet(input, proposals)];
}

/** The Anregungen workbook as .xlsx bytes, in the house style. */
export async function writeProposalsXlsx(input: ProposalsExportInput, control: ExportControl = {}): Promise<Buffer> {
  const stand = localIsoDate(input.generatedAt);
  return writeHouseWorkbook(buildProposalsSheets(input), {
    title: x.title,
    subject: x.subject,
    keywords: x.keywords,
    description: x.comments(formatDate(stand)),
    author: x.author,
    company: x.company,
    stand,
    created: input.generatedAt,
    ...control,
  });
}
