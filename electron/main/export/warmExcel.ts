/**
 * The first Excel export's cold costs, paid once in idle time: starting the export worker and loading
 * exceljs is not enough — the first workbook it writes still compiles the builders, exceljs's writers and
 * the zip code (a first export after a bare start took four times a warm one). So the worker writes one
 * small real workbook — the evaluation of the sample register that ships with the app, with its round,
 * Kennzahlen and assessments — into memory and the bytes are dropped. Nothing is written to disk and the
 * open register is not read. Its own module (a chunk of its own) so the bench can run exactly this.
 */
import { promises as fs } from 'node:fs';
import { exportWorker } from '@main/export/exportWorkerClient';
import { decodeRegister } from '@main/store/decode';

export async function warmExcelExport(samplePath: string): Promise<void> {
  const worker = exportWorker();
  await worker.warm();
  const { doc } = decodeRegister(await fs.readFile(samplePath, 'utf8'));
  const input = {
    roundId: doc.evaluationRounds[0]?.id ?? null,
    filters: {},
    includePersonalData: false,
    registerPath: samplePath,
    appVersion: '', // printed in the Legende of a workbook nobody sees; appInfo lives in the entry chunk
    generatedAt: new Date(),
  };
  await worker.run({ kind: 'evaluation', input, register: { doc } });
}
