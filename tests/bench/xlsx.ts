/**
 * Benchmark module (not a test) for the Excel evaluation export; tests/bench/run.ts puts its results into
 * the table. Prints nothing.
 *
 * Two cases, each in a fresh child process (so its peak memory is its own), on registers from
 * generateRegister plus withEvaluationData (tests/bench/generateEvaluation.ts):
 *
 *  - realistic: 100 measures, 2 Kennzahlen × 6 years each and a round with assessments. Median of RUNS
 *    calls of writeEvaluationXlsx (prepare the data, build the sheets, write) against the floor, the
 *    median of RUNS calls of XLSX.write of the same workbook built beforehand (SheetJS's serialising and
 *    zipping alone; each run writes a workbook built just before, untimed); interleaved, so drift hits
 *    both alike. Target: ≤ 1.3× the floor and ≤ 200 ms.
 *  - large: 10,000 measures × 5 Kennzahlen × 6 years (300,000 Kennzahlen rows). One run each (export in
 *    one child, floor in another), time and peak RSS (the process's maxRSS, which also catches the
 *    peak inside the synchronous XLSX.write, where no sampling timer could run).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import XLSX from 'xlsx';
import { buildEvaluationWorkbook, writeEvaluationXlsx, XLSX_WRITE_OPTIONS } from '@main/evaluation/evaluationWorkbook';
import type { EvaluationExportInput } from '@main/evaluation/evaluationData';
import { generateRegister } from './generate';
import { withEvaluationData } from './generateEvaluation';

const THIS_FILE = fileURLToPath(import.meta.url);
const RUNS = 15;
const WARM_UP = 3;
const MB = 1024 * 1024;
export const XLSX_TARGET_RATIO = 1.3;
export const XLSX_TARGET_MS = 200;
/** Beyond these the large case counts as unusable (issue 7). */
export const LARGE_LIMIT_MS = 30_000;
export const LARGE_LIMIT_MB = 2048;

export interface XlsxBenchResult {
  label: string;
  /** Measures in the register. */
  size: number;
  /** Rows of the Kennzahlen sheet. */
  indicatorRows: number;
  bytes: number;
  /** The export (median, or the single run of the large case), in ms. */
  ms: number;
  /** XLSX.write of the same, prebuilt workbook, in ms. */
  floorMs: number;
  ratio: number;
  target: string;
  met: boolean;
  /** Peak resident memory of the process that ran the export (incl. the generated register), in MB. */
  peakMb: number;
  /** The same for the floor's process. */
  floorPeakMb: number;
  /** Resident memory after generating the register, before the export, in MB. */
  baseMb: number;
  runs: number;
}

type Case = 'realistic' | 'large-export' | 'large-floor';

interface ChildResult {
  ms: number;
  floorMs: number;
  bytes: number;
  indicatorRows: number;
  baseMb: number;
  peakMb: number;
}

const SIZES = {
  realistic: { measures: 100, indicators: 2, years: 6 },
  large: { measures: 10_000, indicators: 5, years: 6 },
} as const;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function time(job: () => unknown): number {
  const start = performance.now();
  job();
  return performance.now() - start;
}

/** The benchmark input: a generated register with Kennzahlen, its round, fixed time stamp. */
export function benchEvaluationInput(size: { measures: number; indicators: number; years: number }): EvaluationExportInput {
  const doc = withEvaluationData(generateRegister(size.measures), { indicatorsPerMeasure: size.indicators, years: size.years });
  return {
    doc,
    roundId: doc.evaluationRounds[0]!.id,
    filters: {},
    includePersonalData: false,
    registerPath: '/bench/register.json',
    appVersion: 'bench',
    generatedAt: new Date('2025-03-04T10:00:00.000Z'),
  };
}

const indicatorRowsOf = (input: EvaluationExportInput) => input.doc.indicators.reduce((n, i) => n + Math.max(1, i.values.length), 0);
const rssMb = () => process.memoryUsage().rss / MB;
const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

/** Runs one case inside the child process. */
function runCase(which: Case): ChildResult {
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  if (which === 'realistic') {
    const input = benchEvaluationInput(SIZES.realistic);
    const baseMb = rssMb();
    // The floor writes a freshly built workbook each time (built untimed just before), so its cells are as
    // young as those the export writes right after building them.
    const floorRun = () => {
      const workbook = buildEvaluationWorkbook(input);
      return time(() => XLSX.write(workbook, XLSX_WRITE_OPTIONS));
    };
    let bytes = 0;
    for (let i = 0; i < WARM_UP; i++) {
      bytes = writeEvaluationXlsx(input).length;
      floorRun();
    }
    const exportTimes: number[] = [];
    const floorTimes: number[] = [];
    // No forced gc between runs: right after one, V8 starts with a shrunken young generation and the next
    // allocation-heavy run pays for it (measured: the first run after gc() about 3× slower).
    for (let i = 0; i < RUNS; i++) {
      // Alternate which goes first, so leftover GC work of the previous one hits both alike.
      if (i % 2 === 0) {
        exportTimes.push(time(() => writeEvaluationXlsx(input)));
        floorTimes.push(floorRun());
      } else {
        floorTimes.push(floorRun());
        exportTimes.push(time(() => writeEvaluationXlsx(input)));
      }
    }
    return { ms: median(exportTimes), floorMs: median(floorTimes), bytes, indicatorRows: indicatorRowsOf(input), baseMb, peakMb: peakRssMb() };
  }
  const input = benchEvaluationInput(SIZES.large);
  gc();
  const baseMb = rssMb();
  if (which === 'large-export') {
    let bytes = 0;
    const ms = time(() => (bytes = writeEvaluationXlsx(input).length));
    return { ms, floorMs: 0, bytes, indicatorRows: indicatorRowsOf(input), baseMb, peakMb: peakRssMb() };
  }
  const workbook = buildEvaluationWorkbook(input);
  gc();
  let bytes = 0;
  const floorMs = time(() => (bytes = (XLSX.write(workbook, XLSX_WRITE_OPTIONS) as Buffer).length));
  return { ms: 0, floorMs, bytes, indicatorRows: indicatorRowsOf(input), baseMb, peakMb: peakRssMb() };
}

function runChild(which: Case): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    // Default heap limit, as the app would have it; --expose-gc only to start each measurement clean.
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', THIS_FILE, '--xlsx-bench-child', which], {
      cwd: path.resolve(path.dirname(THIS_FILE), '..', '..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code !== 0) return reject(new Error(`Excel-Benchmark (${which}): Kindprozess endete mit ${code ?? signal}: ${err.trim().split('\n').slice(-3).join(' ')}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').at(-1)!) as ChildResult);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}

/** Both cases: the realistic register against its targets, the large one with its figures. */
export async function benchEvaluationExport(): Promise<XlsxBenchResult[]> {
  const realistic = await runChild('realistic');
  const ratio = realistic.ms / realistic.floorMs;
  const results: XlsxBenchResult[] = [
    {
      label: `Excel-Export Evaluation (${SIZES.realistic.indicators} Kennzahlen × ${SIZES.realistic.years} Jahre je Maßnahme)`,
      size: SIZES.realistic.measures,
      indicatorRows: realistic.indicatorRows,
      bytes: realistic.bytes,
      ms: realistic.ms,
      floorMs: realistic.floorMs,
      ratio,
      target: `≤ ${String(XLSX_TARGET_RATIO).replace('.', ',')}× und ≤ ${XLSX_TARGET_MS} ms`,
      met: ratio <= XLSX_TARGET_RATIO && realistic.ms <= XLSX_TARGET_MS,
      peakMb: realistic.peakMb,
      floorPeakMb: realistic.peakMb,
      baseMb: realistic.baseMb,
      runs: RUNS,
    },
  ];
  const exported = await runChild('large-export');
  const floor = await runChild('large-floor');
  results.push({
    label: `Excel-Export Evaluation (${SIZES.large.indicators} Kennzahlen × ${SIZES.large.years} Jahre je Maßnahme, ein Lauf)`,
    size: SIZES.large.measures,
    indicatorRows: exported.indicatorRows,
    bytes: exported.bytes,
    ms: exported.ms,
    floorMs: floor.floorMs,
    ratio: exported.ms / floor.floorMs,
    target: `≤ ${String(XLSX_TARGET_RATIO).replace('.', ',')}×; nutzbar: ≤ ${LARGE_LIMIT_MS / 1000} s und ≤ ${LARGE_LIMIT_MB / 1024} GB`,
    met: exported.ms / floor.floorMs <= XLSX_TARGET_RATIO && exported.ms <= LARGE_LIMIT_MS && exported.peakMb <= LARGE_LIMIT_MB,
    peakMb: exported.peakMb,
    floorPeakMb: floor.peakMb,
    baseMb: exported.baseMb,
    runs: 1,
  });
  return results;
}

if (process.argv[1] === THIS_FILE && process.argv[2] === '--xlsx-bench-child') {
  process.stdout.write(`${JSON.stringify(runCase(process.argv[3] as Case))}\n`);
}
