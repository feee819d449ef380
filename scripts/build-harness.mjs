#!/usr/bin/env node
// Bundles the browser harness (tests/harness/serve.ts) into built JavaScript at .tmp/harness/serve.mjs, so
// the user bench (tests/bench/userBench.ts) times the app's start and not tsx transpiling main's sources
// (the app itself runs built JavaScript). Rebuilt when older than its sources; `npm run harness` runs it.
// Packages stay external (loaded from node_modules as the app does); the workers are the app's build in
// out/main (ensure-built.mjs), found there because `import.meta.url` is pinned to that folder below.
import { existsSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { newestMtime } from './mtime.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const HARNESS_ENTRY = path.join(ROOT, '.tmp/harness/serve.mjs');
const INPUTS = ['electron', 'shared', 'tests/harness', 'package.json', 'tsconfig.base.json', 'scripts/build-harness.mjs'];

export function isHarnessBuilt(root = ROOT) {
  const out = path.join(root, '.tmp/harness/serve.mjs');
  if (!existsSync(out)) return false;
  const built = statSync(out).mtimeMs;
  return INPUTS.every((input) => newestMtime(path.join(root, input)) <= built);
}

export async function ensureHarnessBuilt(root = ROOT) {
  if (isHarnessBuilt(root)) return false;
  rmSync(path.join(root, '.tmp/harness'), { recursive: true, force: true });
  const { build } = await import('esbuild');
  const { compilerOptions } = JSON.parse((await import('node:fs')).readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8'));
  const alias = Object.fromEntries(
    Object.entries(compilerOptions.paths).map(([key, [target]]) => [
      key.replace(/\/\*$/, ''),
      path.resolve(root, target.replace(/\/\*$/, '')),
    ]),
  );
  await build({
    entryPoints: [path.join(root, 'tests/harness/serve.ts')],
    outdir: path.join(root, '.tmp/harness'),
    bundle: true,
    // Modules main imports on first use (exceljs, docx, the export builders) stay separate chunks, loaded
    // when first used as in the app's build; one file would load them all at the start.
    splitting: true,
    chunkNames: '[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
    alias,
    // Main's modules look for their built workers (exportWorker.js, parseWorker.js) beside themselves:
    // in the app that is out/main, so the bundle says it lives there. `import.meta.dirname` stays the
    // bundle's own (.tmp/harness, two levels below the root like tests/harness: server.ts finds out/renderer).
    define: { 'import.meta.url': JSON.stringify(pathToFileURL(path.join(root, 'out/main/harness.js')).href) },
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await ensureHarnessBuilt();
