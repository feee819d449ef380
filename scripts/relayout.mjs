#!/usr/bin/env node
/**
 * Moves files into feature folders and rewrites every import to the new places (issue 11).
 *
 *   node scripts/relayout.mjs move          git mv per layout-moves.json, then rewrite imports
 *   node scripts/relayout.mjs fix-imports   after merging a branch written against the old layout:
 *                                           re-points imports that still name an old path
 *
 * Import style it writes: `./x` (or `./sub/x`) inside the importer's own folder, otherwise a path alias
 * (`@shared/…`, `@main/…`, `@cli/…`, `@renderer/…`, see tsconfig.base.json) — never `../`. Test helpers
 * outside the aliased roots keep relative paths.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const posix = path.posix;
const mode = process.argv[2];
const movesFile = path.join(import.meta.dirname, 'layout-moves.json');
/** [oldPath, newPath] pairs, repo-relative, with extension; later stages append. */
const moves = JSON.parse(readFileSync(movesFile, 'utf8'));
const aliases = [
  ['@shared/', 'shared/'],
  ['@main/', 'electron/main/'],
  ['@cli/', 'electron/cli/'],
  ['@renderer/', 'renderer/src/'],
];
const CODE = /\.(ts|tsx|mts|mjs|js)$/;

const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8' });
const listFiles = () =>
  git('ls-files', '--cached', '--others', '--exclude-standard')
    .split('\n')
    .filter((f) => f && existsSync(path.join(root, f)));

/** Follows chains (a → b, b → c) so a merge from any older layout lands on the newest place. */
function finalPlace(file, forward) {
  let current = file;
  for (let i = 0; i < 20 && forward.has(current); i++) current = forward.get(current);
  return current;
}

function main() {
  if (mode === 'move') {
    for (const [from, to] of moves) {
      if (!existsSync(path.join(root, from))) continue;
      execFileSync('mkdir', ['-p', posix.dirname(to)], { cwd: root });
      git('mv', from, to);
    }
  } else if (mode !== 'fix-imports') {
    console.error('usage: node scripts/relayout.mjs move|fix-imports');
    process.exit(2);
  }
  rewriteAll();
}

function rewriteAll() {
  const forward = new Map(moves);
  const backward = new Map(moves.map(([a, b]) => [b, a]));
  const files = listFiles();
  const current = new Set(files);
  // The tree as it was before the moves: every current file under its old name, plus all old names.
  const old = new Set([...files.map((f) => oldName(f, backward)), ...forward.keys()]);
  let changed = 0;
  for (const file of files.filter((f) => CODE.test(f) && !f.startsWith('scripts/'))) {
    const text = readFileSync(path.join(root, file), 'utf8');
    const next = text.replace(
      /((?:\bfrom|\bimport|\bvi\.mock\(|\brequire\()\s*\(?\s*)(['"])([^'"\n]+)\2/g,
      (whole, lead, quote, spec) => {
        const target = resolveSpec(file, spec, { current, old, forward, backward });
        if (!target) return whole;
        // Leave imports alone that neither moved nor cross a layer: fewer conflicts for parallel branches.
        const moved = backward.has(file) || backward.has(target);
        if (!moved && (!spec.startsWith('.') || rootOf(file) === rootOf(target))) return whole;
        return `${lead}${quote}${specifierFor(file, target, /\.(ts|tsx)$/.test(spec))}${quote}`;
      },
    );
    if (next !== text) {
      writeFileSync(path.join(root, file), next);
      changed++;
    }
  }
  console.log(`imports rewritten in ${changed} files`);
}

/** The aliased root a file lives in (its layer), or its top folder. */
function rootOf(file) {
  return aliases.find(([, folder]) => file.startsWith(folder))?.[1] ?? file.split('/')[0];
}

function oldName(file, backward) {
  let name = file;
  for (let i = 0; i < 20 && backward.has(name); i++) name = backward.get(name);
  return name;
}

/** The file an import names, as a current repo path; null when it is a package or cannot be found. */
function resolveSpec(importer, spec, { current, old, forward, backward }) {
  let bases;
  if (spec.startsWith('.')) {
    bases = [
      [posix.join(posix.dirname(oldName(importer, backward)), spec), old],
      [posix.join(posix.dirname(importer), spec), current],
    ];
  } else {
    const alias = aliases.find(([a]) => spec.startsWith(a));
    if (!alias) return null;
    const plain = alias[1] + spec.slice(alias[0].length);
    bases = [
      [plain, current],
      [plain, old],
    ];
  }
  for (const [base, tree] of bases) {
    const hit = ['', '.ts', '.tsx', '.mjs', '.js', '/index.ts', '/index.tsx'].map((ext) => base + ext).find((f) => tree.has(f));
    if (hit) return tree === current && current.has(hit) ? hit : finalPlace(hit, forward);
  }
  return null;
}

function specifierFor(importer, target, explicitExtension = false) {
  const keepExtension = explicitExtension || /\.(mjs|js|json|css)$/.test(target) || importer.endsWith('.mjs');
  const bare = keepExtension ? target : target.replace(/\.(ts|tsx)$/, '').replace(/\/index$/, '');
  const dir = posix.dirname(importer);
  if (target.startsWith(`${dir}/`)) return `./${posix.relative(dir, bare)}`;
  const alias = aliases.find(([, folder]) => target.startsWith(folder));
  if (alias) return alias[0] + (bare.startsWith(alias[1]) ? bare.slice(alias[1].length) : 'index');
  const relative = posix.relative(dir, bare);
  return relative.startsWith('.') ? relative : `./${relative}`;
}

main();
