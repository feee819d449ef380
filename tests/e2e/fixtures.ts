import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHarness, type Harness, type HarnessOptions } from '../harness/server';

/** A temp folder per test, and a harness on a register file inside it (created from the sample). */
export interface E2EFixtures {
  dir: string;
  storePath: string;
  harness: Harness;
  startExtraHarness: (options?: Partial<HarnessOptions>) => Promise<Harness>;
}

/**
 * Set when a harness (the stand-in for the Electron main process) starts to close after the test body.
 * Fixtures tear down in reverse order, so a page set up before its harness is still open then, and its
 * next poll meets a closed server – an artefact of the test boundary (the app talks IPC, never HTTP), not
 * a page error. The check therefore covers the test body and ends when the first harness begins to close.
 */
const teardown = { started: false };

/** Closes a harness the way the fixtures do (specs that define their own harness fixture use this too). */
export async function closeHarness(harness: Harness): Promise<void> {
  teardown.started = true;
  await harness.close();
}

export const test = base.extend<E2EFixtures>({
  // Any uncaught exception or console error in the page fails the test: the UI must not break silently.
  page: async ({ page }, use) => {
    teardown.started = false;
    const problems: string[] = [];
    page.on('pageerror', (error) => {
      if (!teardown.started) problems.push(`pageerror: ${error.message}`);
    });
    page.on('console', (message) => {
      if (teardown.started) return;
      // Chromium asks for /favicon.ico on its own; the app has none, so that 404 is no page error.
      if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico'))
        problems.push(`console.error: ${message.text()} (${message.location().url})`);
    });
    await use(page);
    expect(problems, 'Fehler in der Seite').toEqual([]);
  },
  // eslint-disable-next-line no-empty-pattern
  dir: async ({}, use) => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'masterplan-e2e-'));
    await use(dir);
    await fs.rm(dir, { recursive: true, force: true });
  },
  storePath: async ({ dir }, use) => {
    await use(path.join(dir, 'register.json'));
  },
  harness: async ({ dir, storePath }, use) => {
    const harness = await startHarness({ storePath, settingsDir: path.join(dir, 'einstellungen') });
    await use(harness);
    await closeHarness(harness);
  },
  startExtraHarness: async ({ dir, storePath }, use) => {
    const started: Harness[] = [];
    await use(async (options = {}) => {
      const h = await startHarness({ storePath, settingsDir: path.join(dir, `einstellungen-${started.length + 2}`), ...options });
      started.push(h);
      return h;
    });
    for (const h of started) await closeHarness(h);
  },
});

export { expect };

/**
 * What one axe run may add to the running test's time limit. axe walks the whole DOM in the page's own
 * thread; on a loaded 2-core machine a big screen takes tens of seconds. The check itself is not weakened:
 * every violation still fails the test, and a hanging analyze() still times out.
 */
const AXE_TIME_MS = 90_000;

/** axe-core WCAG 2.1 A/AA check of the page (or of `include`) as it is now; returns violations as readable lines. */
export async function accessibilityViolations(page: Page, include?: string): Promise<string[]> {
  const info = base.info();
  info.setTimeout(info.timeout + AXE_TIME_MS);
  // `include` (a CSS selector) checks one part of the page: a state that lasts only seconds (a running export).
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  const result = await (include ? builder.include(include) : builder).analyze();
  return result.violations.map(
    (v) =>
      `${v.id}: ${v.help} (${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')})`,
  );
}

/** Opens the app (it starts on the Übersicht) and goes to the register of measures, where most specs begin. */
export async function openApp(page: Page, harness: Harness): Promise<void> {
  await page.goto(harness.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('button', { name: 'Maßnahmen', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Maßnahmen' })).toBeVisible();
}
