import { defineConfig } from 'vitest/config';
import { pathAliases } from './aliases.config.ts';

/**
 * The unit tests StrykerJS runs against each mutant of shared/ (npm run mutation): the pure tests of the
 * rules and domain code, which import nothing but shared/ and fixtures. Store, document, CLI and service
 * tests (real files, LibreOffice, child processes) stay out: they would take hours per run on 2 cores
 * and are not where shared/'s rules are pinned down.
 */
/**
 * MUTATION_TESTS=tests/unit/shared/privacy,tests/unit/shared/submissions narrows the run to those folders
 * (with `-- --mutate <files>`): on a loaded 2-core machine every mutant otherwise starts the whole list.
 */
const narrowed = process.env.MUTATION_TESTS?.split(',').filter(Boolean);

export default defineConfig({
  resolve: { alias: pathAliases },
  test: {
    // The mirrored tests of shared/ (tests/unit/shared/<feature>/), minus the one that drives LibreOffice.
    include: narrowed ? narrowed.map((folder) => `${folder}/**/*.test.ts`) : ['tests/unit/shared/**/*.test.ts'],
    exclude: ['tests/unit/shared/core/richText/wordRoundTrip.test.ts'],
    environment: 'node',
    allowOnly: false,
    // Instrumented code runs several times slower; the 10,000-measure comparison would pass the default 5 s.
    testTimeout: 60_000,
    pool: 'forks',
  },
});
