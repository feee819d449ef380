import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The path aliases (`@shared/…`, `@main/…`, `@cli/…`, `@renderer/…`) for Vite, electron-vite and vitest,
 * read from tsconfig.base.json so the type checker and the bundlers can never disagree.
 */
const here = import.meta.dirname;
const tsconfig = JSON.parse(readFileSync(resolve(here, 'tsconfig.base.json'), 'utf8')) as {
  compilerOptions: { paths: Record<string, string[]> };
};

export const pathAliases: Record<string, string> = Object.fromEntries(
  Object.entries(tsconfig.compilerOptions.paths).map(([key, [target]]) => [
    key.replace(/\/\*$/, ''),
    resolve(here, target!.replace(/\/\*$/, '')),
  ]),
);
