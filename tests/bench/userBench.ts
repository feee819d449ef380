/**
 * Benchmark module (not a test): the app as a user meets it, through the browser harness in a FRESH
 * process (`tests/harness/serve.ts`, which serves the page at once and opens the register behind it, as the
 * app's window does; started as built JavaScript, .tmp/harness/serve.mjs from scripts/build-harness.mjs, as
 * the app runs its built main), driven by Playwright in Debian's chromium. Per register size, RUNS fresh processes:
 *
 *  - process start → first screen (Übersicht) and → first row of the Maßnahmen table (the bench clicks
 *    „Maßnahmen“ as soon as the Übersicht stands); floor: a fresh `node` process that reads and parses the
 *    same file (read + parse, process start included).
 *  - keystroke → result on screen: the first keystroke right after the first row, and the later ones
 *    (in-page clock: keydown → the table shows that query's result and is no longer busy, next frame).
 *  - save → view updated: click „Maßnahme speichern“ → the detail shows the new title (the list's row is
 *    updated before); then → the list shows the changed row; then a second save of the same measure.
 *  - process start → the harness answers HTTP: loading the built main-process modules.
 *  - export click → file written: „Excel-Tabellen exportieren …“ of the whole register → the file exists
 *    (written by rename, so it exists only complete); the first click in the process (cold).
 *
 * Prints nothing; works in its own temp folder and removes it; ends every process it started.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright';
import { generateRegister } from './generate';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SERVE = path.join(ROOT, '.tmp/harness/serve.mjs');
const RUNS = 3;
/** The first keystroke and four later ones: "nordm" (Nordmarkt is a place in the generated titles). */
const TYPED = 'nordm';

export interface UserFigures {
  size: number;
  fileMb: number;
  /** Process start → the harness answers HTTP (node loading the built harness and main-process modules). */
  listenMs: number;
  firstScreenMs: number;
  firstRowMs: number;
  floorMs: number;
  firstKeyMs: number;
  laterKeyMs: number;
  saveViewMs: number;
  saveListMs: number;
  /** A second save (the start's second step long done): click → the detail shows the new title. */
  saveView2Ms: number;
  exportMs: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function run(command: string, args: string[]): Promise<number> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(performance.now() - start) : reject(new Error(`${command} endete mit ${code}`))));
  });
}

/** Floor: a fresh node process reading and parsing the register (process start included). */
async function readParseFloor(file: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++)
    times.push(await run(process.execPath, ['-e', `JSON.parse(require('fs').readFileSync(${JSON.stringify(file)}, 'utf8'))`]));
  return median(times);
}

async function startServe(storePath: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [SERVE, '--store', storePath, '--port', String(port)], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return child;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/** Loads the page as soon as the fresh process listens (polled every 10 ms from here). */
async function gotoWhenUp(page: Page, url: string, start: number): Promise<number> {
  for (;;) {
    const up = await new Promise<boolean>((resolve) => {
      const request = http.get(url, (response) => {
        response.resume();
        resolve(true);
      });
      request.on('error', () => resolve(false));
    });
    if (up) break;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const listening = performance.now() - start;
  await page.goto(url, { waitUntil: 'commit' });
  return listening;
}

/**
 * Key press → the table shows the result of `expected` and is no longer busy; checked in the page on every
 * animation frame, timed here (includes the protocol round trip to the browser, a few ms).
 */
async function keystroke(page: Page, key: string, expected: string): Promise<number> {
  const start = performance.now();
  await page.keyboard.press(key);
  await page.waitForFunction(
    `(() => { const el = document.querySelector('.table-scroll'); return !!el && el.getAttribute('data-search-shown') === ${JSON.stringify(expected)} && !el.hasAttribute('aria-busy'); })()`,
    undefined,
    { polling: 'raf', timeout: 120_000 },
  );
  return performance.now() - start;
}

async function oneRun(
  browser: Browser,
  storePath: string,
  port: number,
  exportDir: string,
): Promise<Omit<UserFigures, 'size' | 'fileMb' | 'floorMs'>> {
  // bypassCSP: the bench's in-page checks are strings (this file is type-checked without the DOM library).
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, bypassCSP: true });
  const page = await context.newPage();
  const start = performance.now();
  const child = await startServe(storePath, port);
  try {
    const listenMs = await gotoWhenUp(page, `http://127.0.0.1:${port}/`, start);
    await page.getByRole('heading', { level: 1, name: 'Übersicht' }).waitFor({ timeout: 120_000 });
    await page.locator('.overview .dash-card, .overview section').first().waitFor({ timeout: 120_000 });
    const firstScreenMs = performance.now() - start;
    if (process.env.BENCH_TRACE) process.stderr.write(`first screen ${firstScreenMs}\n`);
    await page.getByRole('navigation').getByRole('button', { name: 'Maßnahmen' }).click();
    await page.locator('section.register table tbody tr[aria-rowindex="2"]').waitFor({ timeout: 120_000 });
    const firstRowMs = performance.now() - start;
    if (process.env.BENCH_TRACE) process.stderr.write(`first row ${firstRowMs}\n`);

    const search = page.locator('#register-search');
    await search.focus();
    const keys: number[] = [];
    for (let i = 0; i < TYPED.length; i++) {
      keys.push(await keystroke(page, TYPED[i]!, TYPED.slice(0, i + 1)));
      if (process.env.BENCH_TRACE) process.stderr.write(`key ${keys.at(-1)}\n`);
    }
    const [firstKeyMs, ...later] = keys;
    await search.fill('');

    // Save: the first row's measure, a new title.
    await page.locator('section.register table tbody tr[aria-rowindex="2"] a').click();
    await page.getByRole('button', { name: 'Bearbeiten' }).click();
    const title = `Bench ${port} ${Date.now()}`;
    await page.getByRole('textbox', { name: 'Titel', exact: true }).fill(title);
    const saveStart = performance.now();
    await page.getByRole('button', { name: 'Maßnahme speichern' }).first().click();
    await page.getByRole('heading', { level: 1, name: new RegExp(`${title}$`) }).waitFor({ timeout: 120_000 });
    const saveViewMs = performance.now() - saveStart;
    await page.getByRole('navigation').getByRole('button', { name: 'Maßnahmen' }).click();
    await search.fill(title);
    await page.locator('section.register table tbody').getByRole('link', { name: title }).waitFor({ timeout: 120_000 });
    const saveListMs = performance.now() - saveStart;

    // A second save of the same measure: the first may have waited for the start's second step (index,
    // day's backup), which every write awaits; this one shows a save on its own.
    await page.locator('section.register table tbody').getByRole('link', { name: title }).click();
    await page.getByRole('button', { name: 'Bearbeiten' }).click();
    const title2 = `${title} b`;
    await page.getByRole('textbox', { name: 'Titel', exact: true }).fill(title2);
    const save2Start = performance.now();
    await page.getByRole('button', { name: 'Maßnahme speichern' }).first().click();
    await page.getByRole('heading', { level: 1, name: new RegExp(`${title2}$`) }).waitFor({ timeout: 120_000 });
    const saveView2Ms = performance.now() - save2Start;
    if (process.env.BENCH_TRACE) process.stderr.write(`save ${saveViewMs} list ${saveListMs} second save ${saveView2Ms}\n`);

    // Excel export of the whole register: click → file written.
    await page.getByRole('navigation').getByRole('button', { name: 'Evaluation' }).click();
    const button = page.getByRole('button', { name: 'Excel-Tabellen exportieren …' });
    await button.waitFor({ timeout: 300_000 }); // the Evaluation view of 50,000 measures takes a while under load
    const before = new Set(await fs.readdir(exportDir));
    const exportStart = performance.now();
    await button.click();
    let exportMs = 0;
    for (;;) {
      const now = (await fs.readdir(exportDir)).filter((n) => n.endsWith('.xlsx') && !before.has(n));
      if (now.length > 0) {
        exportMs = performance.now() - exportStart;
        await fs.rm(path.join(exportDir, now[0]!));
        break;
      }
      if (performance.now() - exportStart > 300_000) throw new Error('Excel-Export: keine Datei nach 5 min');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return {
      listenMs,
      firstScreenMs,
      firstRowMs,
      firstKeyMs: firstKeyMs!,
      laterKeyMs: median(later),
      saveViewMs,
      saveListMs,
      saveView2Ms,
      exportMs,
    };
  } finally {
    await context.close();
    await stop(child);
  }
}

export async function benchUser(sizes: readonly number[], progress: (m: string) => void): Promise<UserFigures[]> {
  // The built harness, current with the sources (a no-op when it is; `npm run bench` built it already).
  const built = spawnSync(process.execPath, [path.join(ROOT, 'scripts/ensure-built.mjs'), '--harness'], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('Nutzersicht: Harness konnte nicht gebaut werden');
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'masterplan-bench-user-'));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  const figures: UserFigures[] = [];
  try {
    for (const size of sizes) {
      const sizeDir = path.join(dir, String(size));
      await fs.mkdir(sizeDir);
      const storePath = path.join(sizeDir, 'register.json');
      const text = JSON.stringify(generateRegister(size));
      await fs.writeFile(storePath, text);
      const floorMs = await readParseFloor(storePath);
      const runs: Awaited<ReturnType<typeof oneRun>>[] = [];
      for (let i = 0; i < RUNS; i++) {
        progress(`Nutzersicht ${size.toLocaleString('de-DE')} Maßnahmen: Lauf ${i + 1}/${RUNS}`);
        runs.push(await oneRun(browser, storePath, 5400 + i, sizeDir));
      }
      const pick = (key: keyof (typeof runs)[number]) => median(runs.map((r) => r[key]));
      figures.push({
        size,
        fileMb: Buffer.byteLength(text) / (1024 * 1024),
        floorMs,
        listenMs: pick('listenMs'),
        firstScreenMs: pick('firstScreenMs'),
        firstRowMs: pick('firstRowMs'),
        firstKeyMs: pick('firstKeyMs'),
        laterKeyMs: pick('laterKeyMs'),
        saveViewMs: pick('saveViewMs'),
        saveListMs: pick('saveListMs'),
        saveView2Ms: pick('saveView2Ms'),
        exportMs: pick('exportMs'),
      });
    }
  } finally {
    await browser.close();
    await fs.rm(dir, { recursive: true, force: true });
  }
  return figures;
}

// Run alone: `npx tsx tests/bench/userBench.ts 1000 10000` prints the figures as JSON.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const sizes = process.argv.slice(2).map(Number).filter(Boolean);
  const result = await benchUser(sizes.length ? sizes : [1000], (m) => process.stderr.write(`  … ${m}\n`));
  console.log(JSON.stringify(result, null, 2));
}
