/**
 * Benchmark module (not a test): from starting the browser harness to the first usable screen (the
 * Übersicht's heading visible) on a register of 1,000 measures, in Debian's chromium; median of RUNS fresh
 * harness starts on the same file. The floor: a plain static server started the same way and the same
 * browser loading the same built index.html and its scripts without any data (what any page load costs).
 * Also reports the renderer's JavaScript: what the first screen loads (entry and its static imports) and
 * the total of all chunks. Prints nothing; works in its own temp folder and removes it.
 */
import { promises as fs, readdirSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright';
import { startHarness } from '../harness/server';
import { generateRegister } from './generate';

export const STARTUP_SIZE = 1_000;
const RUNS = 5;
const ROOT = path.resolve(import.meta.dirname, '../..');
const RENDERER = path.join(ROOT, 'out/renderer');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Bytes of JavaScript the first screen loads (entry script and its static imports) and of all chunks. */
export function rendererScriptSizes(dir = RENDERER): { initialBytes: number; initialFiles: number; totalBytes: number; chunks: number } {
  const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]*src="\.\/([^"]+)"/.exec(html)?.[1];
  if (!entry) throw new Error('no module script in out/renderer/index.html');
  const seen = new Set<string>();
  const stack = [entry];
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(path.join(dir, file), 'utf8');
    for (const m of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w*{},\s$]+from\s*)?["'](\.\/[^"']+)["']/g))
      stack.push(path.posix.join(path.posix.dirname(file), m[1]!));
  }
  const all = readdirSync(path.join(dir, 'assets')).filter((f) => f.endsWith('.js'));
  const size = (f: string) => statSync(path.join(dir, f)).size;
  return {
    initialBytes: [...seen].reduce((a, f) => a + size(f), 0),
    initialFiles: seen.size,
    totalBytes: all.reduce((a, f) => a + size(`assets/${f}`), 0),
    chunks: all.length,
  };
}

async function staticServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const relative = req.url === '/' || !req.url ? 'index.html' : decodeURIComponent(req.url.slice(1).split('?')[0]!);
    fs.readFile(path.join(RENDERER, relative)).then(
      (body) => {
        res.setHeader('content-type', relative.endsWith('.js') ? 'text/javascript' : relative.endsWith('.css') ? 'text/css' : 'text/html');
        res.end(body);
      },
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export async function benchStartup(): Promise<{ ms: number; floorMs: number }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'masterplan-bench-start-'));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const storePath = path.join(dir, 'register.json');
    await fs.writeFile(storePath, JSON.stringify(generateRegister(STARTUP_SIZE)));
    const app: number[] = [];
    const floor: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      let started = performance.now();
      const harness = await startHarness({ storePath, settingsDir: path.join(dir, `einstellungen-${run}`) });
      await page.goto(harness.url);
      await page.getByRole('heading', { level: 1, name: 'Übersicht' }).waitFor();
      app.push(performance.now() - started);
      await harness.close();
      await context.close();

      const floorContext = await browser.newContext();
      const floorPage = await floorContext.newPage();
      started = performance.now();
      const server = await staticServer();
      await floorPage.goto(server.url, { waitUntil: 'load' });
      floor.push(performance.now() - started);
      await server.close();
      await floorContext.close();
    }
    return { ms: median(app), floorMs: median(floor) };
  } finally {
    await browser.close();
    await fs.rm(dir, { recursive: true, force: true });
  }
}
