import { defineConfig } from 'vitest/config';
import { pathAliases } from './aliases.config.ts';

export default defineConfig({
  resolve: { alias: pathAliases },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // The crash test spawns and kills many child processes; give slow CI machines room.
    testTimeout: 60_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
