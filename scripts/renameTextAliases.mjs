#!/usr/bin/env node
/**
 * Renames the one-letter aliases of text namespaces (`const t = de.ui.measure;`) to names that say which
 * namespace they hold (`measureTexts`), using TypeScript's own rename so every use (also shorthand
 * properties) follows. Usage: node scripts/renameTextAliases.mjs [files…] (default: all of electron,
 * shared, renderer, tests).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(import.meta.dirname, '..');
const ALIAS = /\bconst ([a-zA-Z]) = (de(?:\.[a-zA-Z]+)+);/g;

/**
 * `de.ui.submissions.editor` → `submissionsEditorTexts`: `ui` levels and a trailing `Ui` are dropped, as
 * they say little. Where that makes two namespaces share a name (`de.evaluation`, `de.ui.evaluation`),
 * the one with a `ui` level ends in `UiTexts`, so a name always means one namespace across the code.
 */
function baseName(namespace) {
  const parts = namespace
    .split('.')
    .slice(1)
    .filter((p) => p !== 'ui')
    .map((p) => p.replace(/Ui$/, ''));
  return parts.map((p, i) => (i === 0 ? p : p[0].toUpperCase() + p.slice(1))).join('');
}

function nameAll(namespaces) {
  const byBase = new Map();
  for (const ns of namespaces) byBase.set(baseName(ns), [...(byBase.get(baseName(ns)) ?? []), ns]);
  const names = new Map();
  for (const [base, list] of byBase) {
    for (const ns of list) {
      const hasUi = ns.split('.').some((p) => p === 'ui' || p.endsWith('Ui'));
      names.set(ns, list.length > 1 && hasUi ? `${base}UiTexts` : `${base}Texts`);
    }
  }
  if (new Set(names.values()).size !== names.size) throw new Error('two namespaces would share an alias name');
  return names;
}

function identifiersOf(fileName, text) {
  const source = ts.createSourceFile(
    fileName,
    text,
    ts.ScriptTarget.Latest,
    true,
    fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const found = new Set();
  const visit = (node) => {
    if (ts.isIdentifier(node)) found.add(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const args = process.argv.slice(2);
const files = (
  args.length
    ? args
    : execFileSync('git', ['ls-files', 'electron', 'shared', 'renderer', 'tests'], { cwd: root, encoding: 'utf8' }).split('\n')
)
  .filter((f) => /\.(ts|tsx)$/.test(f))
  .map((f) => path.resolve(root, f));

const allFiles = execFileSync('git', ['ls-files', 'electron', 'shared', 'renderer', 'tests'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter((f) => /\.(ts|tsx)$/.test(f));
const namespaces = new Set(allFiles.flatMap((f) => [...readFileSync(path.resolve(root, f), 'utf8').matchAll(ALIAS)].map((m) => m[2])));
const names = nameAll(namespaces);

let renamed = 0;
for (const file of files) {
  let text = readFileSync(file, 'utf8');
  const aliases = [...text.matchAll(ALIAS)].map((m) => ({ name: m[1], namespace: m[2] }));
  if (aliases.length === 0) continue;
  // Pick names: unique in the file and not already used there.
  const taken = identifiersOf(file, text);
  const chosen = new Map();
  for (const a of aliases) {
    const key = `${a.name}=${a.namespace}`;
    const name = names.get(a.namespace);
    if (taken.has(name)) throw new Error(`${path.relative(root, file)}: ${name} is already used; rename by hand`);
    chosen.set(key, name);
  }
  // Rename one declaration at a time (positions shift after each edit), innermost last is fine: each pass re-parses.
  for (const [key, newName] of chosen) {
    const [oldName, namespace] = key.split('=');
    const decl = `const ${oldName} = ${namespace};`;
    let at = text.indexOf(decl);
    while (at >= 0) {
      text = renameAt(file, text, at + 'const '.length, newName);
      renamed++;
      at = text.indexOf(decl);
    }
  }
  writeFileSync(file, text);
}
console.log(`aliases renamed: ${renamed}`);

function renameAt(fileName, text, position, newName) {
  const host = {
    getScriptFileNames: () => [fileName],
    getScriptVersion: () => '1',
    getScriptSnapshot: (f) => (f === fileName ? ts.ScriptSnapshot.fromString(text) : undefined),
    getCurrentDirectory: () => root,
    getCompilationSettings: () => ({ noLib: true, noResolve: true, jsx: ts.JsxEmit.ReactJSX, allowJs: false }),
    getDefaultLibFileName: () => 'lib.d.ts',
    fileExists: (f) => f === fileName,
    readFile: (f) => (f === fileName ? text : undefined),
  };
  const service = ts.createLanguageService(host);
  const locations = service.findRenameLocations(fileName, position, false, false, { providePrefixAndSuffixTextForRename: true });
  if (!locations?.length) throw new Error(`no rename locations in ${fileName} at ${position}`);
  const edits = [...locations].sort((a, b) => b.textSpan.start - a.textSpan.start);
  let next = text;
  for (const loc of edits) {
    const replacement = `${loc.prefixText ?? ''}${newName}${loc.suffixText ?? ''}`;
    next = next.slice(0, loc.textSpan.start) + replacement + next.slice(loc.textSpan.start + loc.textSpan.length);
  }
  return next;
}
