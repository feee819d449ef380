/**
 * Progress of a long export on stderr, only when stderr is a terminal (a script or a pipe gets no
 * carriage-return noise): "Excel-Datei wird geschrieben … 42 %", overwritten in place, cleared at the end.
 */
import type { ExportJob } from '@main/export/exportJobs';
import { exportWorker } from '@main/export/exportWorkerClient';
import { cli } from '@shared/i18n/cli';
import type { CliIo } from './command';

interface Terminal {
  isTTY?: boolean;
  write(text: string): unknown;
}

export function terminalProgress(io: CliIo, label: string): { update: (done: number) => void; end: () => void } {
  const err = io.err as Terminal;
  if (err.isTTY !== true) return { update: () => undefined, end: () => undefined };
  let shown = -1;
  return {
    update: (done) => {
      const percent = Math.floor(done * 100);
      if (percent === shown) return;
      shown = percent;
      err.write(`\r${label} ${percent} %`);
    },
    end: () => {
      if (shown >= 0) err.write(`\r${' '.repeat(label.length + 6)}\r`);
    },
  };
}

/** Writes a workbook in the export worker (the CLI stays responsive to Ctrl+C), with progress on a terminal. */
export async function writeInWorker(io: CliIo, job: ExportJob): Promise<Buffer> {
  const progress = terminalProgress(io, cli.export.writingWorkbook);
  try {
    return await exportWorker().run(job, { onProgress: progress.update });
  } finally {
    progress.end();
  }
}
