/**
 * Progress of a long CLI export on stderr (electron/cli/progress.ts): on a terminal the percent is
 * written in place ("\r… 42 %") and cleared at the end; a pipe or a file (no isTTY) gets nothing, so
 * scripts read clean output. Through the real export worker with a generated register.
 */
import { describe, expect, it } from 'vitest';
import XLSX from 'xlsx';
import { terminalProgress, writeInWorker } from '@cli/progress';
import { cli } from '@shared/i18n/cli';
import { generateRegister } from '@tests/bench/generate';
import { withEvaluationData } from '@tests/bench/generateEvaluation';

function stream(isTTY: boolean) {
  const written: string[] = [];
  return { written, io: { out: { write: () => true }, err: { isTTY, write: (text: string) => written.push(text) } } };
}

describe('CLI export progress', () => {
  it('on a terminal: percent in place, each step once, cleared at the end', () => {
    const { written, io } = stream(true);
    const progress = terminalProgress(io, 'Excel-Datei wird geschrieben …');
    progress.update(0.421);
    progress.update(0.429);
    progress.update(1);
    progress.end();
    expect(written.slice(0, 2)).toEqual(['\rExcel-Datei wird geschrieben … 42 %', '\rExcel-Datei wird geschrieben … 100 %']);
    expect(written).toHaveLength(3);
    expect(written[2]).toMatch(/^\r +\r$/);
  });

  it('writes a real workbook in the worker and shows its progress only when stderr is a terminal', async () => {
    const doc = withEvaluationData(generateRegister(200), { indicatorsPerMeasure: 5, years: 6 });
    const job = {
      kind: 'evaluation' as const,
      input: {
        roundId: doc.evaluationRounds[0]!.id,
        filters: {},
        includePersonalData: false,
        registerPath: '/register.json',
        appVersion: 'test',
        generatedAt: new Date('2025-03-04T10:00:00Z'),
      },
      register: { doc },
    };
    const terminal = stream(true);
    const bytes = await writeInWorker(terminal.io, job);
    expect(XLSX.read(bytes).SheetNames).toContain('Kennzahlen');
    const steps = terminal.written.filter((w) => w.startsWith(`\r${cli.export.writingWorkbook} `) && w.endsWith(' %'));
    expect(steps.length).toBeGreaterThan(1);
    expect(steps.at(-1)).toBe(`\r${cli.export.writingWorkbook} 100 %`);
    expect(terminal.written.at(-1)).toMatch(/^\r +\r$/);

    const pipe = stream(false);
    await writeInWorker(pipe.io, job);
    expect(pipe.written).toEqual([]);
  }, 120_000);
});
