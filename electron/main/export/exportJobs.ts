/**
 * The workbook exports the export worker runs (exportWorker.ts), by kind, and the messages between the
 * worker and main (exportWorkerClient.ts). Structured clone carries the inputs (the register document,
 * dates) and the bytes back (transferred, not copied).
 */
import { writeEvaluationXlsx, type EvaluationExportInput } from '@main/evaluation/evaluationWorkbook';
import type { ExportControl } from '@main/export/houseWorkbook';
import { writeProposalsXlsx, type ProposalsExportInput } from '@main/participation/proposalsWorkbook';
import { writeTrackingXlsx, type TrackingExportInput } from '@main/participation/trackingWorkbook';

export type ExportJob =
  | { kind: 'evaluation'; input: EvaluationExportInput }
  | { kind: 'proposals'; input: ProposalsExportInput }
  | { kind: 'tracking'; input: TrackingExportInput };

export type ToWorker = { type: 'ping' } | { type: 'run'; id: number; job: ExportJob } | { type: 'cancel'; id: number };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'progress'; id: number; done: number }
  | { type: 'done'; id: number; bytes: Uint8Array }
  | { type: 'failed'; id: number; name: string; message: string };

/** Runs one job (in the worker; also directly, where no worker is wanted). */
export function runExportJob(job: ExportJob, control: ExportControl = {}): Promise<Buffer> {
  switch (job.kind) {
    case 'evaluation':
      return writeEvaluationXlsx(job.input, control);
    case 'proposals':
      return writeProposalsXlsx(job.input, control);
    case 'tracking':
      return writeTrackingXlsx(job.input, control);
  }
}
