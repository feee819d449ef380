import type { z } from 'zod';
import { editionsContract } from './editions/editionsContract';
import { evaluationContract } from './evaluation/evaluationContract';
import { exportContract } from './export/exportContract';
import { importContract } from './import/importContract';
import { METHOD_NAMES, type MenuCommand } from './methods';
import { overviewContract } from './overview/overviewContract';
import { participationContract } from './participation/participationContract';
import { privacyContract } from './privacy/privacyContract';
import type { FieldProblem } from './register/rules';
import { registerContract } from './register/registerContract';
import { reviewContract } from './review/reviewContract';
import { sessionContract } from './session/sessionContract';
import { settingsContract } from './settings/settingsContract';
import { submissionsContract } from './submissions/submissionsContract';

export { METHOD_NAMES, MENU_COMMANDS, IPC_PREFIX, MENU_CHANNEL, type MenuCommand } from './methods';
// The types callers know from here; each is declared beside its feature.
export type { ExportResult, Saved } from './core/contractKit';
export type { BackupInfo, LockHolder, PresenceInfo, RegisterPoll, Session } from './session/sessionContract';
export type { RegisterReference } from './register/registerContract';
export type { RevisionInfo, SubmissionRow } from './submissions/submissionsContract';
export type { ImportFileInfo } from './import/importContract';
export type { ExportProgressState } from './export/exportContract';

/**
 * The one API between the window and the main process. Each entry declares the request schema (checked
 * in main for every call) and the response type. The preload, the renderer's client and the browser
 * test harness are all generated from this object, so no call exists that is not declared here. Each
 * feature declares its slice in shared/<feature>/<feature>Contract.ts (written with core/contractKit.ts);
 * this registry only composes them.
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

/** Every feature's slice; a method name must occur in one slice only (checked below). */
const slices = [
  sessionContract,
  registerContract,
  overviewContract,
  submissionsContract,
  evaluationContract,
  importContract,
  settingsContract,
  reviewContract,
  editionsContract,
  participationContract,
  privacyContract,
  exportContract,
] as const;

export const contract = {
  ...sessionContract,
  ...registerContract,
  ...overviewContract,
  ...submissionsContract,
  ...evaluationContract,
  ...importContract,
  ...settingsContract,
  /** Offline review: review mode on a package, packages of the register, merge, threads. */
  ...reviewContract,
  /** Fassungen, Fortschreibung wizard and comparison. */
  ...editionsContract,
  /** Gremien, Sitzungen, Empfehlungen, Quartierslabore, Anregungen, Beschlussverfolgung. */
  ...participationContract,
  /** Datenschutz: retention and what is due. */
  ...privacyContract,
  /** Progress and "Abbrechen" of the Excel export running in the export worker. */
  ...exportContract,
} as const;

// A spread silently lets a later slice replace an earlier method of the same name: refuse that at load.
const declared = slices.reduce((n, slice) => n + Object.keys(slice).length, 0);
if (declared !== Object.keys(contract).length) throw new Error('contract: a method name is declared in two slices');

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
