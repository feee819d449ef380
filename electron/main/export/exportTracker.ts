import type { ExportProgressState } from '@shared/export/exportContract';

/** What a tracked export passes on to the export worker (RunOptions of exportWorkerClient.ts). */
export interface TrackedControl {
  onProgress: (done: number) => void;
  signal: AbortSignal;
}

interface Running {
  done: number;
  controller: AbortController;
}

/**
 * The workbook exports of one window while they run in the export worker, for the progress bar with
 * "Abbrechen": the renderer polls `getExportProgress` while its export call is pending and may call
 * `cancelExport` (shared/export/exportContract.ts). One per API (createApi), so two windows or two test
 * harnesses in one process never cancel each other's export.
 */
export class ExportTracker {
  private readonly running = new Map<number, Running>();
  private nextId = 1;

  /** The export started last (a second one only runs if two screens export at once). */
  state(): ExportProgressState {
    const latest = [...this.running.values()].at(-1);
    if (!latest) return { running: false, percent: 0, cancelling: false };
    return { running: true, percent: Math.min(100, Math.floor(latest.done * 100)), cancelling: latest.controller.signal.aborted };
  }

  /** Asks every running export to stop; false when none was running (it had finished meanwhile). */
  cancel(): boolean {
    let any = false;
    for (const job of this.running.values()) {
      if (job.controller.signal.aborted) continue;
      job.controller.abort();
      any = true;
    }
    return any;
  }

  /**
   * Runs `work` (the worker job) as a tracked export. Null when it was cancelled: the caller then writes
   * no file. Also null when "Abbrechen" came after the last slice of rows but before the file was
   * written, since the user asked for no file; once this returns bytes, the export counts as done.
   */
  async run(work: (control: TrackedControl) => Promise<Uint8Array>): Promise<Uint8Array | null> {
    const id = this.nextId++;
    const job: Running = { done: 0, controller: new AbortController() };
    this.running.set(id, job);
    try {
      const bytes = await work({ onProgress: (done) => (job.done = done), signal: job.controller.signal });
      return job.controller.signal.aborted ? null : bytes;
    } catch (error) {
      // By name: houseWorkbook.ts (exceljs) must not load with the API at start.
      if (error instanceof Error && error.name === 'ExportCancelledError') return null;
      throw error;
    } finally {
      this.running.delete(id);
    }
  }
}
