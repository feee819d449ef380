/**
 * Benchmark module (not a test) for the Excel evaluation export; tests/bench/run.ts puts its results into
 * the table. Prints nothing.
 *
 * Two cases, each in a fresh child process (so its peak memory is its own), on registers from
 * generateRegister plus withEvaluationData (tests/bench/generateEvaluation.ts):
 *
 *  - realistic: 100 measures, 2 Kennzahlen × 6 years each and a round with assessments. Median of RUNS
 *    calls of writeEvaluationXlsx (prepare the data, build the sheets, write them in the house style)
 *    against the floor: the median of RUNS streaming writes of the same cells with exceljs'
 *    WorkbookWriter (values, number formats and formulas only: no title block, fills, page setup or
 *    conditional formats; the sheets built untimed just before). Interleaved, so drift hits both alike.
 *    Target: ≤ 300 ms.
 *  - large: 10,000 measures × 5 Kennzahlen × 6 years (~291,000 Kennzahlen rows), written once to a temp
 *    register file by this process; three children, one run each:
 *    · app: the export as the app runs it — the register open in a RegisterStore (main holds it, as the
 *      app does), the job sent to the warm export worker with path and revision (the worker reads the
 *      file itself and streams the rows), while the main thread measures its event-loop delay with
 *      perf_hooks.monitorEventLoopDelay. Time from sending to bytes back; peak RSS of that process
 *      (main's register included).
 *    · worker: the worker's part alone (read the file, prepare, stream the workbook) in a process that holds
 *      nothing else, so its peak RSS is the worker's own (node and the loaded modules included).
 *    · floor: exceljs' streaming WorkbookWriter writing the same cells (built untimed before).
 *    Targets: time ≤ 1.3× the floor, worker peak ≤ 400 MB, main event-loop delay ≤ 100 ms.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type XLSX from 'xlsx';
import { buildEvaluationSheets, writeEvaluationXlsx } from '@main/evaluation/evaluationWorkbook';
import type { EvaluationExportInput } from '@main/evaluation/evaluationData';
import type { HouseSheet } from '@main/export/houseWorkbook';
import { committedState, ExportWorkerClient } from '@main/export/exportWorkerClient';
import { runExportJob } from '@main/export/exportJobs';
import { snapshotText } from '@main/store/registerFiles';
import { RegisterStore } from '@main/store/registerStore';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import { generateRegister } from './generate';
import { withEvaluationData } from './generateEvaluation';

const THIS_FILE = fileURLToPath(import.meta.url);
const RUNS = 15;
const WARM_UP = 3;
const MB = 1024 * 1024;
export const XLSX_TARGET_RATIO = 1.3;
export const XLSX_TARGET_MS = 300;
/** The large case (issue 14): peak memory of the process and the main thread's event-loop delay. */
export const LARGE_LIMIT_MB = 400;
export const LOOP_DELAY_LIMIT_MS = 100;

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
  /** Largest event-loop delay of the main thread during the export (large case, export in the worker), ms. */
  loopDelayMs: number | null;
  /** Large case: the same main thread's largest delay while idle for 10 s before the export, ms. */
  idleLoopDelayMs: number | null;
  /**
   * Large case: time the main thread's event loop was busy during the export (eventLoopUtilization), ms.
   * What main itself spends on the export (messages, bytes back); unlike the delay, not inflated by the
   * scheduler of a loaded machine.
   */
  mainBusyMs: number | null;
  /** Large case: peak RSS of a process doing only the worker's part (read the file, stream the workbook), MB. */
  workerPeakMb: number | null;
  runs: number;
}

type Case = 'realistic' | 'large-app' | 'large-worker' | 'large-floor';

interface ChildResult {
  ms: number;
  floorMs: number;
  bytes: number;
  indicatorRows: number;
  baseMb: number;
  peakMb: number;
  loopDelayMs: number | null;
  idleLoopDelayMs?: number;
  mainBusyMs?: number;
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

async function time(job: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await job();
  return performance.now() - start;
}

/** Slices as the export yields (houseWorkbook.ts), so both sides pay the same for letting the stream drain. */
const ROWS_PER_SLICE = 2000;

/**
 * The floor: the same cells (values, number formats, formulas with their results) streamed with exceljs'
 * WorkbookWriter into memory, nothing else. Returns the size of the file.
 */
async function streamingFloor(sheets: readonly HouseSheet[]): Promise<number> {
  const out = new PassThrough();
  let bytes = 0;
  out.on('data', (chunk: Buffer) => (bytes += chunk.length));
  const done = new Promise<void>((resolve) => out.on('end', resolve));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
  const styles = new Map<string, Partial<ExcelJS.Style>>();
  const styleOf = (numFmt: string) => {
    let style = styles.get(numFmt);
    if (!style) styles.set(numFmt, (style = { numFmt }));
    return style;
  };
  let slice = 0;
  for (const { name, sheet } of sheets) {
    const ws = book.addWorksheet(name);
    const rows = sheet as unknown as ((XLSX.CellObject | undefined)[] | undefined)[];
    for (let r = 0; r < rows.length; r++) {
      const cells = rows[r];
      if (!cells) continue;
      if (++slice >= ROWS_PER_SLICE) {
        slice = 0;
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      const row = ws.getRow(r + 1);
      for (let c = 0; c < cells.length; c++) {
        const cell = cells[c];
        if (!cell || cell.v === undefined) continue;
        const target = row.getCell(c + 1);
        target.value = cell.f ? ({ formula: cell.f, result: cell.v } as ExcelJS.CellFormulaValue) : (cell.v as string | number);
        if (typeof cell.z === 'string') target.style = styleOf(cell.z);
      }
      row.commit();
    }
    ws.commit();
  }
  await book.commit();
  await done;
  return bytes;
}

/** The benchmark input: a generated register with Kennzahlen, its round, fixed time stamp. */
export function benchEvaluationInput(size: { measures: number; indicators: number; years: number }): EvaluationExportInput {
  const doc = withEvaluationData(generateRegister(size.measures), { indicatorsPerMeasure: size.indicators, years: size.years });
  return { ...benchEvaluationMeta(doc.evaluationRounds[0]!.id), doc };
}

/** The large register, written as a register file (snapshot at revision 0, no journal). */
async function writeLargeRegister(file: string): Promise<string> {
  const doc = withEvaluationData(generateRegister(SIZES.large.measures), {
    indicatorsPerMeasure: SIZES.large.indicators,
    years: SIZES.large.years,
  });
  await fs.writeFile(file, snapshotText(doc, 0));
  return doc.evaluationRounds[0]!.id;
}

/** Everything of the input but the document. */
function benchEvaluationMeta(roundId: string): Omit<EvaluationExportInput, 'doc'> {
  return {
    roundId,
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
async function runCase(which: Case): Promise<ChildResult> {
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  if (which === 'realistic') {
    const input = benchEvaluationInput(SIZES.realistic);
    const baseMb = rssMb();
    // The floor writes freshly built sheets each time (built untimed just before).
    const floorRun = async () => {
      const { sheets } = buildEvaluationSheets(input);
      return time(() => streamingFloor(sheets));
    };
    let bytes = 0;
    for (let i = 0; i < WARM_UP; i++) {
      bytes = (await writeEvaluationXlsx(input)).length;
      await floorRun();
    }
    const exportTimes: number[] = [];
    const floorTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      // Alternate which goes first, so leftover GC work of the previous one hits both alike.
      if (i % 2 === 0) {
        exportTimes.push(await time(() => writeEvaluationXlsx(input)));
        floorTimes.push(await floorRun());
      } else {
        floorTimes.push(await floorRun());
        exportTimes.push(await time(() => writeEvaluationXlsx(input)));
      }
    }
    return {
      ms: median(exportTimes),
      floorMs: median(floorTimes),
      bytes,
      indicatorRows: indicatorRowsOf(input),
      baseMb,
      peakMb: peakRssMb(),
      loopDelayMs: null,
    };
  }
  // The large cases read the register file this process's parent wrote (generating it here would count).
  const file = process.argv[4]!;
  const meta = benchEvaluationMeta(process.argv[5]!);
  if (which === 'large-worker') {
    gc();
    const baseMb = rssMb();
    let bytes = 0;
    const ms = await time(
      async () => (bytes = (await runExportJob({ kind: 'evaluation', input: meta, register: { path: file, revision: 0 } })).length),
    );
    return { ms, floorMs: 0, bytes, indicatorRows: 0, baseMb, peakMb: peakRssMb(), loopDelayMs: null };
  }
  const { store } = await RegisterStore.open(file, { readOnly: true });
  const indicatorRows = indicatorRowsOf({ ...meta, doc: store.doc });
  if (which === 'large-app') {
    gc();
    const baseMb = rssMb();
    const client = new ExportWorkerClient();
    await client.warm();
    // The floor of the delay: the same main thread, idle for 10 s just before (on a loaded machine the
    // scheduler alone delays timers; that is not the export's doing).
    const idle = monitorEventLoopDelay({ resolution: 10 });
    idle.enable();
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    idle.disable();
    const delay = monitorEventLoopDelay({ resolution: 10 });
    let bytes = 0;
    delay.enable();
    const { register, fallback } = committedState(store);
    const before = performance.eventLoopUtilization();
    const ms = await time(async () => (bytes = (await client.run({ kind: 'evaluation', input: meta, register }, { fallback })).length));
    const busy = performance.eventLoopUtilization(before);
    delay.disable();
    await client.close();
    return {
      ms,
      floorMs: 0,
      bytes,
      indicatorRows,
      baseMb,
      peakMb: peakRssMb(),
      loopDelayMs: delay.max / 1e6,
      idleLoopDelayMs: idle.max / 1e6,
      mainBusyMs: busy.active,
    };
  }
  const { sheets } = buildEvaluationSheets({ ...meta, doc: store.doc });
  gc();
  const baseMb = rssMb();
  let bytes = 0;
  const floorMs = await time(async () => (bytes = await streamingFloor(sheets)));
  return { ms: 0, floorMs, bytes, indicatorRows, baseMb, peakMb: peakRssMb(), loopDelayMs: null };
}

function runChild(which: Case, file = '', roundId = ''): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    // Default heap limit, as the app would have it; --expose-gc only to start each measurement clean.
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', THIS_FILE, '--xlsx-bench-child', which, file, roundId], {
      cwd: path.resolve(path.dirname(THIS_FILE), '..', '..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code !== 0)
        return reject(
          new Error(`Excel-Benchmark (${which}): Kindprozess endete mit ${code ?? signal}: ${err.trim().split('\n').slice(-3).join(' ')}`),
        );
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
      target: `≤ ${XLSX_TARGET_MS} ms`,
      met: realistic.ms <= XLSX_TARGET_MS,
      peakMb: realistic.peakMb,
      floorPeakMb: realistic.peakMb,
      baseMb: realistic.baseMb,
      loopDelayMs: null,
      idleLoopDelayMs: null,
      mainBusyMs: null,
      workerPeakMb: null,
      runs: RUNS,
    },
  ];
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mpr-bench-xlsx-'));
  try {
    const file = path.join(dir, 'register.json');
    const roundId = await writeLargeRegister(file);
    const exported = await runChild('large-app', file, roundId);
    const worker = await runChild('large-worker', file, roundId);
    const floor = await runChild('large-floor', file, roundId);
    const ratio = exported.ms / floor.floorMs;
    results.push({
      label: `Excel-Export Evaluation (${SIZES.large.indicators} Kennzahlen × ${SIZES.large.years} Jahre je Maßnahme, ein Lauf)`,
      size: SIZES.large.measures,
      indicatorRows: exported.indicatorRows,
      bytes: exported.bytes,
      ms: exported.ms,
      floorMs: floor.floorMs,
      ratio,
      target: `≤ ${String(XLSX_TARGET_RATIO).replace('.', ',')}×, Worker ≤ ${LARGE_LIMIT_MB} MB, Event-Loop ≤ ${LOOP_DELAY_LIMIT_MS} ms`,
      met: ratio <= XLSX_TARGET_RATIO && worker.peakMb <= LARGE_LIMIT_MB && (exported.loopDelayMs ?? Infinity) <= LOOP_DELAY_LIMIT_MS,
      peakMb: exported.peakMb,
      floorPeakMb: floor.peakMb,
      baseMb: exported.baseMb,
      loopDelayMs: exported.loopDelayMs,
      idleLoopDelayMs: exported.idleLoopDelayMs ?? null,
      mainBusyMs: exported.mainBusyMs ?? null,
      workerPeakMb: worker.peakMb,
      runs: 1,
    });
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
  return results;
}

if (process.argv[1] === THIS_FILE && process.argv[2] === '--xlsx-bench-child') {
  void runCase(process.argv[3] as Case).then((result) => process.stdout.write(`${JSON.stringify(result)}\n`));
}
