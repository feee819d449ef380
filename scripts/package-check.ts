import { getCurrentFuseWire } from '@electron/fuses';
import yaml from 'js-yaml';
import { spawnSync } from 'node:child_process';
import { existsSync, promises as fs, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { DEFAULT_PARSE_LIMITS } from '../electron/main/import/limits';
import { asarEntries, asarTree, checkEntries, checkFuses, checkImports, folderTree, REQUIRED } from './packageCheck';
import { makeStandInElectron } from './standInElectron';

/**
 * `npm run package:check`: builds the unpacked Linux app into dist/linux-unpacked/ with electron-builder
 * against a stand-in Electron (no download), then checks the result (scripts/packageCheck.ts) and prints
 * the asar size. Exit code 1 lists every problem found.
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const rel = (p: string) => path.relative(ROOT, p);

function run(command: string, args: string[]): void {
  const result = spawnSync(process.execPath, [path.join(ROOT, command), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_BUILDER_OFFLINE: 'true' },
  });
  if (result.status !== 0) {
    console.error(`${command} ${args.join(' ')} ist fehlgeschlagen:\n${(result.stdout + result.stderr).split('\n').slice(-30).join('\n')}`);
    process.exit(1);
  }
}

async function folderSize(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await fs.readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return total;
}

if (!existsSync(path.join(ROOT, 'out/main/index.js'))) run('node_modules/electron-vite/bin/electron-vite.js', ['build']);

const electronVersion = (JSON.parse(readFileSync(path.join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string })
  .version;
const standIn = path.join(ROOT, '.tmp/electron-standin');
await makeStandInElectron(standIn, electronVersion, path.join(ROOT, 'node_modules/electron/LICENSE'));
const appDir = path.join(ROOT, 'dist/linux-unpacked');
await fs.rm(appDir, { recursive: true, force: true });
run('node_modules/electron-builder/cli.js', ['--linux', 'dir', '--x64', '--publish', 'never', `-c.electronDist=${standIn}`]);

const config = yaml.load(readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as {
  executableName: string;
  electronFuses?: Record<string, unknown>;
};
const archive = path.join(appDir, 'resources/app.asar');
const unpacked = path.join(appDir, 'resources/app.asar.unpacked');
const problems: string[] = [];
if (!existsSync(archive)) {
  console.error(`package:check: ${rel(archive)} wurde nicht erzeugt.`);
  process.exit(1);
}

// 1. Required entries (everything electron-vite built, except source maps) and nothing that must not ship.
const built = (await fs.readdir(path.join(ROOT, 'out'), { recursive: true, withFileTypes: true }))
  .filter((e) => e.isFile() && !e.name.endsWith('.map'))
  .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)).replaceAll('\\', '/'));
const entries = asarEntries(archive);
problems.push(...checkEntries(entries, [...new Set([...REQUIRED, ...built])]));

// 2. Every bare import of main and preload resolves inside the asar (ESM main, CommonJS preload).
const tree = asarTree(archive);
const mainFiles = built.filter((f) => f.startsWith('out/main/') || f.startsWith('out/preload/')).filter((f) => /\.(c|m)?js$/.test(f));
const conditions = (file: string) => (file.endsWith('.cjs') ? ['node', 'require'] : ['node', 'import']);
problems.push(...checkImports(tree, mainFiles, conditions));

// 3. The import worker runs from app.asar.unpacked with plain Node resolution: it and its imports are there.
problems.push(...checkImports(folderTree(unpacked), ['out/main/parseWorker.js'], conditions).map((p) => `app.asar.unpacked: ${p}`));

// 3b. …and it really parses: a small CSV through the unpacked worker, as the packaged app starts it.
const workerAnswer = await new Promise<unknown>((resolve) => {
  const worker = new Worker(path.join(unpacked, 'out/main/parseWorker.js'));
  const timer = setTimeout(() => void worker.terminate().then(() => resolve('Zeitüberschreitung')), 20_000);
  worker.once('message', (message: unknown) => {
    clearTimeout(timer);
    void worker.terminate().then(() => resolve(message));
  });
  worker.once('error', (error) => {
    clearTimeout(timer);
    resolve(error.message);
  });
  const bytes = new TextEncoder().encode('Nr;Titel\n1;Beleuchtung Nordmarkt\n');
  worker.postMessage({ bytes, format: 'csv', sheet: null, limits: DEFAULT_PARSE_LIMITS }, [bytes.buffer]);
});
const answer = workerAnswer as { ok?: boolean; rows?: unknown[][] };
if (answer?.ok !== true || JSON.stringify(answer.rows).includes('Beleuchtung Nordmarkt') === false) {
  problems.push(`Import-Worker aus app.asar.unpacked liest keine CSV: ${JSON.stringify(workerAnswer).slice(0, 200)}`);
}

// 4. The sample register is readable from inside the archive.
try {
  const sample = JSON.parse(tree.read('resources/sample-register.json')) as { measures?: unknown[] };
  if (!Array.isArray(sample.measures) || sample.measures.length === 0) problems.push('Beispielregister im asar hat keine Maßnahmen');
} catch (error) {
  problems.push(`Beispielregister im asar nicht lesbar: ${error instanceof Error ? error.message : String(error)}`);
}

// 5. The fuses in the packaged executable are those configured, and the configuration is the hardened one.
const binary = path.join(appDir, config.executableName);
const wire = (await getCurrentFuseWire(binary)) as unknown as Record<number, number>;
problems.push(...checkFuses(config.electronFuses, wire));

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
console.log(
  `package:check: ${rel(archive)} ${mb(statSync(archive).size)} (${entries.length} Einträge), app.asar.unpacked ${mb(await folderSize(unpacked))}`,
);
if (problems.length > 0) {
  console.error(`package:check: ${problems.length} Problem(e):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(
  'package:check: Pflichtdateien vorhanden, nichts Unerlaubtes, alle Importe auflösbar, Worker und Beispielregister erreichbar, Fuses wie konfiguriert.',
);
