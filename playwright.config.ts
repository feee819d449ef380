import { defineConfig } from '@playwright/test';
import os from 'node:os';
import path from 'node:path';

// Chromium must not write into ~/.config (see TOOLCHAIN.md).
process.env.XDG_CONFIG_HOME ??= path.join(os.tmpdir(), 'masterplan-e2e-config');

// The browser runs in Europe/Berlin (timezoneId below); the test process and the harness it starts must
// share that calendar day, or "heute" differs between them for an hour or two around midnight UTC.
process.env.TZ = 'Europe/Berlin';

/**
 * End-to-end tests drive the real, built renderer in Debian's chromium through the browser harness
 * (tests/harness). Each test starts its own harness on a fresh temp register (tests/e2e/fixtures.ts).
 */
export default defineConfig({
  testDir: 'tests/e2e',
  // A stray test.only would silently skip the rest of the suite.
  forbidOnly: true,
  fullyParallel: false,
  workers: 1,
  // No retries: a flaky test is a bug to fix, not to hide.
  retries: 0,
  timeout: 60_000,
  // A first export starts a worker and loads the workbook library; on a loaded 2-core CI machine that
  // alone took more than the default 5 s. Waiting longer never lets a wrong result pass.
  expect: { timeout: 20_000 },
  reporter: [['list']],
  use: {
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    viewport: { width: 1366, height: 768 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
