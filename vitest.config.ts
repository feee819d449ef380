import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // A stray it.only would silently skip the rest of the suite.
    allowOnly: false,
    // Document tests start LibreOffice; give slow, loaded CI machines room.
    testTimeout: 60_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
