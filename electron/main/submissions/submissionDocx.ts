/**
 * A council submission (Ratsvorlage / Drucksache) as a Word document, on the shared document base.
 * Pure: the submission and the register data it refers to in, .docx bytes out.
 *
 * Layout (DIN 5008, Dortmund's order of sections): running header "Drucksache Nr.: …" with
 * "nichtöffentlich" / "ENTWURF" markings on every page; optional logo; the Betreff as the document title;
 * the head lines (Drucksache-Nr., Datum, Vorlagenart, Status, Dezernat, federführend, beteiligt,
 * Bearbeiter/in, Aktenzeichen, Öffentlichkeit); then Beratungsfolge, Beschlussvorschlag, Sachverhalt /
 * Begründung, Finanzielle, Personelle und Klimaschutz-Auswirkungen, further sections, Mitzeichnung,
 * Anlagen and the affected measures. The standard sections always appear (with "—" when empty); list
 * sections without entries (Mitzeichnung, Anlagen, Maßnahmen) are left out.
 */
import type { Document, Paragraph, Table } from 'docx';
import type { Body } from '@shared/participation/body';
import type { ActionField } from '@shared/editions/edition';
import type { Measure } from '@shared/register/measure';
import { orgUnitLabel, type OrgUnit } from '@shared/register/orgUnit';
import type { StatusDefinition } from '@shared/register/status';
import { formatPrintNumber, type Submission } from '@shared/submissions/submission';
import { formatDate, formatMoney } from '@shared/core/format';
import { de } from '@shared/i18n/de';
import {
  createBaseDocument,
  dataTable,
  heading,
  imageParagraph,
  labelLine,
  Lists,
  packDocument,
  para,
  plainTextContent,
  richTextContent,
  sanitize,
  sanitizeLine,
  SectionNumbers,
  title,
  type CellValue,
  type DocumentImage,
  type DocumentProperties,
} from '@main/export/documentBase';

export interface SubmissionDocxInput {
  submission: Submission;
  bodies: readonly Body[];
  orgUnits: readonly OrgUnit[];
  statuses: readonly StatusDefinition[];
  actionFields: readonly ActionField[];
  /** The register's measures; the document lists those the submission links (not in the Papierkorb). */
  measures: readonly Measure[];
  logo?: DocumentImage | null;
  generatedAt: Date;
  /** Exported although incomplete: "ENTWURF" in the running header. */
  draft?: boolean;
}

const t = de.submission;
const d = de.submission.document;
const EMPTY = d.empty;

type Block = Paragraph | Table;

/** `2025-03-04` of a moment in local time, for "Erstellt am". */
function localIsoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const orEmpty = (text: string) => (sanitizeLine(text) === '' ? EMPTY : text);
const subjectOf = (s: Submission) => sanitizeLine(s.subject) || d.noSubject;

/** "1.234,56 €" with its no-break space kept, as a table cell. */
const money = (cents: number): CellValue => [{ text: formatMoney(cents), verbatim: true }];

/** Lookups of the register data, built once per document. */
function lookups(input: SubmissionDocxInput) {
  const bodies = new Map(input.bodies.map((b) => [b.id, b]));
  const units = new Map(input.orgUnits.map((u) => [u.id, u]));
  const statuses = new Map(input.statuses.map((s) => [s.key, s]));
  return {
    body: (id: string | null) => (id === null ? null : (bodies.get(id)?.name ?? d.unknownBody)),
    unit: (id: string | null) => {
      if (id === null) return EMPTY;
      const unit = units.get(id);
      return unit ? orgUnitLabel(unit) : d.unknownOrgUnit;
    },
    status: (key: string) => statuses.get(key)?.label ?? d.unknownStatus(key),
  };
}

type Lookups = ReturnType<typeof lookups>;

function headBlock(s: Submission, look: Lookups): Paragraph[] {
  const number = formatPrintNumber(s);
  const f = d.field;
  return [
    labelLine(f.printNumber, number || t.noNumber),
    labelLine(f.date, formatDate(s.date) || EMPTY),
    labelLine(f.kind, t.kinds[s.kind]),
    labelLine(f.status, t.statuses[s.status]),
    labelLine(f.department, look.unit(s.departmentOrgUnitId)),
    labelLine(f.lead, look.unit(s.leadOrgUnitId)),
    labelLine(f.involved, s.involvedOrgUnitIds.length > 0 ? s.involvedOrgUnitIds.map((id) => look.unit(id)).join('; ') : EMPTY),
    labelLine(f.author, orEmpty(s.author)),
    labelLine(f.fileReference, orEmpty(s.fileReference)),
    labelLine(f.publicity, s.isPublic ? t.publicLabel : t.nonPublicLabel),
  ];
}

function consultations(s: Submission, look: Lookups): Block[] {
  const out: Block[] = [heading(1, t.sections.consultations)];
  if (s.consultations.length === 0) return [...out, para(EMPTY)];
  const c = d.consultationColumns;
  const rows = s.consultations.map((row) => [
    look.body(row.bodyId) ?? EMPTY,
    formatDate(row.sessionDate) || EMPTY,
    t.roles[row.role],
    row.resultNote.trim() ? `${t.results[row.result]}: ${row.resultNote.trim()}` : t.results[row.result],
  ]);
  out.push(
    dataTable(
      [
        { header: c.body, weight: 40 },
        { header: c.date, weight: 19 },
        { header: c.role, weight: 19 },
        { header: c.result, weight: 22 },
      ],
      rows,
    ),
  );
  return out;
}

function resolutions(s: Submission, look: Lookups, lists: Lists): Block[] {
  const out: Block[] = [heading(1, t.sections.resolution)];
  const filled = s.resolutions.filter((r) => r.text.trim() !== '');
  if (filled.length === 0) return [...out, para(EMPTY)];
  const general = filled.length === 1 && filled[0]!.bodyId === null;
  for (const r of filled) {
    if (!general) out.push(heading(2, look.body(r.bodyId) ?? d.resolutionAllBodies));
    out.push(...plainTextContent(r.text, lists));
  }
  return out;
}

function statement(s: Submission, lists: Lists): Block[] {
  const content = richTextContent(s.statement, { lists, numbers: new SectionNumbers(), headingBase: 2 });
  return [heading(1, t.sections.statement), ...(content.length > 0 ? content : [para(EMPTY)])];
}

function finances(s: Submission, lists: Lists): Block[] {
  const out: Block[] = [heading(1, t.sections.finances)];
  const f = s.finances;
  if (!f.hasImpact) return [...out, para(t.financesNone)];
  const rows = [...f.rows].sort((a, b) => a.year - b.year);
  if (rows.length > 0) {
    const c = d.financeColumns;
    const amount = (cents: number | null) => (cents === null ? EMPTY : money(cents));
    let investive = 0;
    let consumptive = 0;
    const body = rows.map((r) => {
      investive += r.investiveCents ?? 0;
      consumptive += r.consumptiveCents ?? 0;
      return [String(r.year), amount(r.investiveCents), amount(r.consumptiveCents), money((r.investiveCents ?? 0) + (r.consumptiveCents ?? 0))];
    });
    out.push(
      dataTable(
        [
          { header: c.year, weight: 16 },
          { header: c.investive, weight: 28, align: 'right' },
          { header: c.consumptive, weight: 28, align: 'right' },
          { header: c.sum, weight: 28, align: 'right' },
        ],
        body,
        { totalRows: [{ label: d.total, values: [money(investive), money(consumptive), money(investive + consumptive)] }] },
      ),
    );
  }
  if (f.coverage.trim() !== '') out.push(heading(2, d.coverage), ...plainTextContent(f.coverage, lists));
  return out;
}

function personnel(s: Submission, lists: Lists): Block[] {
  const content = s.personnel.trim() === '' ? [para(t.personnelNone)] : plainTextContent(s.personnel, lists);
  return [heading(1, t.sections.personnel), ...content];
}

function climate(s: Submission, lists: Lists): Block[] {
  const assessment = s.climateImpact ? t.climate[s.climateImpact] : EMPTY;
  const out: Block[] = [heading(1, t.sections.climate), labelLine(d.climateAssessment, assessment)];
  const lines = sanitize(s.climateReason)
    .split('\n')
    .filter((l) => l.trim() !== '');
  // One line sits beside its label; a longer reasoning follows the label as paragraphs and lists.
  if (lines.length <= 1) out.push(labelLine(d.climateReason, lines[0] ?? EMPTY));
  else out.push(labelLine(d.climateReason, ''), ...plainTextContent(s.climateReason, lists));
  return out;
}

function extraSections(s: Submission, lists: Lists): Block[] {
  const out: Block[] = [];
  for (const section of s.extraSections) {
    const content = richTextContent(section.body, { lists, numbers: new SectionNumbers(), headingBase: 2 });
    if (section.title.trim() === '' && content.length === 0) continue;
    out.push(heading(1, orEmpty(section.title)), ...(content.length > 0 ? content : [para(EMPTY)]));
  }
  return out;
}

function cosignatures(s: Submission, look: Lookups): Block[] {
  if (s.cosignatures.length === 0) return [];
  const c = d.cosignColumns;
  const rows = s.cosignatures.map((row) => [
    look.unit(row.orgUnitId),
    orEmpty(row.person),
    formatDate(row.date) || EMPTY,
    row.note.trim() ? `${t.votes[row.vote]}: ${row.note.trim()}` : t.votes[row.vote],
  ]);
  return [
    heading(1, t.sections.cosignatures),
    dataTable(
      [
        { header: c.unit, weight: 38 },
        { header: c.person, weight: 22 },
        { header: c.date, weight: 14 },
        { header: c.vote, weight: 26 },
      ],
      rows,
    ),
  ];
}

function attachments(s: Submission, lists: Lists): Block[] {
  if (s.attachments.length === 0) return [];
  const items = s.attachments.map((a) => {
    const size = d.kilobytes(Math.max(1, Math.ceil(a.size / 1024)));
    const name = a.title.trim() || a.fileName;
    return [{ text: name }, { text: ` ${d.attachmentLine(a.fileName, size)}` }];
  });
  return [heading(1, t.sections.attachments), ...lists.list('numbered', items)];
}

const naturalOrder = new Intl.Collator('de-DE', { numeric: true, sensitivity: 'base' });

function linkedMeasures(s: Submission, input: SubmissionDocxInput, look: Lookups): Block[] {
  const byId = new Map(input.measures.filter((m) => !m.deletedAt).map((m) => [m.id, m]));
  const linked = [...new Set(s.linkedMeasureIds)].map((id) => byId.get(id)).filter((m): m is Measure => m !== undefined);
  if (linked.length === 0) return [];
  linked.sort((a, b) => naturalOrder.compare(a.number, b.number));
  const c = d.measureColumns;
  let total = 0;
  let anyPlanned = false;
  const rows = linked.map((m) => {
    const planned = m.budget.filter((b) => b.plannedCents !== null);
    const sum = planned.reduce((acc, b) => acc + (b.plannedCents ?? 0), 0);
    total += sum;
    anyPlanned ||= planned.length > 0;
    return [m.number, m.title, look.status(m.status), look.unit(m.leadOrgUnitId), planned.length > 0 ? money(sum) : EMPTY];
  });
  return [
    heading(1, t.sections.measures),
    dataTable(
      [
        { header: c.number, weight: 12 },
        { header: c.title, weight: 25 },
        { header: c.status, weight: 20 },
        { header: c.lead, weight: 26 },
        { header: c.budget, weight: 17, align: 'right' },
      ],
      rows,
      { totalRows: [{ label: d.measuresTotal(linked.length), values: [anyPlanned ? money(total) : EMPTY] }] },
    ),
  ];
}

function properties(s: Submission, generatedAt: Date): DocumentProperties {
  const number = formatPrintNumber(s);
  const kind = t.kinds[s.kind];
  const author = s.author.trim() || de.appName;
  return {
    title: subjectOf(s),
    subject: d.propertiesSubject(kind, number),
    creator: author,
    keywords: [...d.keywords, kind, ...(number ? [number] : [])],
    description: d.propertiesDescription(formatDate(localIsoDate(generatedAt))),
    lastModifiedBy: author,
    created: s.createdAt,
    modified: generatedAt,
  };
}

/** The docx Document and its properties, not yet packed. */
export function prepareSubmissionDocument(input: SubmissionDocxInput): { document: Document; properties: DocumentProperties } {
  const s = input.submission;
  const look = lookups(input);
  const lists = new Lists();
  const number = formatPrintNumber(s);
  const marks = [...(input.draft ? [d.draftMark] : []), ...(s.isPublic ? [] : [t.nonPublicLabel])];
  const logo = input.logo ? imageParagraph(input.logo, 'right') : null;

  const children: Block[] = [
    ...(logo ? [logo] : []),
    title(subjectOf(s)),
    ...headBlock(s, look),
    ...consultations(s, look),
    ...resolutions(s, look, lists),
    ...statement(s, lists),
    ...finances(s, lists),
    ...personnel(s, lists),
    ...climate(s, lists),
    ...extraSections(s, lists),
    ...cosignatures(s, look),
    ...attachments(s, lists),
    ...linkedMeasures(s, input, look),
  ];
  const props = properties(s, input.generatedAt);
  const document = createBaseDocument(
    {
      properties: props,
      header: { left: number ? d.runningHeader(number) : d.runningHeaderNoNumber, right: marks.join(' · ') || undefined },
      footerLeft: d.generatedOn(formatDate(localIsoDate(input.generatedAt))),
      children,
    },
    { page: d.page, of: d.pageOf },
  );
  return { document, properties: props };
}

/** The docx Document of a submission, for packing (the benchmark measures packing alone with it). */
export function createSubmissionDocument(input: SubmissionDocxInput): Document {
  return prepareSubmissionDocument(input).document;
}

/** The submission as .docx bytes. */
export async function buildSubmissionDocx(input: SubmissionDocxInput): Promise<Buffer> {
  const { document, properties: props } = prepareSubmissionDocument(input);
  return packDocument(document, props);
}
