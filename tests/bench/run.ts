/**
 * Performance benchmark (not a test): `npm run bench`.
 *
 * For generated registers of 100, 1,000 and 10,000 measures (tests/bench/generate.ts), each in its own
 * temp folder, it measures the real code paths next to a floor that does only the unavoidable work:
 *
 *  - Öffnen:     RegisterStore.open (read + JSON.parse + migrate + zod validation)  vs. readFile + JSON.parse
 *  - Speichern:  one title change through dispatch → MeasureService.update (payload validation, rules,
 *                audit entry, durable write)                                       vs. JSON.stringify + write + fsync
 *  - Suche:      filterRows over 10,000 rows built once with toMeasureRow          vs. rows.filter(title.includes)
 *  - Heap:       heapUsed of a fresh process with the 10,000 register open in a RegisterSession (after gc)
 *                                                                                   vs. the same file only JSON.parsed
 *
 * Offline review (tests/bench/review.ts): create and merge a package of 1,000 measures vs. writing/reading the same bytes.
 *
 * Gremien & Beteiligung (tests/bench/participationBench.ts): filtering 5,000 Anregungen and 500 sessions, the Anregungen export.
 *
 * Kalt/warm (tests/bench/coldWarm.ts): open, save, rows, search at 10,000 — the first call in a fresh process
 * and the median of the later ones, each next to its floor (also cold and warm), with memory per operation.
 * Excel kalt (tests/bench/coldExcel.ts): the first Excel export of 100 measures in a fresh process, built program.
 * Prüfpfad (tests/bench/auditCapacity.ts): a 10-year audit trail of a busy office, with vs. without.
 *
 * Informational rows (no target): whole session open (lock, backup, integrity check) and listMeasureRows.
 * `--only=core,coldwarm,excel,audit,docx,review,import,startup,editions,participation,multiuser,user` runs
 * some sections only; `--large` adds 50,000 measures to the user's view.
 * Prints one table (and the machine's load average before and after); writes nothing into the repository;
 * removes its temp folders.
 */
import { benchSubmissionExport } from './docx';
import { benchEditionCompare } from './editionsBench';
import { benchParticipation } from './participationBench';
import { benchMultiUser } from './multiUserBench';
import { benchImport } from './importBench';
import { benchEvaluationExport } from './xlsx';
import { benchReview, REVIEW_SIZE } from './review';
import { benchStartup, rendererScriptSizes, STARTUP_SIZE } from './startupBench';
import { benchUser } from './userBench';
import { benchColdWarm } from './coldWarm';
import { benchColdExcel, COLD_EXCEL_TARGET_MS } from './coldExcel';
import { AUDIT_MEASURES, AUDIT_PER_YEAR, AUDIT_YEARS, benchAuditCapacity } from './auditCapacity';
import { NO_DESKTOP } from '@main/core/desktop';
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Measure, MeasureFields } from '@shared/register/measure';
import { measureSearchText, searchTerms, toMeasureRow } from '@shared/register/search';
import { MeasureSearch } from '@main/register/measureSearch';
import type { RegisterDocument } from '@shared/register/register';
import { createApi, dispatch } from '@main/api';
import { RegisterSession } from '@main/session/session';
import { SettingsFile } from '@main/settings/settingsFile';
import { RegisterStore } from '@main/store/registerStore';
import { createRandom, generateRegister, NO_HIT_QUERIES, SEARCH_VOCABULARY } from './generate';

const SIZES = [100, 1_000, 10_000] as const;
const SEARCH_SIZE = 10_000;
const SAVE_RUNS = 15;
const SEARCH_QUERIES = 200;
const MB = 1024 * 1024;

const THIS_FILE = fileURLToPath(import.meta.url);

// ---------------------------------------------------------------------------------------------------
// Statistics and formatting
// ---------------------------------------------------------------------------------------------------

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Nearest-rank percentile. */
function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const number = (value: number, digits: number) =>
  value.toLocaleString('de-DE', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function ms(value: number): string {
  return `${number(value, value < 10 ? 2 : value < 100 ? 1 : 0)} ms`;
}

function megabytes(bytes: number): string {
  return `${number(bytes / MB, 1)} MB`;
}

interface Row {
  measurement: string;
  size: string;
  value: string;
  floor: string;
  ratio: string;
  target: string;
  met: string;
}

const rows: Row[] = [];

function addRow(
  measurement: string,
  size: number | null,
  value: string,
  floor = '–',
  ratio: number | null = null,
  target = '–',
  met: boolean | null = null,
): void {
  rows.push({
    measurement,
    size: size === null ? '–' : size.toLocaleString('de-DE'),
    value,
    floor,
    ratio: ratio === null ? '–' : `${number(ratio, 2)}×`,
    target,
    met: met === null ? '–' : met ? 'ja' : 'nein',
  });
}

function printTable(): void {
  const header: Row = {
    measurement: 'Messung',
    size: 'Registergröße',
    value: 'Wert',
    floor: 'Untergrenze (floor)',
    ratio: 'Verhältnis',
    target: 'Ziel',
    met: 'erfüllt',
  };
  const keys = Object.keys(header) as (keyof Row)[];
  const width = Object.fromEntries(keys.map((k) => [k, Math.max(...[header, ...rows].map((r) => r[k].length))])) as Record<
    keyof Row,
    number
  >;
  const rightAligned = new Set<keyof Row>(['size', 'value', 'floor', 'ratio']);
  const line = (r: Row) => keys.map((k) => (rightAligned.has(k) ? r[k].padStart(width[k]) : r[k].padEnd(width[k]))).join(' | ');
  console.log(line(header));
  console.log(keys.map((k) => '-'.repeat(width[k])).join('-+-'));
  for (const r of rows) console.log(line(r));
}

function progress(message: string): void {
  process.stderr.write(`  … ${message}\n`);
}

// ---------------------------------------------------------------------------------------------------
// Measurements
// ---------------------------------------------------------------------------------------------------

async function time(job: () => Promise<unknown> | unknown): Promise<number> {
  const start = performance.now();
  await job();
  return performance.now() - start;
}

/** Real open vs. readFile + JSON.parse, interleaved so drift (GC, page cache) hits both alike. */
async function benchOpen(file: string, runs: number): Promise<{ open: number; parse: number }> {
  const open: number[] = [];
  const parse: number[] = [];
  const once = async () => ({
    open: await time(() => RegisterStore.open(file)),
    parse: await time(async () => JSON.parse(await fs.readFile(file, 'utf8')) as unknown),
  });
  await once(); // warm-up: JIT and page cache
  for (let i = 0; i < runs; i++) {
    const t = await once();
    open.push(t.open);
    parse.push(t.parse);
  }
  return { open: median(open), parse: median(parse) };
}

function fieldsOf(m: Measure): MeasureFields {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { id, version, createdAt, updatedAt, deletedAt, ...fields } = m;
  return fields;
}

/** One title change per run through the IPC entry point, vs. serializing and fsyncing the same document. */
async function benchSave(session: RegisterSession, dir: string): Promise<{ save: number; floor: number }> {
  const api = createApi(session, NO_DESKTOP);
  const active = session.requireOpen().store.doc.measures.filter((m) => !m.deletedAt);
  const save: number[] = [];
  const floor: number[] = [];
  for (let k = 0; k <= SAVE_RUNS; k++) {
    const target = active[Math.floor((k * active.length) / (SAVE_RUNS + 1))]!;
    const current = await api.getMeasure({ id: target.id });
    const fields = { ...fieldsOf(current), title: `Überarbeitet (${k + 1}): ${current.title}`.slice(0, 200) };
    const realSave = () =>
      time(async () => {
        const result = await dispatch(api, 'updateMeasure', { id: current.id, version: current.version, fields });
        if (!result.ok) throw new Error(`Speichern fehlgeschlagen: ${result.error.code} ${result.error.message}`);
      });
    // A fresh file each time, like the real save (which writes a new temp file and renames it).
    const floorFile = path.join(dir, `floor-${k}.json`);
    const floorWrite = () =>
      time(async () => {
        const text = JSON.stringify(session.requireOpen().store.doc);
        const handle = await fs.open(floorFile, 'wx');
        try {
          await handle.writeFile(text);
          await handle.sync();
        } finally {
          await handle.close();
        }
      });
    // Alternate which goes first, so leftover GC or disk work of the previous write hits both alike.
    let saveMs: number;
    let floorMs: number;
    if (k % 2 === 0) {
      saveMs = await realSave();
      floorMs = await floorWrite();
    } else {
      floorMs = await floorWrite();
      saveMs = await realSave();
    }
    await fs.rm(floorFile);
    if (k === 0) continue; // warm-up
    save.push(saveMs);
    floor.push(floorMs);
  }
  return { save: median(save), floor: median(floor) };
}

/** Queries of 1–3 words from the generated vocabulary (some typed only partly), plus a few without hits. */
function searchQueries(): string[] {
  const r = createRandom(20_240_611);
  const queries: string[] = [];
  for (let i = 0; i < SEARCH_QUERIES - NO_HIT_QUERIES.length; i++) {
    const words = r
      .sample(SEARCH_VOCABULARY, r.pick([1, 1, 1, 2, 2, 3]))
      .map((w) => (r.chance(0.25) && w.length > 5 ? w.slice(0, r.int(3, w.length - 1)) : w));
    queries.push(words.join(' '));
  }
  return [...queries, ...NO_HIT_QUERIES];
}

/**
 * The search as the app runs it since issue 18: the index in main (MeasureSearch), built once in idle time
 * after the start and then kept up to date per change. Floor: the same job without an index — a scan of the
 * same folded texts (all fields the search covers) for every word of the query.
 */
async function benchSearch(doc: RegisterDocument): Promise<{
  median: number;
  p95: number;
  floorMedian: number;
  floorP95: number;
  hits: number;
  buildMs: number;
  updateMs: number;
}> {
  const queries = searchQueries();
  let current = doc;
  const search = new MeasureSearch(() => current);
  const buildStart = performance.now();
  await search.sync();
  const buildMs = performance.now() - buildStart;
  const texts = doc.measures.filter((m) => !m.deletedAt).map((m) => measureSearchText(m, doc));
  for (const q of queries.slice(0, 20)) await search.search(q); // warm-up
  const times: number[] = [];
  const floor: number[] = [];
  let hits = 0;
  for (const q of queries) {
    let start = performance.now();
    const found = await search.search(q);
    times.push(performance.now() - start);
    hits += found.length;
    start = performance.now();
    const terms = searchTerms(q);
    texts.filter((t) => terms.every((w) => t.includes(w)));
    floor.push(performance.now() - start);
  }
  // One saved change: a new measure object in a new document, as a commit makes it.
  const updates: number[] = [];
  for (let i = 0; i < 9; i++) {
    const at = (i * 997) % current.measures.length;
    const measures = [...current.measures];
    measures[at] = { ...measures[at]!, title: `Geändert ${i} Glühwürmchen` };
    current = { ...current, measures };
    const start = performance.now();
    await search.sync();
    updates.push(performance.now() - start);
  }
  return {
    median: median(times),
    p95: percentile(times, 95),
    floorMedian: median(floor),
    floorP95: percentile(floor, 95),
    hits: hits / queries.length,
    buildMs,
    updateMs: median(updates),
  };
}

type HeapMode = 'parse' | 'session';

async function readParsed(file: string): Promise<unknown> {
  return JSON.parse(await fs.readFile(file, 'utf8'));
}

/**
 * Runs in a fresh child process started with --expose-gc, so the heap holds only what the app would
 * hold. `parse` keeps just the JSON.parse result of the file (the floor), `session` a RegisterSession
 * with the file open. Reading happens in helper functions that have returned before measuring, so no
 * suspended frame keeps the file text alive.
 */
async function heapChild(mode: HeapMode, file: string): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('heap child needs --expose-gc');
  const settle = () => {
    for (let i = 0; i < 3; i++) gc();
    return process.memoryUsage().heapUsed;
  };
  // Load every module the session needs before the baseline.
  const settings = await SettingsFile.load(path.join(path.dirname(file), `einstellungen-heap-${mode}.json`));
  const session = new RegisterSession({ settings, samplePath: '' });
  const baseline = settle();
  let heapUsed: number;
  if (mode === 'parse') {
    const parsed = await readParsed(file);
    heapUsed = settle();
    if (!parsed) throw new Error('unreachable');
  } else {
    const described = await session.open(file, 'none');
    if (described.state !== 'open') throw new Error(`heap child: ${described.message}`);
    heapUsed = settle();
    await session.close();
  }
  process.stdout.write(JSON.stringify({ baseline, heapUsed }) + '\n');
}

function runHeapChild(mode: HeapMode, file: string): Promise<{ baseline: number; heapUsed: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', THIS_FILE, '--heap-child', mode, file], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`Heap-Messung (${mode}): Kindprozess endete mit ${code}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').at(-1)!) as { baseline: number; heapUsed: number });
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}

// ---------------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------------

const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const want = (section: string) => !only || only.includes(section);

/** Figures with the memory an operation took: "+12,3 MB RSS, +4,5 MB Heap gehalten, Spitze 250 MB". */
function memoryNote(m: { rssDeltaMb: number; heapHeldMb: number; peakMb: number }): string {
  return `${number(m.rssDeltaMb, 1)} MB RSS, ${number(m.heapHeldMb, 1)} MB Heap gehalten, Spitze ${number(m.peakMb, 0)} MB`;
}

async function main(): Promise<void> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'mpr-bench-'));
  const started = performance.now();
  const loadBefore = os.loadavg();
  let heapFile = '';
  try {
    for (const size of want('core') ? SIZES : []) {
      const dir = path.join(root, String(size));
      await fs.mkdir(dir);
      const file = path.join(dir, 'register.json');
      progress(`${size} Maßnahmen: erzeugen`);
      const text = JSON.stringify(generateRegister(size));
      await fs.writeFile(file, text);
      addRow('Dateigröße', size, megabytes(Buffer.byteLength(text)));

      progress(`${size} Maßnahmen: öffnen`);
      const open = await benchOpen(file, size >= 10_000 ? 5 : 7);
      addRow(
        'Öffnen (RegisterStore.open)',
        size,
        ms(open.open),
        `${ms(open.parse)} JSON.parse`,
        open.open / open.parse,
        '≤ 2×',
        open.open / open.parse <= 2,
      );

      progress(`${size} Maßnahmen: Sitzung öffnen und speichern`);
      const settings = await SettingsFile.load(path.join(dir, 'einstellungen.json'));
      const session = new RegisterSession({ settings, samplePath: '' });
      const sessionOpenStart = performance.now();
      const described = await session.open(file, 'none');
      const sessionOpenMs = performance.now() - sessionOpenStart;
      if (described.state !== 'open' || described.readOnly)
        throw new Error(`Register ließ sich nicht beschreibbar öffnen: ${JSON.stringify(described)}`);
      if (described.warnings.length > 0)
        throw new Error(`Erzeugtes Register hat Integritätswarnungen: ${described.warnings.slice(0, 3).join('; ')}`);
      addRow(
        'Öffnen gesamt (Sitzung: Sperre, Sicherung, Integritätsprüfung)',
        size,
        ms(sessionOpenMs),
        `${ms(open.parse)} JSON.parse`,
        sessionOpenMs / open.parse,
      );

      try {
        const save = await benchSave(session, dir);
        addRow(
          'Speichern einer Änderung (updateMeasure)',
          size,
          ms(save.save),
          `${ms(save.floor)} stringify+write+fsync`,
          save.save / save.floor,
          '≤ 1,5×',
          save.save / save.floor <= 1.5,
        );

        const api = createApi(session, NO_DESKTOP);
        await api.listMeasureRows({});
        const listTimes: number[] = [];
        for (let i = 0; i < 3; i++) listTimes.push(await time(() => api.listMeasureRows({})));
        const listMs = median(listTimes);
        addRow('Tabellenzeilen bauen (listMeasureRows)', size, ms(listMs));

        if (size === SEARCH_SIZE) {
          progress(`${size} Maßnahmen: Suche`);
          const doc = session.requireOpen().store.doc;
          const search = await benchSearch(doc);
          const label = `${SEARCH_QUERIES} Anfragen, Ø ${number(search.hits, 0)} Treffer`;
          addRow(
            `Suche im Index (searchMeasures), Median (${label})`,
            size,
            ms(search.median),
            `${ms(search.floorMedian)} Scan aller Suchfelder`,
            search.median / search.floorMedian,
            '≤ 10 ms',
            search.median <= 10,
          );
          addRow('Suche im Index, p95', size, ms(search.p95), `${ms(search.floorP95)} Scan aller Suchfelder`, search.p95 / search.floorP95);
          addRow('Suchindex aufbauen (einmal, in Leerlaufzeit nach dem Start)', size, ms(search.buildMs));
          addRow('Suchindex nach einer Änderung nachführen', size, ms(search.updateMs), '–', null, '≤ 5 ms', search.updateMs <= 5);
          // Lean rows: what the table needs, vs. the same rows with the folded search text as before issue 18.
          const lean = Buffer.byteLength(JSON.stringify(doc.measures.map((m) => toMeasureRow(m, doc))));
          const fat = Buffer.byteLength(
            JSON.stringify(doc.measures.map((m) => ({ ...toMeasureRow(m, doc), haystack: measureSearchText(m, doc) }))),
          );
          addRow(
            'Tabellenzeilen (listMeasureRows), JSON-Größe',
            size,
            megabytes(lean),
            `${megabytes(fat)} mit Suchtext (vorher)`,
            lean / fat,
          );
          heapFile = file;
        }
      } finally {
        await session.close();
      }
    }

    if (!heapFile) {
      heapFile = path.join(root, 'register-10000.json');
      await fs.writeFile(heapFile, JSON.stringify(generateRegister(SEARCH_SIZE)));
    }
    if (want('core')) await heapRows(heapFile);

    if (want('coldwarm'))
      for (const row of await benchColdWarm(heapFile, progress)) {
        for (const phase of ['kalt (neuer Prozess, 1. Aufruf)', 'warm (Median der folgenden)'] as const) {
          const cold = phase.startsWith('kalt');
          const value = cold ? row.app.coldMs : row.app.warmMs;
          const floor = row.floor ? (cold ? row.floor.coldMs : row.floor.warmMs) : null;
          const memory = cold ? ` [${memoryNote(row.app)}${row.floor ? `; Untergrenze ${memoryNote(row.floor)}` : ''}]` : '';
          addRow(
            `${row.label}, ${phase}${memory}`,
            SEARCH_SIZE,
            ms(value),
            floor === null ? '–' : `${ms(floor)} ${row.floorLabel}`,
            floor === null ? null : value / floor,
          );
        }
      }

    if (want('excel')) {
      progress('Excel-Export 100 Maßnahmen, kalt (neuer Prozess, gebautes Programm)');
      const x = await benchColdExcel();
      const target = `≤ ${COLD_EXCEL_TARGET_MS} ms`;
      addRow(
        `Excel-Export Evaluation, kalt: Klick → Datei im neuen Prozess (Worker startet, exceljs lädt) [+${number(x.coldRssDeltaMb, 0)} MB RSS, Spitze ${number(x.coldPeakMb, 0)} MB; Untergrenze Spitze ${number(x.floorPeakMb, 0)} MB]`,
        x.size,
        ms(x.coldMs),
        `${ms(x.floorColdMs)} node: exceljs laden+streamen`,
        x.coldMs / x.floorColdMs,
        target,
        x.coldMs <= COLD_EXCEL_TARGET_MS,
      );
      addRow(
        'Excel-Export Evaluation, erster nach dem Vorwärmen im Leerlauf (wie die App nach dem ersten Bildschirm)',
        x.size,
        ms(x.warmedUpMs),
        `${ms(x.floorWarmMs)} exceljs-Streaming warm`,
        x.warmedUpMs / x.floorWarmMs,
        target,
        x.warmedUpMs <= COLD_EXCEL_TARGET_MS,
      );
      addRow(
        'Excel-Export Evaluation, warm (Median der folgenden, mit Datei schreiben)',
        x.size,
        ms(x.warmMs),
        `${ms(x.floorWarmMs)} exceljs-Streaming warm`,
        x.warmMs / x.floorWarmMs,
      );
    }

    if (want('audit')) {
      const a = await benchAuditCapacity(progress);
      const assumption = `${AUDIT_YEARS} Jahre × ${AUDIT_PER_YEAR.toLocaleString('de-DE')} Einträge (5 Personen × 20 Änderungen × 220 Tage)`;
      addRow(`Prüfpfad ${assumption}: Einträge`, AUDIT_MEASURES, a.entries.toLocaleString('de-DE'));
      addRow(
        'Prüfpfad 10 Jahre: Dateigröße',
        AUDIT_MEASURES,
        megabytes(a.bytes),
        `${megabytes(a.bytesWithout)} ohne`,
        a.bytes / a.bytesWithout,
      );
      addRow(
        'Prüfpfad 10 Jahre: Öffnen (RegisterStore.open)',
        AUDIT_MEASURES,
        ms(a.openMs),
        `${ms(a.openWithoutMs)} ohne`,
        a.openMs / a.openWithoutMs,
      );
      addRow(
        'Prüfpfad 10 Jahre: Speichern einer Änderung (Journal)',
        AUDIT_MEASURES,
        ms(a.saveMs),
        `${ms(a.saveWithoutMs)} ohne`,
        a.saveMs / a.saveWithoutMs,
        'nicht langsamer (≤ 1,2×)',
        a.saveMs / a.saveWithoutMs <= 1.2,
      );
      addRow(
        'Prüfpfad 10 Jahre: Journal in den Snapshot falten (nach ~2.000 Speichervorgängen)',
        AUDIT_MEASURES,
        ms(a.compactMs),
        `${ms(a.compactWithoutMs)} ohne`,
        a.compactMs / a.compactWithoutMs,
      );
      addRow(
        'Prüfpfad 10 Jahre: Verlauf einer Maßnahme, 1. Seite',
        AUDIT_MEASURES,
        ms(a.historyMs),
        `${ms(a.historyWithoutMs)} ohne`,
        a.historyMs / a.historyWithoutMs,
      );
      if (a.heapMb !== null && a.heapWithoutMb !== null)
        addRow(
          'Prüfpfad 10 Jahre: Heap mit offenem Register (nach gc)',
          AUDIT_MEASURES,
          megabytes(a.heapMb * MB),
          `${megabytes(a.heapWithoutMb * MB)} ohne`,
          a.heapMb / a.heapWithoutMb,
        );
    }
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
  await otherSections();
  const cpu = os.cpus()[0]?.model.trim() ?? '?';
  const load = (l: number[]) => l.map((v) => number(v, 2)).join(' / ');
  console.log(
    `\nMasterplan-Register – Benchmark (Node ${process.version}, ${os.cpus().length} × ${cpu}, ${os.platform()}, Dauer ${number((performance.now() - started) / 1000, 0)} s, Last (1/5/15 min) vorher ${load(loadBefore)}, nachher ${load(os.loadavg())})\n`,
  );
  printTable();
}

async function heapRows(heapFile: string): Promise<void> {
  progress(`${SEARCH_SIZE} Maßnahmen: Heap (eigener Prozess)`);
  const heapSession = await runHeapChild('session', heapFile);
  const heapParse = await runHeapChild('parse', heapFile);
  addRow(
    'Heap Hauptprozess (heapUsed nach gc, Register offen)',
    SEARCH_SIZE,
    megabytes(heapSession.heapUsed),
    `${megabytes(heapParse.heapUsed)} nur JSON.parse`,
    heapSession.heapUsed / heapParse.heapUsed,
    '< 200 MB',
    heapSession.heapUsed < 200 * MB,
  );
  addRow('  davon Grundlast ohne Register', SEARCH_SIZE, megabytes(heapSession.baseline));
}

async function otherSections(): Promise<void> {
  if (want('docx')) {
    progress('Word-Export einer Ratsvorlage (20 Seiten, 200 Maßnahmen)');
    const docx = await benchSubmissionExport();
    addRow(docx.label, docx.measures, ms(docx.exportMs), `${ms(docx.floorMs)} docx-Packen`, docx.ratio, '≤ 1 s', docx.met);
  }
  if (want('review')) {
    progress(`Offline-Prüfung (${REVIEW_SIZE} Maßnahmen)`);
    for (const row of await benchReview())
      addRow(row.label, REVIEW_SIZE, ms(row.ms), `${ms(row.floorMs)} ${row.floorLabel}`, row.ms / row.floorMs, '≤ 2 s', row.met);
  }
  if (want('excel')) {
    progress('Evaluation: Excel-Export (100 und 10.000 Maßnahmen)');
    for (const row of await benchEvaluationExport()) {
      const idle = row.idleLoopDelayMs === null ? '' : ` (im Leerlauf ${number(row.idleLoopDelayMs, 0)} ms)`;
      const busy = row.mainBusyMs === null ? '' : `, Hauptthread beschäftigt ${number(row.mainBusyMs, 0)} ms`;
      const delay = row.loopDelayMs === null ? '' : `, Event-Loop max. ${number(row.loopDelayMs, 0)} ms${idle}${busy}`;
      const peaks =
        row.workerPeakMb === null
          ? `Spitze ${megabytes(row.peakMb * MB)}`
          : `Worker-Spitze ${megabytes(row.workerPeakMb * MB)}, Prozess mit Register im Hauptthread ${megabytes(row.peakMb * MB)}, Untergrenze ${megabytes(row.floorPeakMb * MB)}`;
      addRow(
        `${row.label} (${peaks}${delay})`,
        row.size,
        ms(row.ms),
        `${ms(row.floorMs)} exceljs-Streaming`,
        row.ratio,
        row.target,
        row.met,
      );
    }
  }
  if (want('import')) {
    progress('Import von 10.000 Zeilen');
    const imported = await benchImport();
    addRow(
      `${imported.label} (Spitze ${megabytes(imported.peakMb * MB)})`,
      imported.rows,
      ms(imported.ms),
      `${ms(imported.floorMs)} XLSX.read`,
      imported.ratio,
      imported.target,
      imported.met,
    );
  }
  if (want('startup')) {
    progress('Start der Harness bis zum ersten Bildschirm (1.000 Maßnahmen)');
    const startup = await benchStartup();
    addRow(
      'Harness-Start bis Übersicht sichtbar (Median)',
      STARTUP_SIZE,
      ms(startup.ms),
      `${ms(startup.floorMs)} leere Seite laden`,
      startup.ms / startup.floorMs,
    );
    const scripts = rendererScriptSizes();
    addRow(
      `Renderer-JavaScript für den ersten Bildschirm (${scripts.initialFiles} Dateien)`,
      null,
      megabytes(scripts.initialBytes),
      `${megabytes(scripts.totalBytes)} alle ${scripts.chunks} Teile`,
      scripts.initialBytes / scripts.totalBytes,
    );
  }
  if (want('editions')) {
    progress('Vergleich zweier Fassungen');
    const editions = benchEditionCompare();
    addRow(
      editions.label,
      editions.size,
      ms(editions.ms),
      `${ms(editions.floorMs)} Map + JSON-Vergleich`,
      editions.ratio,
      `≤ ${number(editions.target / 1000, 0)} s`,
      editions.ms <= editions.target,
    );
  }
  if (want('participation')) {
    progress('Gremien & Beteiligung: 5.000 Anregungen, 500 Sitzungen');
    for (const row of await benchParticipation())
      addRow(
        `${row.label} (${row.detail})`,
        row.size,
        ms(row.ms),
        `${ms(row.floorMs)} ${row.floorLabel}`,
        row.ms / row.floorMs,
        row.target,
        row.met,
      );
  }
  // Several clerks on one register (tests/bench/multiUserBench.ts, docs/multi-user.md).
  if (want('multiuser'))
    for (const row of await benchMultiUser(progress))
      addRow(
        row.label,
        row.size,
        ms(row.ms),
        row.floorMs === null ? '–' : `${ms(row.floorMs)} ${row.floorLabel}`,
        row.floorMs === null ? null : row.ms / row.floorMs,
        row.target,
        row.met,
      );
  // The user's view (tests/bench/userBench.ts): fresh harness process, Playwright. 50,000 with --large.
  const userSizes = process.argv.includes('--large') ? [1_000, 10_000, 50_000] : [1_000, 10_000];
  if (want('user'))
    for (const u of await benchUser(userSizes, progress)) {
      addRow('Nutzer: Prozessstart → Harness antwortet (gebautes JavaScript wie die App)', u.size, ms(u.listenMs));
      addRow(
        'Nutzer: Prozessstart → Übersicht sichtbar',
        u.size,
        ms(u.firstScreenMs),
        `${ms(u.floorMs)} node: lesen+parsen`,
        u.firstScreenMs / u.floorMs,
      );
      addRow(
        'Nutzer: Prozessstart → erste Tabellenzeile',
        u.size,
        ms(u.firstRowMs),
        `${ms(u.floorMs)} node: lesen+parsen`,
        u.firstRowMs / u.floorMs,
        '≤ 2×',
        u.firstRowMs / u.floorMs <= 2,
      );
      addRow('Nutzer: erster Tastendruck → Ergebnis', u.size, ms(u.firstKeyMs), '–', null, '≤ 50 ms', u.firstKeyMs <= 50);
      addRow('Nutzer: weitere Tastendrücke → Ergebnis (Median)', u.size, ms(u.laterKeyMs));
      addRow('Nutzer: Speichern → Ansicht aktualisiert', u.size, ms(u.saveViewMs), '–', null, '≤ 300 ms', u.saveViewMs <= 300);
      addRow('Nutzer: Speichern → Liste zeigt die Zeile', u.size, ms(u.saveListMs));
      addRow('Nutzer: zweites Speichern → Ansicht aktualisiert', u.size, ms(u.saveView2Ms), '–', null, '≤ 300 ms', u.saveView2Ms <= 300);
      addRow('Nutzer: Excel-Export (ganzes Register), Klick → Datei (erster im Prozess)', u.size, ms(u.exportMs));
    }
}

if (process.argv[2] === '--heap-child') {
  await heapChild(process.argv[3] as HeapMode, process.argv[4]!);
} else {
  await main();
}
