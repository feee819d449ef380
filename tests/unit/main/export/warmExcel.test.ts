import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportWorker } from '@main/export/exportWorkerClient';
import { warmExcelExport } from '@main/export/warmExcel';

const SAMPLE = path.resolve(import.meta.dirname, '../../../../resources/sample-register.json');

describe('Excel warm-up (first export after start as fast as a later one)', () => {
  afterAll(() => exportWorker().close());

  it('writes the evaluation workbook of the shipped sample in the worker, into memory: no file appears', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mpr-warm-excel-'));
    try {
      const sample = path.join(dir, 'sample-register.json');
      await fs.copyFile(SAMPLE, sample);
      // Rejects if the sample (an older format, migrated) no longer makes a workbook: then the warm-up would
      // silently warm nothing.
      await expect(warmExcelExport(sample)).resolves.toBeUndefined();
      expect(await fs.readdir(dir)).toEqual(['sample-register.json']);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('a missing sample rejects (warmUp.ts swallows it: the first export then loads what it needs)', async () => {
    await expect(warmExcelExport(path.join(os.tmpdir(), 'mpr-no-such-sample.json'))).rejects.toThrow();
  });
});
