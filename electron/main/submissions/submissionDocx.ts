/**
 * A council submission (Ratsvorlage / Drucksache) as a Word document, on the shared document base.
 * Pure: the submission and the register data it refers to in, .docx bytes out.
 *
 * Layout (DIN 5008, Dortmund's order of sections): running header "Drucksache Nr.: …" with
 * "nichtöffentlich" / "ENTWURF" markings on every page; optional logo; the Betreff as the document title;
 * the head lines (Drucksache Nr., Datum, Vorlagenart, Dezernat, Federführend, Beteiligt, Bearbeiter/in,
 * Aktenzeichen, Öffentlichkeit); then Beratungsfolge, Beschlussvorschlag, Sachverhalt / Begründung,
 * Finanzielle, Personelle und Klimaschutz-Auswirkungen, further sections, Mitzeichnung, Anlagen and the
 * affected measures.
 *
 * State decides what is printed: a Vorlage not yet released (Entwurf, Mitzeichnung) is always marked
 * ENTWURF on every page, whatever the caller asks; the app's internal workflow status is never printed.
 * No heading is printed without content under it: an empty section is left out, and the
 * Beschlussvorschlag of a Mitteilung or Stellungnahme appears only when one is written.
 */
import type { Document, Paragraph, Table } from 'docx';
import type { Body } from '@shared/participation/body';
import type { ActionField } from '@shared/editions/edition';
import type { Measure } from '@shared/register/measure';
import { orgUnitLabel, type OrgUnit } from '@shared/register/orgUnit';
import type { StatusDefinition } from '@shared/register/status';
import { formatPrintNumber, type Submission } from '@shared/submissions/submission';
import { isReleased } from '@shared/submissions/submissionRules';
import { formatDate, formatMoney, formatFileSize } from '@shared/core/format';
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

const submissionTexts = de.submission;
const submissionDocumentTexts = de.submission.document;
const EMPTY = submissionDocumentTexts.empty;

type Block = Paragraph | Table;

/** `2025-03-04` of a moment in local time, for "Erstellt am". */
function localIsoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const orEmpty = (text: string) => (sanitizeLine(text) === '' ? EMPTY : text);
const subjectOf = (s: Submission) => sanitizeLine(s.subject) || submissionDocumentTexts.noSubject;

/** "1.234,56 €" with its no-break space kept, as a table cell. */
const money = (cents: number): CellValue => [{ text: formatMoney(cents), verbatim: true }];

/** Lookups of the register data, built once per document. */
function lookups(input: SubmissionDocxInput) {
  const bodies = new Map(input.bodies.map((b) => [b.id, b]));
  const units = new Map(input.orgUnits.map((u) => [u.id, u]));
  const statuses = new Map(input.statuses.map((s) => [s.key, s]));
  return {
    body: (id: string | null) => (id === null ? null : (bodies.get(id)?.name ?? submissionDocumentTexts.unknownBody)),
    unit: (id: string | null) => {
      if (id === null) return EMPTY;
      const unit = units.get(id);
      return unit ? orgUnitLabel(unit) : submissionDocumentTexts.unknownOrgUnit;
    },
    status: (key: string) => statuses.get(key)?.label ?? submissionDocumentTexts.unknownStatus(key),
  };
}

type Lookups = ReturnType<typeof lookups>;

function headBlock(s: Submission, look: Lookups): Paragraph[] {
  const number = formatPrintNumber(s);
  const f = submissionDocumentTexts.field;
  return [
    labelLine(f.printNumber, number || submissionTexts.noNumber),
    labelLine(f.date, formatDate(s.date) || EMPTY),
    labelLine(f.kind, submissionTexts.kinds[s.kind]),
    labelLine(f.department, look.unit(s.departmentOrgUnitId)),
    labelLine(f.lead, look.unit(s.leadOrgUnitId)),
    labelLine(f.involved, s.involvedOrgUnitIds.length > 0 ? s.involvedOrgUnitIds.map((id) => look.unit(id)).join('; ') : EMPTY),
    labelLine(f.author, orEmpty(s.author)),
    labelLine(f.fileReference, orEmpty(s.fileReference)),
    labelLine(f.publicity, s.isPublic ? submissionTexts.publicLabel : submissionTexts.nonPublicLabel),
  ];
}

function consultations(s: Submission, look: Lookups): Block[] {
  if (s.consultations.length === 0) return [];
  const out: Block[] = [heading(1, submissionTexts.sections.consultations)];
  const c = submissionDocumentTexts.consultationColumns;
  const rows = s.consultations.map((row) => [
    look.body(row.bodyId) ?? EMPTY,
    formatDate(row.sessionDate) || EMPTY,
    submissionTexts.roles[row.role],
    row.resultNote.trim() ? `${submissionTexts.results[row.result]}: ${row.resultNote.trim()}` : submissionTexts.results[row.result],
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
  const filled = s.resolutions.filter((r) => sanitize(r.text).trim() !== '');
  // Deciding kinds need one (the completeness check says so); a draft without one prints no empty heading.
  if (filled.length === 0) return [];
  const out: Block[] = [heading(1, submissionTexts.sections.resolution)];
  const general = filled.length === 1 && filled[0]!.bodyId === null;
  for (const r of filled) {
    if (!general) out.push(heading(2, look.body(r.bodyId) ?? submissionDocumentTexts.resolutionAllBodies));
    out.push(...plainTextContent(r.text, lists));
  }
  return out;
}

function statement(s: Submission, lists: Lists): Block[] {
  const content = richTextContent(s.statement, { lists, numbers: new SectionNumbers(), headingBase: 2 });
  return content.length > 0 ? [heading(1, submissionTexts.sections.statement), ...content] : [];
}

function finances(s: Submission, lists: Lists): Block[] {
  const out: Block[] = [heading(1, submissionTexts.sections.finances)];
  const f = s.finances;
  if (!f.hasImpact) return [...out, para(submissionTexts.financesNone)];
  const rows = [...f.rows].sort((a, b) => a.year - b.year);
  if (rows.length > 0) {
    const c = submissionDocumentTexts.financeColumns;
    const amount = (cents: number | null) => (cents === null ? EMPTY : money(cents));
    let investive = 0;
    let consumptive = 0;
    const body = rows.map((r) => {
      investive += r.investiveCents ?? 0;
      consumptive += r.consumptiveCents ?? 0;
      return [
        String(r.year),
        amount(r.investiveCents),
        amount(r.consumptiveCents),
        money((r.investiveCents ?? 0) + (r.consumptiveCents ?? 0)),
      ];
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
        {
          totalRows: [
            { label: submissionDocumentTexts.total, values: [money(investive), money(consumptive), money(investive + consumptive)] },
          ],
        },
      ),
    );
  }
  if (f.coverage.trim() !== '') out.push(heading(2, submissionDocumentTexts.coverage), ...plainTextContent(f.coverage, lists));
  return out;
}

function personnel(s: Submission, lists: Lists): Block[] {
  const content = s.personnel.trim() === '' ? [para(submissionTexts.personnelNone)] : plainTextContent(s.personnel, lists);
  return [heading(1, submissionTexts.sections.personnel), ...content];
}

function climate(s: Submission, lists: Lists): Block[] {
  if (s.climateImpact === null && sanitize(s.climateReason).trim() === '') return [];
  const assessment = s.climateImpact ? submissionTexts.climate[s.climateImpact] : EMPTY;
  const out: Block[] = [heading(1, submissionTexts.sections.climate), labelLine(submissionDocumentTexts.climateAssessment, assessment)];
  const lines = sanitize(s.climateReason)
    .split('\n')
    .filter((l) => l.trim() !== '');
  // One line sits beside its label; a longer reasoning follows the label as paragraphs and lists.
  if (lines.length <= 1) out.push(labelLine(submissionDocumentTexts.climateReason, lines[0] ?? EMPTY));
  else out.push(labelLine(submissionDocumentTexts.climateReason, ''), ...plainTextContent(s.climateReason, lists));
  return out;
}

function extraSections(s: Submission, lists: Lists): Block[] {
  const out: Block[] = [];
  for (const section of s.extraSections) {
    const content = richTextContent(section.body, { lists, numbers: new SectionNumbers(), headingBase: 2 });
    // A section is printed with its text only: no heading over nothing, no text without a heading.
    if (content.length === 0) continue;
    out.push(heading(1, sanitizeLine(section.title) || submissionTexts.sections.further), ...content);
  }
  return out;
}

function cosignatures(s: Submission, look: Lookups): Block[] {
  if (s.cosignatures.length === 0) return [];
  const c = submissionDocumentTexts.cosignColumns;
  const rows = s.cosignatures.map((row) => [
    look.unit(row.orgUnitId),
    orEmpty(row.person),
    formatDate(row.date) || EMPTY,
    row.note.trim() ? `${submissionTexts.votes[row.vote]}: ${row.note.trim()}` : submissionTexts.votes[row.vote],
  ]);
  return [
    heading(1, submissionTexts.sections.cosignatures),
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
    const size = formatFileSize(a.size);
    const name = a.title.trim() || a.fileName;
    return [{ text: name }, { text: ` ${submissionDocumentTexts.attachmentLine(a.fileName, size)}` }];
  });
  return [heading(1, submissionTexts.sections.attachments), ...lists.list('numbered', items)];
}

const naturalOrder = new Intl.Collator('de-DE', { numeric: true, sensitivity: 'base' });

function linkedMeasures(s: Submission, input: SubmissionDocxInput, look: Lookups): Block[] {
  const byId = new Map(input.measures.filter((m) => !m.deletedAt).map((m) => [m.id, m]));
  const linked = [...new Set(s.linkedMeasureIds)].map((id) => byId.get(id)).filter((m): m is Measure => m !== undefined);
  if (linked.length === 0) return [];
  linked.sort((a, b) => naturalOrder.compare(a.number, b.number));
  const c = submissionDocumentTexts.measureColumns;
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
    heading(1, submissionTexts.sections.measures),
    dataTable(
      [
        { header: c.number, weight: 12 },
        { header: c.title, weight: 25 },
        { header: c.status, weight: 20 },
        { header: c.lead, weight: 26 },
        { header: c.budget, weight: 17, align: 'right' },
      ],
      rows,
      { totalRows: [{ label: submissionDocumentTexts.measuresTotal(linked.length), values: [anyPlanned ? money(total) : EMPTY] }] },
    ),
  ];
}

function properties(s: Submission, generatedAt: Date): DocumentProperties {
  const number = formatPrintNumber(s);
  const kind = submissionTexts.kinds[s.kind];
  const author = s.author.trim() || de.appName;
  return {
    title: subjectOf(s),
    subject: submissionDocumentTexts.propertiesSubject(kind, number),
    creator: author,
    keywords: [...submissionDocumentTexts.keywords, kind, ...(number ? [number] : [])],
    description: submissionDocumentTexts.propertiesDescription(formatDate(localIsoDate(generatedAt))),
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
  // Not released yet: ENTWURF on every page even when the caller did not ask for a draft.
  const draft = input.draft || !isReleased(s.status);
  const marks = [...(draft ? [submissionDocumentTexts.draftMark] : []), ...(s.isPublic ? [] : [submissionTexts.nonPublicLabel])];
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
      header: {
        left: number ? submissionDocumentTexts.runningHeader(number) : submissionDocumentTexts.runningHeaderNoNumber,
        right: marks.join(' · ') || undefined,
      },
      footerLeft: submissionDocumentTexts.generatedOn(formatDate(localIsoDate(input.generatedAt))),
      children,
    },
    { page: submissionDocumentTexts.page, of: submissionDocumentTexts.pageOf },
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
