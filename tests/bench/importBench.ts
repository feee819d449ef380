/**
 * Benchmark module (not a test) for the spreadsheet import; tests/bench/run.ts may put its result into
 * the table. Prints nothing; works in its own temp folder and removes it.
 *
 * The file: 10,000 new measures as an .xlsx with German headers (Nr., Titel, Handlungsfeld, Status,
 * Federführung, Beteiligte, Stadtbezirke, Beginn, Ende, Budget, Haushaltsjahr, Kurzbeschreibung, Beschreibung,
 * Schlagworte), the texts of generateRegister(10_000). The import is the app's path through the contract:
 * chooseImportFile (read, fresh worker thread, SheetJS, zod check of the answer) and commitImport (header
 * mapping, validation and rules of every row, one durable write of the register with 10,000 new measures,
 * their audit entries and the import record), into a register of 100 measures. The floor: XLSX.read of the
 * same bytes with the same options, in this process (SheetJS's parse alone, already loaded and warm).
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import XLSX from 'xlsx';
import { DEFAULT_PARSE_LIMITS } from '@main/import/limits';
import { sheetReadOptions } from '@main/import/readOptions';
import { createApi, dispatch } from '@main/api';
import { NO_DESKTOP } from '@main/core/desktop';
import { RegisterSession } from '@main/session/session';
import { SettingsFile } from '@main/settings/settingsFile';
import { DISTRICTS } from '@shared/register/districts';
import type { RegisterDocument } from '@shared/register/register';
import { formatDate } from '@shared/core/format';
import { generateRegister } from './generate';

const ROWS = 10_000;
const RUNS = 3;
const TARGET_RATIO = 2;

export interface ImportBenchResult {
  label: string;
  rows: number;
  /** Median of RUNS imports (choose + commit), in ms. */
  ms: number;
  /** Median of RUNS calls of XLSX.read on the same bytes, in ms. */
  floorMs: number;
  ratio: number;
  target: string;
  met: boolean;
  /** Peak resident memory of the process (worker threads included) while the imports ran, sampled every 5 ms. */
  peakMb: number;
  /** Peak resident memory of the whole process so far (getrusage), generating the test file included. */
  processPeakMb: number;
  /** Medians of the parts of one import, for the note. */
  parts: { chooseMs: number; commitMs: number };
  bytes: number;
  runs: number;
}

/** The worker's own read options (electron/main/import/readOptions.ts), so the floor reads exactly as the import does. */
const READ_OPTIONS = sheetReadOptions(DEFAULT_PARSE_LIMITS);

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** 10,000 rows as a clerk's export would have them: codes and names, German dates and amounts as numbers. */
export function importWorkbook(rows = ROWS): Buffer {
  const source = generateRegister(rows);
  const fieldCode = new Map(source.actionFields.map((f) => [f.id, f.code]));
  const unitName = new Map(source.orgUnits.map((u) => [u.id, u.code || u.name]));
  const statusLabel = new Map(source.statuses.map((s) => [s.key, s.label]));
  const districtName = new Map<string, string>(DISTRICTS.map((d) => [d.code, d.name]));
  const header = [
    'Nr.',
    'Titel',
    'Handlungsfeld',
    'Status',
    'Begründung',
    'Federführung',
    'Beteiligte',
    'Stadtbezirke',
    'Beginn',
    'Ende',
    'Budget',
    'Haushaltsjahr',
    'Kurzbeschreibung',
    'Beschreibung',
    'Schlagworte',
  ];
  const aoa: (string | number)[][] = [header];
  source.measures.forEach((m, i) => {
    const budget = m.budget[0];
    // Links to other measures cannot be imported: those rows get a status without one.
    const status = m.status === 'zusammengefuehrt' || m.status === 'ersetzt' ? 'in_umsetzung' : m.status;
    aoa.push([
      `IMP-${String(i + 1).padStart(5, '0')}`,
      m.title,
      fieldCode.get(m.actionFieldId) ?? '',
      statusLabel.get(status) ?? status,
      m.statusReason,
      m.leadOrgUnitId ? (unitName.get(m.leadOrgUnitId) ?? '') : '',
      m.involvedOrgUnitIds.map((id) => unitName.get(id) ?? '').join('; '),
      m.districts.map((d) => districtName.get(d) ?? d).join(', '),
      formatDate(m.plannedStart),
      formatDate(m.plannedEnd),
      budget?.plannedCents ? budget.plannedCents / 100 : '',
      budget?.plannedCents ? budget.year : '',
      m.shortText,
      m.description.slice(0, 2000),
      m.tags.join(', '),
    ]);
  });
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet(aoa), 'Maßnahmen');
  return XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}

export async function benchImport(): Promise<ImportBenchResult> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'mpr-bench-import-'));
  try {
    const bytes = importWorkbook();
    const file = path.join(root, 'massnahmen.xlsx');
    await fs.writeFile(file, bytes);
    const target: RegisterDocument = generateRegister(100);
    const targetText = JSON.stringify(target);

    // Floor: warm up once, then the median of RUNS.
    XLSX.read(bytes, READ_OPTIONS);
    const floor: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      XLSX.read(bytes, READ_OPTIONS);
      floor.push(performance.now() - start);
    }

    let peak = 0;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage.rss());
    }, 5);
    const totals: number[] = [];
    const chooses: number[] = [];
    const commits: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const dir = path.join(root, `run-${run}`);
      await fs.mkdir(dir);
      const storePath = path.join(dir, 'register.json');
      await fs.writeFile(storePath, targetText);
      const settings = await SettingsFile.load(path.join(dir, 'einstellungen.json'));
      const session = new RegisterSession({ settings, samplePath: path.join(dir, 'keine-beispieldaten.json') });
      await session.open(storePath, 'none');
      const api = createApi(session, { ...NO_DESKTOP, pickImportFile: async () => file });
      try {
        const start = performance.now();
        const chosen = await dispatch(api, 'chooseImportFile', {});
        if (!chosen.ok || !chosen.value) throw new Error(`chooseImportFile: ${chosen.ok ? 'abgebrochen' : chosen.error.message}`);
        const afterChoose = performance.now();
        const { token } = chosen.value as { token: string };
        const committed = await dispatch(api, 'commitImport', { token, kind: 'measures', mapping: null, sheet: null });
        const end = performance.now();
        if (!committed.ok)
          throw new Error(`commitImport: ${committed.error.message} ${JSON.stringify(committed.error.fields ?? []).slice(0, 500)}`);
        totals.push(end - start);
        chooses.push(afterChoose - start);
        commits.push(end - afterChoose);
      } finally {
        await session.close();
        peak = Math.max(peak, process.memoryUsage.rss());
      }
    }
    clearInterval(sampler);

    const ms = median(totals);
    const floorMs = median(floor);
    const ratio = ms / floorMs;
    return {
      label: `Import ${ROWS.toLocaleString('de-DE')} Maßnahmen (.xlsx: Worker, Prüfung, Speichern)`,
      rows: ROWS,
      ms,
      floorMs,
      ratio,
      target: '≤ 2×',
      met: ratio <= TARGET_RATIO,
      peakMb: Math.round(peak / 1024 / 1024),
      // maxRSS is in kilobytes.
      processPeakMb: Math.round(process.resourceUsage().maxRSS / 1024),
      parts: { chooseMs: median(chooses), commitMs: median(commits) },
      bytes: bytes.length,
      runs: RUNS,
    };
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
}
