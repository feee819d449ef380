/**
 * After the first screen (two-step start) the export modules are loaded in idle time, one after another
 * with a pause between them, so the first export click finds docx/exceljs ready without the start having
 * waited for them. Loading a module blocks the event loop for a moment (≈ 0.1–0.4 s each); the pauses
 * let IPC answers through in between. Once per process.
 */
const LOADS: (() => Promise<unknown>)[] = [
  () => import('@main/evaluation/evaluationExport'),
  // The Excel builders run in the export worker: start it (it loads exceljs in its own thread).
  () => import('@main/export/exportWorkerClient').then((m) => m.exportWorker().warm()),
  () => import('@main/submissions/submissionExport'),
  () => import('@main/participation/participationExport'),
  () => import('@main/review/reviewNoteDocx'),
];

let started = false;

export function warmUpExports(firstDelayMs = 1500, pauseMs = 300): void {
  if (started) return;
  started = true;
  let next = 0;
  const step = () => {
    const load = LOADS[next++];
    if (!load) return;
    void load()
      .catch(() => undefined) // a failed warm-up only means the first export loads it (and reports a failure)
      .then(() => setTimeout(step, pauseMs).unref());
  };
  setTimeout(step, firstDelayMs).unref();
}
