import asar from '@electron/asar';
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';

/**
 * The checks `npm run package:check` runs on a built app: what the asar must hold, what it must not, that
 * every bare import of the built main and preload resolves inside it, that the import worker and the
 * sample register are reachable, and that the fuses in the binary match the configuration. Each check
 * returns problems (German, one line each) instead of throwing, so one run lists all of them.
 */

/** A read-only view of a file tree: the asar archive or a folder on disk (the unpacked part). */
export interface Tree {
  exists(file: string): boolean;
  read(file: string): string;
}

export function asarTree(archive: string): Tree {
  const files = new Set(asar.listPackage(archive, { isPack: false }).map((f) => f.replaceAll('\\', '/').replace(/^\//, '')));
  return {
    exists: (file) => files.has(file),
    read: (file) => asar.extractFile(archive, file).toString('utf8'),
  };
}

export function folderTree(root: string): Tree {
  return {
    exists: (file) => existsSync(path.join(root, file)),
    read: (file) => readFileSync(path.join(root, file), 'utf8'),
  };
}

export function asarEntries(archive: string): string[] {
  return asar.listPackage(archive, { isPack: false }).map((f) => f.replaceAll('\\', '/').replace(/^\//, ''));
}

const BUILTINS = new Set(['electron', ...builtinModules]);

/** Module specifiers named by static/dynamic imports and require() calls of a built file. */
export function importsOf(code: string): string[] {
  const found = new Set<string>();
  // Static imports are statements at the start of a line in bundled output; the specifier has no spaces.
  const patterns = [
    /^\s*(?:import|export)\b[^;'"]*?\bfrom\s*["']([^"'\s]+)["']/gm,
    /^\s*import\s*["']([^"'\s]+)["']/gm,
    /\bimport\(\s*["']([^"'\s]+)["']\s*\)/g,
    /\brequire\(\s*["']([^"'\s]+)["']\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of code.matchAll(pattern)) found.add(match[1]!);
  return [...found];
}

export function isBare(specifier: string): boolean {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return false;
  return !BUILTINS.has(specifier) && !BUILTINS.has(specifier.split('/')[0]!);
}

type ExportsValue = string | null | ExportsValue[] | { [key: string]: ExportsValue };

function pickConditions(value: ExportsValue, conditions: readonly string[]): string | null {
  if (value === null) return null;
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    for (const item of value) {
      const hit = pickConditions(item, conditions);
      if (hit) return hit;
    }
    return null;
  }
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'default' || conditions.includes(key)) {
      const hit = pickConditions(inner, conditions);
      if (hit) return hit;
    }
  }
  return null;
}

const EXTENSIONS = ['', '.js', '.cjs', '.mjs', '.json', '/index.js', '/index.cjs'];

/**
 * Resolves a bare specifier from `fromDir` the way Node does for the cases our dependencies use: node_modules
 * folders up the tree, package.json `exports` (with the given conditions), else `main`. Returns the file or null.
 */
export function resolveBare(tree: Tree, fromDir: string, specifier: string, conditions: readonly string[]): string | null {
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  const subpath = specifier.slice(name.length);
  let dir = fromDir;
  for (;;) {
    const pkgDir = path.posix.join(dir, 'node_modules', name);
    const pkgFile = path.posix.join(pkgDir, 'package.json');
    if (tree.exists(pkgFile)) {
      const pkg = JSON.parse(tree.read(pkgFile)) as { exports?: ExportsValue; main?: string };
      let target: string | null;
      if (pkg.exports !== undefined) {
        const exportsMap = pkg.exports;
        const isSubpathMap =
          typeof exportsMap === 'object' &&
          exportsMap !== null &&
          !Array.isArray(exportsMap) &&
          Object.keys(exportsMap).some((k) => k.startsWith('.'));
        const entry = isSubpathMap
          ? ((exportsMap as Record<string, ExportsValue>)[`.${subpath}`] ?? null)
          : subpath === ''
            ? exportsMap
            : null;
        target = entry === null ? null : pickConditions(entry, conditions);
      } else {
        target = subpath ? `.${subpath}` : (pkg.main ?? 'index.js');
      }
      if (target === null) return null;
      const base = path.posix.join(pkgDir, target);
      for (const ext of EXTENSIONS) if (tree.exists(base + ext)) return base + ext;
      return null;
    }
    if (dir === '' || dir === '.') return null;
    dir = path.posix.dirname(dir) === dir ? '' : path.posix.dirname(dir);
  }
}

/** Every bare import of the given built files resolves in `tree`, and so do the relative imports of the file it resolves to. */
export function checkImports(tree: Tree, files: readonly string[], conditionsFor: (file: string) => readonly string[]): string[] {
  const problems: string[] = [];
  for (const file of files) {
    if (!tree.exists(file)) {
      problems.push(`fehlt: ${file}`);
      continue;
    }
    for (const specifier of importsOf(tree.read(file))) {
      if (specifier.startsWith('.')) {
        const target = path.posix.join(path.posix.dirname(file), specifier);
        if (!tree.exists(target)) problems.push(`${file}: relativer Import ${specifier} fehlt`);
        continue;
      }
      if (!isBare(specifier)) continue;
      const resolved = resolveBare(tree, path.posix.dirname(file), specifier, conditionsFor(file));
      if (!resolved) {
        problems.push(`${file}: Import "${specifier}" nicht auflösbar`);
        continue;
      }
      // One level deeper: files the package entry itself loads relatively (e.g. xlsx → ./dist/cpexcel.js).
      for (const inner of importsOf(tree.read(resolved)).filter((s) => s.startsWith('./') || s.startsWith('../'))) {
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(resolved), inner));
        if (!EXTENSIONS.some((ext) => tree.exists(target + ext))) problems.push(`${resolved}: ${inner} fehlt`);
      }
    }
  }
  return problems;
}

export const REQUIRED = [
  'package.json',
  'out/main/index.js',
  'out/preload/index.cjs',
  'out/renderer/index.html',
  'out/main/parseWorker.js',
  'resources/sample-register.json',
];

/** Sources, tests, docs, CI, build configuration and development-only packages never ship. */
export const FORBIDDEN: readonly RegExp[] = [
  /^(electron|renderer|shared|tests|docs|scripts|\.ci|\.git|\.github|src|dist|\.tmp|test-results|playwright-report)(\/|$)/,
  /^[^/]+\.(ts|md|yml|yaml|lock)$/,
  /^(tsconfig[^/]*\.json|package-lock\.json|eslint\.config\.js|electron\.vite\.config\.ts|vitest\.config\.ts|playwright\.config\.ts)$/,
  /^(?!node_modules\/).*\.tsx?$/,
  /^node_modules\/(tsx|esbuild|@esbuild|react|react-dom|electron|electron-builder|electron-vite|vite|vitest|playwright|@playwright|typescript|eslint)(\/|$)/,
  /^node_modules\/\.bin(\/|$)/,
  /\.map$/,
];

export function checkEntries(entries: readonly string[], required: readonly string[]): string[] {
  const present = new Set(entries);
  const problems = required.filter((file) => !present.has(file)).map((file) => `fehlt im asar: ${file}`);
  for (const entry of entries) {
    const rule = FORBIDDEN.find((pattern) => pattern.test(entry));
    if (rule) problems.push(`gehört nicht ins asar: ${entry}`);
  }
  return problems;
}

/** electron-builder's `electronFuses` keys in the order of Electron's V1 fuse wire. */
export const FUSE_ORDER = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
] as const;

/** What the security review requires, whatever else the configuration says. */
export const REQUIRED_FUSES: Partial<Record<(typeof FUSE_ORDER)[number], boolean>> = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  onlyLoadAppFromAsar: true,
  enableEmbeddedAsarIntegrityValidation: true,
};

/** `wire` maps fuse index to its byte ('0' = 48 off, '1' = 49 on) as @electron/fuses reads it. */
export function checkFuses(config: Record<string, unknown> | undefined, wire: Record<number, number>): string[] {
  if (!config) return ['electronFuses fehlt in electron-builder.yml'];
  const problems: string[] = [];
  for (const [name, wanted] of Object.entries(REQUIRED_FUSES)) {
    if (config[name] !== wanted) problems.push(`Fuse ${name} muss ${String(wanted)} sein (Konfiguration: ${String(config[name])})`);
  }
  FUSE_ORDER.forEach((name, index) => {
    const configured = config[name];
    if (typeof configured !== 'boolean') return;
    const actual = wire[index];
    const expected = configured ? 49 : 48;
    if (actual !== expected)
      problems.push(
        `Fuse ${name} im Programm ist ${actual === 49 ? 'an' : actual === 48 ? 'aus' : String(actual)}, konfiguriert: ${configured ? 'an' : 'aus'}`,
      );
  });
  return problems;
}
