import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import mutationConfig from '../../../vitest.mutation.config';

/**
 * `npm run mutation` is not part of CI, so nothing else notices when a move of the test tree leaves its
 * test list pointing at folders that no longer exist (it then "passes" every mutant with zero tests).
 */
describe('mutation test configuration', () => {
  it('names test files that exist, and the tests it runs are the mirrored tests of shared/', async () => {
    const include = mutationConfig.test?.include ?? [];
    expect(include.length).toBeGreaterThan(0);
    for (const pattern of include) {
      // Every pattern here is "<folder>/**/*.test.ts": the folder must hold at least one test file.
      expect(pattern).toMatch(/^[^*]+\/\*\*\/\*\.test\.ts$/);
      const folder = pattern.slice(0, pattern.indexOf('/**'));
      const files = (await fs.readdir(folder, { recursive: true })).filter((f) => f.endsWith('.test.ts'));
      expect(files.length, `${pattern} matches no test file`).toBeGreaterThan(10);
    }
    const stryker = JSON.parse(await fs.readFile(path.resolve('stryker.config.json'), 'utf8')) as { vitest: { configFile: string } };
    expect(stryker.vitest.configFile).toBe('vitest.mutation.config.ts');
  });
});
