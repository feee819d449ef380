/**
 * Benchmark module (not a test): the FIRST Excel export of 100 measures in a fresh process (issue 18:
 * ≤ 300 ms cold), with the built program (out/main, no TypeScript loader — what a user runs): the export
 * worker client and worker as bundled, the register read by the worker from its file, the bytes written
 * to a file (temp, fsync, rename). Each case in its own plain `node` process:
 *
 *  - cold:      click → file, nothing loaded before (the worker starts, exceljs and the builders load);
 *  - warmed up: the same after the app's idle-time warm-up (export/warmExcel.ts: the worker started and one
 *               small workbook of the sample register written into memory), as after the first screen;
 *  - warm:      median of the following exports in that process;
 *  - floor:     a fresh process that imports exceljs and streams the same cells into a file (cold), then
 *               the median of further runs (warm).
 * Memory per case: RSS added by the timed export and the process's peak RSS. Prints nothing.
 */
import { spawn } from 'node:child_process';
import { existsSync, promises as fs, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type XLSX from 'xlsx';
import { buildEvaluationSheets } from '@main/evaluation/evaluationWorkbook';
import { snapshotText } from '@main/store/registerFiles';
import { benchEvaluationInput } from './xlsx';

const ROOT = path.resolve(import.meta.dirname, '../..');
const WARM_RUNS = 7;
export const COLD_EXCEL_TARGET_MS = 300;

export interface ColdExcelFigures {
  size: number;
  coldMs: number;
  warmedUpMs: number;
  warmMs: number;
  floorColdMs: number;
  floorWarmMs: number;
  coldRssDeltaMb: number;
  coldPeakMb: number;
  floorPeakMb: number;
}

/** The app's export: built client chunk, one job per export, the file written durably. */
const APP_CHILD = `
import { promises as fs } from 'node:fs';
const [clientUrl, registerPath, roundId, outDir, mode, warmRuns, warmUrl, samplePath] = process.argv.slice(2);
const rss = () => process.memoryUsage().rss / 1048576;
const input = { roundId, filters: {}, includePersonalData: false, registerPath, appVersion: 'bench', generatedAt: new Date() };
let client = null;
// The app's one export worker (exportWorker() of the bundled client; chunk export names are minified).
const load = async () => Object.values(await import(clientUrl)).find((v) => typeof v === 'function' && v.name === 'exportWorker')();
const once = async (k) => {
  if (!client) {
    client = await load();
  }
  const bytes = await client.run({ kind: 'evaluation', input, register: { path: registerPath, revision: 0 } });
  const target = outDir + '/export-' + k + '.xlsx';
  const handle = await fs.open(target + '.tmp', 'w');
  await handle.writeFile(bytes);
  await handle.sync();
  await handle.close();
  await fs.rename(target + '.tmp', target);
};
if (mode === 'warmedUp') {
  // The app's warm-up as it runs after the first screen (chunk export names are minified, function names not).
  const warmUp = Object.values(await import(warmUrl)).find((v) => typeof v === 'function' && v.name === 'warmExcelExport');
  await warmUp(samplePath);
  client = await load();
}
const before = rss();
let start = performance.now();
await once(0);
const firstMs = performance.now() - start;
const rssDeltaMb = rss() - before;
const peakMb = process.resourceUsage().maxRSS / 1024;
const warm = [];
for (let k = 1; k <= Number(warmRuns); k++) {
  start = performance.now();
  await once(k);
  warm.push(performance.now() - start);
}
warm.sort((a, b) => a - b);
process.stdout.write(JSON.stringify({ firstMs, warmMs: warm[warm.length >> 1] ?? 0, rssDeltaMb, peakMb }) + '\\n');
process.exit(0);
`;

/** The floor: exceljs streaming the same cells (read from JSON untimed) into a file. */
const FLOOR_CHILD = `
import { promises as fs, readFileSync, createWriteStream } from 'node:fs';
import { createRequire } from 'node:module';
const [root, cellsPath, outDir, warmRuns] = process.argv.slice(2);
const sheets = JSON.parse(readFileSync(cellsPath, 'utf8'));
const require = createRequire(root + '/package.json');
const once = async (k) => {
  const ExcelJS = require('exceljs');
  const target = outDir + '/floor-' + k + '.xlsx';
  const stream = createWriteStream(target);
  const closed = new Promise((resolve) => stream.on('close', resolve));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
  for (const { name, rows } of sheets) {
    const ws = book.addWorksheet(name);
    rows.forEach((cells, r) => {
      if (!cells) return;
      const row = ws.getRow(r + 1);
      cells.forEach((cell, c) => {
        if (!cell || cell.v === undefined) return;
        const target = row.getCell(c + 1);
        target.value = cell.f ? { formula: cell.f, result: cell.v } : cell.v;
        if (typeof cell.z === 'string') target.numFmt = cell.z;
      });
      row.commit();
    });
    ws.commit();
  }
  await book.commit();
  await closed;
  const handle = await fs.open(target, 'r+');
  await handle.sync();
  await handle.close();
};
let start = performance.now();
await once(0);
const firstMs = performance.now() - start;
const peakMb = process.resourceUsage().maxRSS / 1024;
const warm = [];
for (let k = 1; k <= Number(warmRuns); k++) {
  start = performance.now();
  await once(k);
  warm.push(performance.now() - start);
}
warm.sort((a, b) => a - b);
process.stdout.write(JSON.stringify({ firstMs, warmMs: warm[warm.length >> 1] ?? 0, rssDeltaMb: 0, peakMb }) + '\\n');
process.exit(0);
`;

interface ChildOut {
  firstMs: number;
  warmMs: number;
  rssDeltaMb: number;
  peakMb: number;
}

/** Runs `script` as an .mjs file (not `-e`: the worker thread would inherit `--input-type` and refuse to start). */
async function runNode(dir: string, script: string, args: string[]): Promise<ChildOut> {
  const file = path.join(dir, `child-${Math.random().toString(36).slice(2)}.mjs`);
  await fs.writeFile(file, script);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0)
        return reject(new Error(`Excel kalt: Kindprozess endete mit ${code}: ${err.trim().split('\n').slice(0, 6).join(' ')}`));
      resolve(JSON.parse(out.trim().split('\n').at(-1)!) as ChildOut);
    });
  });
}

/** A built chunk of main (its name carries a content hash). */
function builtChunkUrl(module: string): string {
  const dir = path.join(ROOT, 'out/main');
  const name = existsSync(dir) ? readdirSync(dir).find((n) => n.startsWith(`${module}-`) && n.endsWith('.js')) : undefined;
  if (!name) throw new Error(`out/main/${module}-*.js fehlt: erst \`npm run build\``);
  return pathToFileURL(path.join(dir, name)).href;
}

export async function benchColdExcel(): Promise<ColdExcelFigures> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mpr-bench-excel-cold-'));
  try {
    const input = benchEvaluationInput({ measures: 100, indicators: 2, years: 6 });
    const registerPath = path.join(dir, 'register.json');
    await fs.writeFile(registerPath, snapshotText(input.doc, 0));
    const { sheets } = buildEvaluationSheets(input);
    const cellsPath = path.join(dir, 'cells.json');
    const plain = sheets.map(({ name, sheet }) => ({ name, rows: sheet as unknown as ((XLSX.CellObject | undefined)[] | undefined)[] }));
    await fs.writeFile(cellsPath, JSON.stringify(plain));
    const url = builtChunkUrl('exportWorkerClient');
    const warm = [builtChunkUrl('warmExcel'), path.join(ROOT, 'resources/sample-register.json')];
    const roundId = input.roundId!;
    const cold = await runNode(dir, APP_CHILD, [url, registerPath, roundId, dir, 'cold', '0', ...warm]);
    const warmedUp = await runNode(dir, APP_CHILD, [url, registerPath, roundId, dir, 'warmedUp', String(WARM_RUNS), ...warm]);
    const floor = await runNode(dir, FLOOR_CHILD, [ROOT, cellsPath, dir, String(WARM_RUNS)]);
    return {
      size: 100,
      coldMs: cold.firstMs,
      warmedUpMs: warmedUp.firstMs,
      warmMs: warmedUp.warmMs,
      floorColdMs: floor.firstMs,
      floorWarmMs: floor.warmMs,
      coldRssDeltaMb: cold.rssDeltaMb,
      coldPeakMb: cold.peakMb,
      floorPeakMb: floor.peakMb,
    };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  console.log(JSON.stringify(await benchColdExcel(), null, 2));
}
