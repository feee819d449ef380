/**
 * The layer guards in eslint.config.js, tried on small probe files: Node builtins (both spellings, from
 * Node's own list), devDependencies, other layers and Node globals are refused in the renderer and in
 * shared/, for static imports and for `import()` alike; a computed `import()` is refused because it
 * cannot be checked. Allowed imports stay allowed, so the guard is not simply "everything is an error".
 */
import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
// The probes do not exist on disk, so the type-aware rules (which need a program) are switched off for them.
const eslint = new ESLint({
  cwd: root,
  overrideConfig: {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { project: null } },
    rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/no-misused-promises': 'off' },
  },
});

const GUARDS = new Set(['no-restricted-imports', 'no-restricted-syntax', 'no-restricted-globals']);

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.map((m) => `${m.line}: ${m.ruleId ?? 'parse'} ${m.message}`);
}

/** Only the layer guards' findings (an unused import would be an error too, but not the one meant here). */
async function guardFindings(file: string, code: string): Promise<string[]> {
  return (await problems(file, code)).filter((p) => GUARDS.has(p.split(' ')[1]!));
}

const layers = [
  { name: 'renderer', file: 'renderer/src/features/__probe__.ts', shared: '@shared/register/register' },
  { name: 'shared', file: 'shared/register/__probe__.ts', shared: './register' },
];

describe.each(layers)('$name', ({ file, shared }) => {
  it.each([
    ["import { EventEmitter } from 'events';", 'a builtin missing from the old hand-written list'],
    ["import zlib from 'node:zlib';", 'node: spelling'],
    ["import { readFile } from 'fs/promises';", 'a builtin sub-path'],
    ["import JSZip from 'jszip';", 'a devDependency'],
    ["import { test } from 'vitest';", 'a test tool'],
    ["import { x } from '@main/api';", 'main-process code'],
    ["import { x } from '../../../electron/main/api';", 'another layer by a ../ path'],
    ["export const f = () => import('@main/api');", 'dynamic import of main-process code'],
    ["export const f = () => import('node:fs');", 'dynamic import of a builtin'],
    ["export const f = () => import('events');", 'dynamic import of a bare builtin'],
    ["export const f = () => import('mammoth');", 'dynamic import of a devDependency'],
    ['export const f = (name: string) => import(name);', 'a computed dynamic import'],
    ['export const f = () => process.env.HOME;', 'the Node global process'],
    ["export const f = () => Buffer.from('a');", 'the Node global Buffer'],
  ])('refuses %s (%s)', async (code) => {
    expect(await guardFindings(file, code)).not.toEqual([]);
  });

  it('allows its own imports, zod and a literal relative import()', async () => {
    const code = [
      `import { type RegisterDocument } from '${shared}';`,
      "import { z } from 'zod';",
      `export const f = () => import('${shared}');`,
      'export const g = (d: RegisterDocument) => z.string().parse(d.name);',
    ].join('\n');
    expect(await problems(file, code)).toEqual([]);
  });
});
