import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { pathAliases } from './aliases.config.ts';

export default defineConfig({
  resolve: { alias: pathAliases },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // The import worker and the CLI are built JavaScript; build out/ first if it is stale.
    globalSetup: ['tests/unit/globalSetup.ts'],
    // A stray it.only would silently skip the rest of the suite.
    allowOnly: false,
    // Document tests start LibreOffice; give slow, loaded CI machines room.
    testTimeout: 60_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // The CLI reads the user's settings (name, letter sender); tests must not depend on whoever runs them.
    // A path that never exists gives the defaults; tests of the settings pass their own path.
    env: { MASTERPLAN_SETTINGS: path.join(os.tmpdir(), 'masterplan-tests-ohne-einstellungen', 'einstellungen.json') },
  },
});
