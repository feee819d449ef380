/**
 * A council submission as OParl 1.1 (https://schema.oparl.org/1.1/): a `Paper` with its Beratungsfolge
 * as embedded `Consultation`s, the Word file as `mainFile` and the Anlagen as `auxiliaryFile`s, plus the
 * `Organization`s it refers to (bodies and offices). Field names follow the OParl/spec JSON schemas
 * (Paper, Consultation, File, Organization); whatever OParl has no field for is carried in extension
 * fields prefixed `dortmund:`, as the spec allows. Pure: data in, a JSON-ready object out.
 *
 * Ids and references are absolute URLs under the OParl-Basisadresse (the address where the exported
 * folder is published, e.g. "https://ratsinfo.dortmund.de/oparl/masterplan"): `<base>/paper/<id>`. The
 * Word file and the Anlagen are written beside the JSON; their `accessUrl`/`downloadUrl` are
 * `<base>/<file name>` and they carry `sha512Checksum`. `created`/`modified` come from the register
 * (never the export time); `File.date` is a date. Valid against the OParl 1.1 JSON schemas
 * (tests/fixtures/oparl-1.1).
 */
import type { Body } from '@shared/participation/body';
import type { ActionField } from '@shared/editions/edition';
import type { Measure } from '@shared/register/measure';
import { orgUnitLabel, type OrgUnit } from '@shared/register/orgUnit';
import { plainText, type Block } from '@shared/core/richText';
import type { StatusDefinition } from '@shared/register/status';
import { formatPrintNumber, type Consultation, type Submission } from '@shared/submissions/submission';
import { de } from '@shared/i18n/de';
import { sanitize, sanitizeLine, SectionNumbers } from '@main/export/documentBase';

export const OPARL = {
  paper: 'https://schema.oparl.org/1.1/Paper',
  consultation: 'https://schema.oparl.org/1.1/Consultation',
  file: 'https://schema.oparl.org/1.1/File',
  organization: 'https://schema.oparl.org/1.1/Organization',
} as const;

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface OparlFile {
  id: string;
  type: typeof OPARL.file;
  name: string;
  fileName: string;
  mimeType: string;
  /** The file's date (YYYY-MM-DD). */
  date: string;
  size?: number;
  accessUrl: string;
  downloadUrl: string;
  sha512Checksum?: string;
  created: string;
  modified: string;
  /** The register keeps SHA-256 of its Anlagen; carried as well. */
  'dortmund:sha256Checksum'?: string;
}

export interface OparlConsultation {
  id: string;
  type: typeof OPARL.consultation;
  paper: string;
  organization: string[];
  role: string;
  authoritative: boolean;
  created: string;
  modified: string;
  'dortmund:role': Consultation['role'];
  'dortmund:sessionDate': string | null;
  'dortmund:result': string;
  'dortmund:resultLabel': string;
  'dortmund:resultNote': string;
}

export interface OparlOrganization {
  id: string;
  type: typeof OPARL.organization;
  name: string;
  shortName?: string;
  organizationType: string;
  classification?: string;
  startDate?: string;
  endDate?: string;
  created: string;
  modified: string;
  'dortmund:kind': 'body' | 'orgUnit';
}

export interface OparlLinkedMeasure {
  id: string;
  number: string;
  title: string;
  status: string;
  statusLabel: string;
  actionField: string | null;
  underDirectionOf: string | null;
  plannedCents: number | null;
}

export interface OparlPaper {
  id: string;
  type: typeof OPARL.paper;
  body: string;
  name: string;
  reference?: string;
  date?: string;
  paperType: string;
  superordinatedPaper?: string[];
  underDirectionOf: string[];
  originatorOrganization: string[];
  consultation: OparlConsultation[];
  mainFile: OparlFile;
  auxiliaryFile: OparlFile[];
  created: string;
  modified: string;
  'dortmund:kind': Submission['kind'];
  'dortmund:status': Submission['status'];
  'dortmund:statusLabel': string;
  'dortmund:public': boolean;
  'dortmund:version': number;
  'dortmund:author': string;
  'dortmund:fileReference': string;
  'dortmund:involvedOrganization': string[];
  'dortmund:resolutions': { organization: string | null; text: string }[];
  'dortmund:statementText': string;
  'dortmund:finances': {
    hasImpact: boolean;
    rows: { year: number; investiveCents: number | null; consumptiveCents: number | null }[];
    totalCents: number;
    coverage: string;
  };
  'dortmund:personnel': string;
  'dortmund:climate': { impact: Submission['climateImpact']; label: string | null; reason: string };
  'dortmund:extraSections': { title: string; text: string }[];
  'dortmund:cosignatures': {
    organization: string | null;
    person: string;
    date: string | null;
    vote: string;
    voteLabel: string;
    note: string;
  }[];
  'dortmund:linkedMeasures': OparlLinkedMeasure[];
}

export interface SubmissionOparl {
  paper: OparlPaper;
  organizations: OparlOrganization[];
  'dortmund:registerId': string;
  'dortmund:generatedAt': string;
}

export interface SubmissionOparlInput {
  submission: Submission;
  registerId: string;
  /** The OParl-Basisadresse: an absolute http(s) URL (see oparlBaseUrl). */
  baseUrl: string;
  /** When the register was created: created/modified of the organisations, which keep no dates. */
  registerCreatedAt: string;
  bodies: readonly Body[];
  orgUnits: readonly OrgUnit[];
  statuses: readonly StatusDefinition[];
  actionFields: readonly ActionField[];
  measures: readonly Measure[];
  generatedAt: Date;
  /** The Word file exported with it, written beside the JSON. */
  mainFile: { fileName: string; size: number; sha512: string; sha256?: string };
  /** SHA-512 of each Anlage (by attachment id), as written beside the JSON under its file name. */
  attachmentSha512?: Readonly<Record<string, string>>;
  /** Accepted (the same input as the Word export) and ignored. */
  logo?: unknown;
  draft?: boolean;
}

const MIME_BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf',
  docx: DOCX_MIME,
  doc: 'application/msword',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xls: 'application/vnd.ms-excel',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  csv: 'text/csv',
  txt: 'text/plain',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  zip: 'application/zip',
  json: 'application/json',
};

export function mimeTypeOf(fileName: string): string {
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  return MIME_BY_EXTENSION[extension] ?? 'application/octet-stream';
}

/**
 * The OParl-Basisadresse as used in ids: an absolute http(s) URL without query, fragment or trailing
 * slash; null when the text is not one.
 */
export function oparlBaseUrl(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash || url.username || url.password) return null;
  return url.href.replace(/\/+$/, '');
}

/** Absolute URL of a file published beside the JSON (the name percent-encoded). */
function fileUrl(base: string, fileName: string): string {
  return `${base}/${encodeURIComponent(fileName)}`;
}

/** The date part (YYYY-MM-DD) of an ISO date-time. */
const dayOf = (iso: string) => iso.slice(0, 10);

/** Rich text as plain text, headings numbered as in the Word document. */
export function richTextToPlain(blocks: readonly Block[]): string {
  const numbers = new SectionNumbers();
  const parts: string[] = [];
  for (const b of blocks) {
    switch (b.type) {
      case 'heading':
        if (sanitizeLine(b.text)) parts.push(`${numbers.next(b.level)} ${sanitizeLine(b.text)}`);
        break;
      case 'paragraph': {
        const text = sanitize(plainText(b.runs)).trim();
        if (text) parts.push(text);
        break;
      }
      case 'bulletList':
      case 'numberedList': {
        const items = b.items.map((item) => sanitizeLine(plainText(item))).filter((text) => text !== '');
        if (items.length > 0) parts.push(items.map((text, i) => (b.type === 'bulletList' ? `- ${text}` : `${i + 1}. ${text}`)).join('\n'));
        break;
      }
      case 'table':
        parts.push(b.rows.map((row) => row.map(sanitizeLine).join(' | ')).join('\n'));
        break;
    }
  }
  return parts.join('\n\n');
}

/** The submission as an OParl 1.1 Paper and the organisations it refers to. */
export function buildSubmissionOparl(input: SubmissionOparlInput): SubmissionOparl {
  const s = input.submission;
  const submissionTexts = de.submission;
  const submissionDocumentTexts = de.submission.document;
  const base = oparlBaseUrl(input.baseUrl);
  if (!base) throw new Error(submissionDocumentTexts.oparlBadBaseUrl(input.baseUrl));
  const urn = (...parts: string[]) => `${base}/${parts.map(encodeURIComponent).join('/')}`;
  const generatedAt = input.generatedAt.toISOString();
  const orgStamp = input.registerCreatedAt;
  const paperId = urn('paper', s.id);
  const number = formatPrintNumber(s);

  // Organisations, collected as they are referenced, each once.
  const bodies = new Map(input.bodies.map((b) => [b.id, b]));
  const units = new Map(input.orgUnits.map((u) => [u.id, u]));
  const organizations = new Map<string, OparlOrganization>();
  const bodyRef = (id: string | null): string | null => {
    if (id === null) return null;
    const ref = urn('organization', 'body', id);
    const body = bodies.get(id);
    // No dangling references: a body no longer in the list is left out.
    if (!body) return null;
    if (!organizations.has(ref))
      organizations.set(ref, {
        id: ref,
        type: OPARL.organization,
        name: sanitizeLine(body.name),
        ...(body.shortName ? { shortName: sanitizeLine(body.shortName) } : {}),
        organizationType: submissionDocumentTexts.oparlOrganizationType.body,
        classification: submissionDocumentTexts.oparlClassification[body.kind],
        created: orgStamp,
        modified: orgStamp,
        'dortmund:kind': 'body',
      });
    return ref;
  };
  const unitRef = (id: string | null): string | null => {
    if (id === null) return null;
    const ref = urn('organization', 'orgUnit', id);
    const unit = units.get(id);
    if (!unit) return null;
    if (!organizations.has(ref))
      organizations.set(ref, {
        id: ref,
        type: OPARL.organization,
        name: sanitizeLine(orgUnitLabel(unit)),
        ...(unit.code ? { shortName: sanitizeLine(unit.code) } : {}),
        organizationType: submissionDocumentTexts.oparlOrganizationType[unit.kind],
        ...(unit.validFrom ? { startDate: unit.validFrom } : {}),
        ...(unit.validTo ? { endDate: unit.validTo } : {}),
        created: orgStamp,
        modified: orgStamp,
        'dortmund:kind': 'orgUnit',
      });
    return ref;
  };
  const refs = (ids: readonly (string | null)[], ref: (id: string | null) => string | null) =>
    ids.map(ref).filter((r): r is string => r !== null);

  const consultation: OparlConsultation[] = s.consultations.map((row) => ({
    id: urn('consultation', s.id, row.id),
    type: OPARL.consultation,
    paper: paperId,
    organization: refs([row.bodyId], bodyRef),
    role: submissionTexts.roles[row.role],
    authoritative: row.role === 'beschluss' || row.role === 'entscheidung',
    created: s.createdAt,
    modified: s.updatedAt,
    'dortmund:role': row.role,
    'dortmund:sessionDate': row.sessionDate,
    'dortmund:result': row.result,
    'dortmund:resultLabel': submissionTexts.results[row.result],
    'dortmund:resultNote': sanitizeLine(row.resultNote),
  }));

  const mainFile: OparlFile = {
    id: urn('file', s.id, 'main'),
    type: OPARL.file,
    name: submissionDocumentTexts.oparlMainFile(number),
    fileName: input.mainFile.fileName,
    mimeType: DOCX_MIME,
    // The Word file is made from the Vorlage as last changed: its date and times are the Vorlage's.
    date: dayOf(s.updatedAt),
    size: input.mainFile.size,
    accessUrl: fileUrl(base, input.mainFile.fileName),
    downloadUrl: fileUrl(base, input.mainFile.fileName),
    sha512Checksum: input.mainFile.sha512,
    created: s.createdAt,
    modified: s.updatedAt,
    ...(input.mainFile.sha256 ? { 'dortmund:sha256Checksum': input.mainFile.sha256 } : {}),
  };

  const auxiliaryFile: OparlFile[] = s.attachments.map((a) => ({
    id: urn('file', s.id, a.id),
    type: OPARL.file,
    name: sanitizeLine(a.title) || sanitizeLine(a.fileName),
    fileName: sanitizeLine(a.fileName),
    mimeType: mimeTypeOf(a.fileName),
    date: dayOf(a.addedAt),
    size: a.size,
    accessUrl: fileUrl(base, sanitizeLine(a.fileName)),
    downloadUrl: fileUrl(base, sanitizeLine(a.fileName)),
    ...(input.attachmentSha512?.[a.id] ? { sha512Checksum: input.attachmentSha512[a.id] } : {}),
    created: a.addedAt,
    modified: a.addedAt,
    'dortmund:sha256Checksum': a.sha256,
  }));

  const statuses = new Map(input.statuses.map((st) => [st.key, st.label]));
  const actionFields = new Map(input.actionFields.map((f) => [f.id, f.code]));
  const measures = new Map(input.measures.filter((m) => !m.deletedAt).map((m) => [m.id, m]));
  const linkedMeasures: OparlLinkedMeasure[] = [...new Set(s.linkedMeasureIds)]
    .map((id) => measures.get(id))
    .filter((m): m is Measure => m !== undefined)
    .map((m) => {
      const planned = m.budget.filter((b) => b.plannedCents !== null);
      return {
        id: urn('measure', m.id),
        number: m.number,
        title: sanitizeLine(m.title),
        status: m.status,
        statusLabel: statuses.get(m.status) ?? m.status,
        actionField: actionFields.get(m.actionFieldId) ?? null,
        underDirectionOf: unitRef(m.leadOrgUnitId),
        plannedCents: planned.length > 0 ? planned.reduce((sum, b) => sum + (b.plannedCents ?? 0), 0) : null,
      };
    });

  const rows = [...s.finances.rows].sort((a, b) => a.year - b.year);
  const paper: OparlPaper = {
    id: paperId,
    type: OPARL.paper,
    body: urn('body'),
    name: sanitizeLine(s.subject) || submissionDocumentTexts.noSubject,
    ...(number ? { reference: number } : {}),
    ...(s.date ? { date: s.date } : {}),
    paperType: submissionTexts.kinds[s.kind],
    // A follow-up (-E1) is subordinate to the Vorlage it supplements.
    ...(s.baseSubmissionId ? { superordinatedPaper: [urn('paper', s.baseSubmissionId)] } : {}),
    underDirectionOf: refs([s.leadOrgUnitId], unitRef),
    originatorOrganization: refs([s.departmentOrgUnitId], unitRef),
    consultation,
    mainFile,
    auxiliaryFile,
    created: s.createdAt,
    modified: s.updatedAt,
    'dortmund:kind': s.kind,
    'dortmund:status': s.status,
    'dortmund:statusLabel': submissionTexts.statuses[s.status],
    'dortmund:public': s.isPublic,
    'dortmund:version': s.version,
    'dortmund:author': sanitizeLine(s.author),
    'dortmund:fileReference': sanitizeLine(s.fileReference),
    'dortmund:involvedOrganization': refs(s.involvedOrgUnitIds, unitRef),
    'dortmund:resolutions': s.resolutions.map((r) => ({ organization: bodyRef(r.bodyId), text: sanitize(r.text).trim() })),
    'dortmund:statementText': richTextToPlain(s.statement),
    'dortmund:finances': {
      hasImpact: s.finances.hasImpact,
      rows: rows.map((r) => ({ year: r.year, investiveCents: r.investiveCents, consumptiveCents: r.consumptiveCents })),
      totalCents: rows.reduce((sum, r) => sum + (r.investiveCents ?? 0) + (r.consumptiveCents ?? 0), 0),
      coverage: sanitize(s.finances.coverage).trim(),
    },
    'dortmund:personnel': sanitize(s.personnel).trim(),
    'dortmund:climate': {
      impact: s.climateImpact,
      label: s.climateImpact ? submissionTexts.climate[s.climateImpact] : null,
      reason: sanitize(s.climateReason).trim(),
    },
    'dortmund:extraSections': s.extraSections.map((x) => ({ title: sanitizeLine(x.title), text: richTextToPlain(x.body) })),
    'dortmund:cosignatures': s.cosignatures.map((c) => ({
      organization: unitRef(c.orgUnitId),
      person: sanitizeLine(c.person),
      date: c.date,
      vote: c.vote,
      voteLabel: submissionTexts.votes[c.vote],
      note: sanitizeLine(c.note),
    })),
    'dortmund:linkedMeasures': linkedMeasures,
  };

  return {
    paper,
    organizations: [...organizations.values()],
    'dortmund:registerId': input.registerId,
    'dortmund:generatedAt': generatedAt,
  };
}
