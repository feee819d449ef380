/**
 * The workbook exports the export worker runs (exportWorker.ts), by kind, and the messages between the
 * worker and main (exportWorkerClient.ts).
 *
 * The register reaches the worker as a path and a revision (`{ path, revision }`): the worker reads the
 * committed state itself (snapshot + journal up to that revision, registerFiles.readRegisterAt), so main
 * never serialises a large document for it (structured clone of 300,000 Kennzahl values blocked main's
 * event loop for a quarter of a second and held the register twice). `{ doc }` is the fallback when the
 * files have moved past that revision, and what the CLI and tests pass. The bytes come back transferred.
 */
import { writeEvaluationXlsx, type EvaluationExportInput } from '@main/evaluation/evaluationWorkbook';
import type { ExportControl } from '@main/export/houseWorkbook';
import { writeProposalsXlsx, type ProposalsExportInput } from '@main/participation/proposalsWorkbook';
import { writeTrackingXlsx, type TrackingExportInput } from '@main/participation/trackingWorkbook';
import { readRegisterAt, RevisionGoneError } from '@main/store/registerFiles';
import type { RegisterDocument } from '@shared/register/register';

/** Where the worker gets the register from. */
export type RegisterSource = { doc: RegisterDocument } | { path: string; revision: number };

type WithoutDoc<T> = Omit<T, 'doc'>;

export type ExportJob = (
  | { kind: 'evaluation'; input: WithoutDoc<EvaluationExportInput> }
  | { kind: 'proposals'; input: WithoutDoc<ProposalsExportInput> }
  | { kind: 'tracking'; input: WithoutDoc<TrackingExportInput> }
) & { register: RegisterSource };

export type ToWorker = { type: 'ping' } | { type: 'run'; id: number; job: ExportJob } | { type: 'cancel'; id: number };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'progress'; id: number; done: number }
  | { type: 'done'; id: number; bytes: Uint8Array }
  | { type: 'failed'; id: number; name: string; message: string };

/** The worker could not read the register at the path (moved, replaced, unreadable): main hands the document over. */
export class RegisterUnreadableError extends Error {
  constructor(reason: string) {
    super(`register not readable for the export: ${reason}`);
    this.name = 'RegisterUnreadableError';
  }
}

async function documentOf(source: RegisterSource): Promise<RegisterDocument> {
  if ('doc' in source) return source.doc;
  try {
    return await readRegisterAt(source.path, source.revision);
  } catch (error) {
    if (error instanceof RevisionGoneError) throw error;
    throw new RegisterUnreadableError(error instanceof Error ? error.message : String(error));
  }
}

/** Runs one job (in the worker; also directly, where no worker is wanted). */
export async function runExportJob(job: ExportJob, control: ExportControl = {}): Promise<Buffer> {
  const doc = await documentOf(job.register);
  switch (job.kind) {
    case 'evaluation':
      return writeEvaluationXlsx({ ...job.input, doc }, control);
    case 'proposals':
      return writeProposalsXlsx({ ...job.input, doc }, control);
    case 'tracking':
      return writeTrackingXlsx({ ...job.input, doc }, control);
  }
}
