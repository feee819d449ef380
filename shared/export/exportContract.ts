import { empty, method } from '@shared/core/contractKit';

/**
 * Where the workbook export of this window stands (the export worker's share of rows written). The
 * renderer polls it while its export call is pending: polled rather than pushed, so the same contract
 * serves the app (IPC) and the browser harness (HTTP), and nothing reaches the page that main did not answer.
 */
export interface ExportProgressState {
  running: boolean;
  /** Whole percent, 0–100. */
  percent: number;
  /** "Abbrechen" was pressed; the export stops at its next slice of rows. */
  cancelling: boolean;
}

/** The progress bar with "Abbrechen" of long Excel exports (Evaluation, Anregungen, Beschlussverfolgung). */
export const exportContract = {
  getExportProgress: method<ExportProgressState>()(empty),
  /** Stops the running workbook export; no file is written. False when none was running (it had just finished). */
  cancelExport: method<boolean>()(empty),
} as const;
