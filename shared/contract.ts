import { z } from 'zod';
import type { AuditEntry } from './domain/audit';
import { bodySchema, type Body } from './domain/body';
import { submissionFieldsSchema, type Submission } from './domain/submission';
import type { FieldDiff } from './domain/submissionDiff';
import {
  assessmentFieldsSchema,
  evaluationRoundFieldsSchema,
  indicatorFieldsSchema,
  type Assessment,
  type EvaluationRound,
  type ImportRecord,
  type Indicator,
} from './domain/evaluation';
import type { EvaluationRow } from './domain/evaluationOverview';
import type { Overview } from './domain/overview';
import { columnMappingSchema, IMPORT_KINDS, type ColumnMapping, type ImportKind, type ImportPreview } from './domain/importMapping';
import type { ActionField, Edition } from './domain/edition';
import { actionFieldSchema } from './domain/edition';
import { measureFieldsSchema, type Measure } from './domain/measure';
import { orgUnitSchema, type OrgUnit } from './domain/orgUnit';
import { id, singleLineText } from './domain/primitives';
import type { FieldProblem } from './domain/rules';
import type { MeasureRow } from './domain/search';
import { appSettingsSchema, type AppSettings } from './domain/settings';
import { statusDefinitionSchema, type StatusDefinition } from './domain/status';
import { de } from './i18n/de';
import { METHOD_NAMES, type MenuCommand } from './methods';
import { reviewContract } from './reviewContract';
import { editionsContract } from './editionsContract';
import { participationContract } from './participationContract';

export { METHOD_NAMES, MENU_COMMANDS, IPC_PREFIX, MENU_CHANNEL, type MenuCommand } from './methods';

/**
 * The one API between the window and the main process. Each entry declares the request schema (checked
 * in main for every call) and the response type. The preload, the renderer's client and the browser
 * test harness are all generated from this object, so no call exists that is not declared here.
 */

export type ErrorCode =
  | 'BAD_REQUEST'
  | 'FORBIDDEN'
  | 'VALIDATION'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'IN_USE'
  | 'READ_ONLY'
  | 'NO_REGISTER'
  | 'WRITE_FAILED'
  | 'LOCK'
  | 'INTERNAL';

export interface ApiError {
  code: ErrorCode;
  /** German, ready to show. */
  message: string;
  /** Field-level problems for forms. */
  fields?: FieldProblem[];
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export interface LockHolder {
  user: string;
  host: string;
  pid: number;
  since: string;
  heartbeatAt: string;
  stale: boolean;
}

export interface PresenceInfo {
  user: string;
  host: string;
  since: string;
  self: boolean;
}

/** What `pollRegister` found: ids of records changed by others per list (`true`: the whole list), null = everything (re-read). */
export interface RegisterPoll {
  session: Session;
  changed: Record<string, string[] | true> | null;
  reloaded: boolean;
}

export interface BackupInfo {
  path: string;
  fileName: string;
  createdAt: string;
  reason: string;
}

export type Session =
  | {
      state: 'open';
      path: string;
      registerId: string;
      registerName: string;
      isSample: boolean;
      readOnly: boolean;
      /** Set when an older program holds its session lock (the reason for read-only). */
      lockHolder: LockHolder | null;
      /** Why the register is read-only (German), null when it may be changed. */
      readOnlyReason: string | null;
      lastSavedAt: string | null;
      /** Revision of the register as this window knows it (grows with every change by anyone). */
      revision: number;
      /** The last change by anyone: "Geändert von <Name> um 10:42". */
      lastChange: { user: string; host: string; at: string; own: boolean } | null;
      /** Who has the register open now (this window included, `self`). */
      presence: PresenceInfo[];
      user: string;
      /** Problems a migration or a foreign tool left; the register is usable, but they should be fixed. */
      warnings: string[];
    }
  | {
      state: 'error';
      path: string;
      message: string;
      backups: BackupInfo[];
    };

export interface RegisterReference {
  editions: Edition[];
  currentEditionId: string;
  actionFields: ActionField[];
  orgUnits: OrgUnit[];
  statuses: StatusDefinition[];
  bodies: Body[];
}

export interface SubmissionRow {
  id: string;
  printNumber: string;
  subject: string;
  kind: Submission['kind'];
  status: Submission['status'];
  date: string | null;
  isPublic: boolean;
  linkedMeasures: number;
  updatedAt: string;
  deletedAt: string | null;
  haystack: string;
}

export interface RevisionInfo {
  id: string;
  version: number;
  savedAt: string;
  user: string;
}

export interface ExportResult {
  path: string;
  bytes: number;
}

export interface Saved<T> {
  value: T;
  /** Time the change became durable on disk. */
  savedAt: string;
}

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

function method<Res>() {
  return <Req extends z.ZodType>(request: Req) => ({ request, response: undefined as unknown as Res });
}

const empty = z.strictObject({});
const byId = z.strictObject({ id });
const byIdAndVersion = z.strictObject({ id, version: z.number().int().min(1) });
const draftId = id.nullable();
const statusKey = statusDefinitionSchema.shape.key;
const percent = z.number(de.statuses.percentRange).int(de.statuses.percentRange).min(0, de.statuses.percentRange).max(100, de.statuses.percentRange);
const importRequest = z.strictObject({
  token: id,
  kind: z.enum(IMPORT_KINDS),
  mapping: columnMappingSchema.nullable(),
  sheet: z.string().min(1).max(255).nullable(),
});

export const contract = {
  getSession: method<Session>()(empty),
  takeOverLock: method<Session>()(empty),
  /** Follows changes made by other windows or computers (asked every few seconds). */
  pollRegister: method<RegisterPoll>()(empty),
  /** Rows of the given measures only, to update a list in place after others' changes. */
  getMeasureRows: method<MeasureRow[]>()(z.strictObject({ ids: z.array(id).max(10_000) })),
  restoreBackup: method<Session>()(z.strictObject({ backupPath: z.string().min(1).max(4096) })),
  /** Asks for a file (dialog in the app) and opens it; `new` creates an empty register there. Null when cancelled. */
  openRegister: method<Session | null>()(z.strictObject({ mode: z.enum(['open', 'new']) })),
  getReference: method<RegisterReference>()(empty),
  /** The Übersicht (start screen): counts, what is overdue, open reviews, next sessions, as of today. */
  getOverview: method<Overview>()(empty),
  listMeasureRows: method<MeasureRow[]>()(empty),
  getMeasure: method<Measure>()(byId),
  createMeasure: method<Saved<Measure>>()(z.strictObject({ fields: measureFieldsSchema })),
  updateMeasure: method<Saved<Measure>>()(z.strictObject({ id, version: z.number().int().min(1), fields: measureFieldsSchema })),
  deleteMeasure: method<Saved<null>>()(byIdAndVersion),
  restoreMeasure: method<Saved<Measure>>()(byId),
  getHistory: method<AuditEntry[]>()(z.strictObject({ entityId: z.string().min(1).max(64) })),
  saveActionField: method<Saved<ActionField>>()(z.strictObject({ id: draftId, fields: actionFieldSchema.omit({ id: true }) })),
  deleteActionField: method<Saved<null>>()(byId),
  saveOrgUnit: method<Saved<OrgUnit>>()(z.strictObject({ id: draftId, fields: orgUnitSchema.omit({ id: true }) })),
  deleteOrgUnit: method<Saved<null>>()(byId),
  saveBody: method<Saved<Body>>()(z.strictObject({ id: draftId, fields: bodySchema.omit({ id: true }) })),
  deleteBody: method<Saved<null>>()(byId),
  /** The status list (Einstellungen): `key` null creates a status, its key derived from the label and never changed. */
  saveStatus: method<Saved<StatusDefinition>>()(z.strictObject({ key: statusKey.nullable(), fields: statusDefinitionSchema.omit({ key: true }).extend({ defaultPercent: percent }) })),
  /** Refused while any measure (also in the Papierkorb or another Fassung) has the status. */
  deleteStatus: method<Saved<null>>()(z.strictObject({ key: statusKey })),
  /** The list order is the order of every status choice; returns the new list. */
  moveStatus: method<Saved<StatusDefinition[]>>()(z.strictObject({ key: statusKey, direction: z.enum(['up', 'down']) })),
  listSubmissions: method<SubmissionRow[]>()(empty),
  getSubmission: method<Submission>()(byId),
  createSubmission: method<Saved<Submission>>()(
    z.strictObject({
      source: z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('blank') }),
        z.strictObject({ kind: z.literal('template'), templateId: z.string().min(1).max(64) }),
        z.strictObject({ kind: z.literal('copy'), sourceId: id }),
        z.strictObject({ kind: z.literal('followUp'), baseId: id }),
      ]),
    }),
  ),
  updateSubmission: method<Saved<Submission>>()(z.strictObject({ id, version: z.number().int().min(1), fields: submissionFieldsSchema })),
  deleteSubmission: method<Saved<null>>()(byIdAndVersion),
  restoreSubmission: method<Saved<null>>()(byId),
  listSubmissionRevisions: method<RevisionInfo[]>()(byId),
  compareSubmissionRevisions: method<FieldDiff[]>()(z.strictObject({ id, fromRevisionId: id, toRevisionId: id })),
  restoreSubmissionRevision: method<Saved<Submission>>()(z.strictObject({ id, version: z.number().int().min(1), revisionId: id })),
  /** Asks for a file (dialog) and attaches it. Null when cancelled. */
  addSubmissionAttachment: method<Saved<Submission> | null>()(z.strictObject({ id, version: z.number().int().min(1), title: z.string().max(200) })),
  /** Asks where to save (dialog, last folder), writes the Word file; `open` opens it afterwards. */
  exportSubmission: method<ExportResult | null>()(z.strictObject({ id, format: z.enum(['docx', 'oparl']), open: z.boolean(), draft: z.boolean() })),
  listIndicators: method<Indicator[]>()(z.strictObject({ measureId: id.nullable() })),
  saveIndicator: method<Saved<Indicator>>()(z.strictObject({ id: draftId, version: z.number().int().min(1).nullable(), fields: indicatorFieldsSchema })),
  deleteIndicator: method<Saved<null>>()(byIdAndVersion),
  listEvaluationRounds: method<EvaluationRound[]>()(empty),
  saveEvaluationRound: method<Saved<EvaluationRound>>()(z.strictObject({ id: draftId, version: z.number().int().min(1).nullable(), fields: evaluationRoundFieldsSchema })),
  deleteEvaluationRound: method<Saved<null>>()(byId),
  listAssessments: method<Assessment[]>()(z.strictObject({ roundId: id })),
  saveAssessment: method<Saved<Assessment>>()(z.strictObject({ id: draftId, version: z.number().int().min(1).nullable(), fields: assessmentFieldsSchema })),
  /** Both computed figures, budget sums and the round's assessment for every measure in scope. */
  getEvaluationOverview: method<EvaluationRow[]>()(z.strictObject({ roundId: id.nullable() })),
  /** Asks for a spreadsheet (dialog) and reads it in an isolated worker. Null when cancelled. */
  chooseImportFile: method<ImportFileInfo | null>()(empty),
  /** The dry run: checks every row against the register and writes nothing. `mapping` null: from the headers. */
  previewImport: method<ImportPreview>()(importRequest),
  /** Imports all rows or none (refused while a row has errors); audited and undoable. */
  commitImport: method<Saved<ImportRecord>>()(importRequest),
  undoImport: method<Saved<ImportRecord>>()(byId),
  listImports: method<ImportRecord[]>()(empty),
  /** Excel evaluation tables or the Word Evaluationsbericht, through the save dialog. Null when cancelled. */
  exportEvaluation: method<ExportResult | null>()(
    z.strictObject({
      roundId: id.nullable(),
      format: z.enum(['xlsx', 'docx']),
      filters: z.strictObject({ actionFieldId: id.optional(), district: z.string().max(4).optional(), status: z.string().max(40).optional() }),
      includePersonalData: z.boolean(),
      open: z.boolean(),
    }),
  ),
  getSettings: method<AppSettings>()(empty),
  saveSettings: method<Saved<AppSettings>>()(z.strictObject({ settings: appSettingsSchema.omit({ lastStorePath: true, lastExportDir: true, documentLogo: true }) })),
  /** Asks for a PNG/JPEG (dialog) and keeps it as the logo of Word documents; null when cancelled. `clear` removes it. */
  chooseDocumentLogo: method<AppSettings | null>()(z.strictObject({ altText: singleLineText(200), clear: z.boolean() })),
  /** Offline review: review mode on a package, packages of the register, merge, threads (reviewContract.ts). */
  ...reviewContract,
  /** Fassungen, Fortschreibung wizard and comparison (editionsContract.ts). */
  ...editionsContract,
  /** Gremien, Sitzungen, Empfehlungen, Quartierslabore, Anregungen, Beschlussverfolgung, Datenschutz. */
  ...participationContract,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;

// Compile-time proof that methods.ts lists exactly the contract's methods.
type ListedName = (typeof METHOD_NAMES)[number];
const listedCoversContract: Record<MethodName, true> = Object.fromEntries(METHOD_NAMES.map((n) => [n, true])) as Record<ListedName, true>;
const contractCoversListed: Record<ListedName, true> = listedCoversContract;
void contractCoversListed;
export type RequestOf<M extends MethodName> = z.infer<Contract[M]['request']>;
export type ResponseOf<M extends MethodName> = Contract[M]['response'];

/** What the preload puts on `window.masterplan`: one function per contract method, plus menu events. */
export type Bridge = { [M in MethodName]: (request: RequestOf<M>) => Promise<ApiResult<ResponseOf<M>>> } & {
  onMenuCommand: (listener: (command: MenuCommand) => void) => () => void;
};
