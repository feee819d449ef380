#!/usr/bin/env node
// Builds out/ (electron-vite build) when it is missing or older than the sources, so the command line,
// the test harness and the unit tests always run the current code as built JavaScript (no TypeScript
// loader at run time). Usable as a module (`ensureBuilt()`) and as a command (`node scripts/ensure-built.mjs`).
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { newestMtime } from './mtime.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** What the build produces that run-time code loads: the CLI and the import worker. */
const OUTPUTS = ['out/main/cli.js', 'out/main/parseWorker.js', 'out/main/index.js'];
/** What the build reads. */
const INPUTS = [
  'electron',
  'shared',
  'renderer',
  'resources',
  'package.json',
  'electron.vite.config.ts',
  'aliases.config.ts',
  'tsconfig.base.json',
];

/** True when every output exists and is newer than every input. */
export function isBuilt(root = ROOT) {
  const outputs = OUTPUTS.map((file) => path.join(root, file));
  if (!outputs.every((file) => existsSync(file))) return false;
  const oldestOutput = Math.min(...outputs.map((file) => statSync(file).mtimeMs));
  return INPUTS.every((input) => newestMtime(path.join(root, input)) <= oldestOutput);
}

/** Builds when needed; build messages go to stderr so a command's stdout stays clean. Throws if the build fails. */
export function ensureBuilt(root = ROOT) {
  if (isBuilt(root)) return false;
  process.stderr.write('Masterplan-Register: Programm wird gebaut (electron-vite build) …\n');
  const pkg = createRequire(path.join(root, 'package.json')).resolve('electron-vite/package.json');
  const bin = path.join(path.dirname(pkg), 'bin', 'electron-vite.js');
  const result = spawnSync(process.execPath, [bin, 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: ['ignore', process.stderr, 'inherit'],
  });
  if (result.status !== 0) throw new Error(`electron-vite build failed (exit ${result.status ?? result.signal})`);
  return true;
}

// `--harness`: also the built browser harness (.tmp/harness/serve.mjs, scripts/build-harness.mjs) the bench starts.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureBuilt();
  if (process.argv.includes('--harness')) await (await import('./build-harness.mjs')).ensureHarnessBuilt();
}
