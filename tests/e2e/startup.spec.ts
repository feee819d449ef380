import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { writeSampleCopy } from './helpers';

/**
 * Two-step start (issue 18): the first screen stands before the day's backup is written; the page then
 * asks for the second step (backup, integrity check) and the backup appears. Observed through the page's
 * request and the files on disk, not through timing: the request is held until the first screen is checked.
 */
test('Start in zwei Schritten: die Übersicht steht, bevor die Tagessicherung geschrieben wird', async ({
  page,
  dir,
  storePath,
  startExtraHarness,
}) => {
  await writeSampleCopy(storePath); // an existing register: its start takes the day's backup
  const backupDir = path.join(dir, 'register-Sicherungen');
  const startBackups = async () => (await fs.readdir(backupDir).catch(() => [] as string[])).filter((n) => n.endsWith('_start.json'));
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let asked = false;
  await page.route('**/api/completeStart', async (route) => {
    asked = true;
    await held;
    await route.continue();
  });
  const harness = await startExtraHarness();
  await page.goto(harness.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible();
  await expect.poll(() => asked).toBe(true);
  expect(await startBackups()).toEqual([]);
  release();
  await expect.poll(startBackups).toHaveLength(1);
  expect(harness.session.describe()).toMatchObject({ state: 'open', readOnly: false });
});
