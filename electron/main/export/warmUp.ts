/**
 * After the first screen (two-step start) the export modules are loaded in idle time, one after another
 * with a pause between them, so the first export click finds docx/exceljs ready without the start having
 * waited for them. Loading a module blocks the event loop for a moment (≈ 0.1–0.4 s each); the pauses
 * let IPC answers through in between. The Excel step does more than load: the worker writes one small
 * workbook into memory (warmExcel.ts), so the first real export costs what a later one does. Once per process.
 */
function loads(samplePath: string): (() => Promise<unknown>)[] {
  return [
    () => import('@main/evaluation/evaluationExport'),
    // The Excel builders run in the export worker: start it and let it write a small workbook, dropped.
    () => import('@main/export/warmExcel').then((m) => m.warmExcelExport(samplePath)),
    () => import('@main/submissions/submissionExport'),
    () => import('@main/participation/participationExport'),
    () => import('@main/review/reviewNoteDocx'),
  ];
}

let started = false;

/** `samplePath`: the sample register the Excel warm-up exports (resources/sample-register.json). */
export function warmUpExports(samplePath: string, firstDelayMs = 1500, pauseMs = 300): void {
  if (started) return;
  started = true;
  const steps = loads(samplePath);
  let next = 0;
  const step = () => {
    const load = steps[next++];
    if (!load) return;
    void load()
      .catch(() => undefined) // a failed warm-up only means the first export loads it (and reports a failure)
      .then(() => setTimeout(step, pauseMs).unref());
  };
  setTimeout(step, firstDelayMs).unref();
}
