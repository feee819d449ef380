import { promises as fs } from 'node:fs';
import path from 'node:path';
import { startHarness, type Harness } from '../harness/server';
import { snapshotText } from '@main/store/registerFiles';
import { generateRegister } from '@tests/bench/generate';
import { withEvaluationData } from '@tests/bench/generateEvaluation';
import { accessibilityViolations, closeHarness, expect, openApp, test as base } from './fixtures';
import { nav } from './helpers';

/**
 * Issue 14: a long Excel export shows a progress bar with "Abbrechen"; cancelling writes no file and says
 * so. The register is generated (300 Maßnahmen with 20 Kennzahlen over 25 years, about 150,000 Kennzahl
 * rows), so the export runs long enough in the export worker to be seen and stopped. The running state is
 * photographed at both screen sizes into the test's output folder.
 */
const test = base.extend<{ harness: Harness }>({
  harness: async ({ dir, storePath }, use) => {
    const doc = withEvaluationData(generateRegister(300), { indicatorsPerMeasure: 20, years: 25 });
    await fs.writeFile(storePath, snapshotText(doc, 0));
    const harness = await startHarness({ storePath, settingsDir: path.join(dir, 'einstellungen') });
    await use(harness);
    await closeHarness(harness);
  },
});

test('Großer Excel-Export: Fortschrittsbalken mit Prozent, „Abbrechen“ hält ihn an, keine Datei bleibt zurück', async ({
  page,
  harness,
  dir,
}, testInfo) => {
  test.setTimeout(240_000);
  await openApp(page, harness);
  await nav(page, 'Evaluation').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Evaluation' })).toBeVisible();
  const exportPanel = page.getByRole('region', { name: 'Exportieren' });
  await exportPanel.getByRole('checkbox', { name: 'Nach dem Export öffnen' }).uncheck();
  const excel = exportPanel.getByRole('button', { name: 'Excel-Tabellen exportieren …' });
  await excel.click();

  const bar = exportPanel.getByRole('progressbar', { name: 'Fortschritt des Exports' });
  await expect(bar).toBeVisible({ timeout: 60_000 });
  await expect(exportPanel.getByRole('status').filter({ hasText: 'Die Excel-Datei wird geschrieben.' })).toBeVisible();
  // First without a share (the worker reads the register), then the percent as text, not only as the bar's length.
  const percent = exportPanel.locator('.export-progress .progress-text');
  await expect(percent).toHaveText(/^(wird vorbereitet …|\d{1,3} %)$/);
  await expect(percent).toHaveText(/^\d{1,3} %$/, { timeout: 60_000 });
  await expect(bar).toHaveAttribute('aria-valuetext', /^\d{1,3} %$/);
  await expect(excel).toBeDisabled();
  expect(await accessibilityViolations(page, '.export-progress')).toEqual([]);
  for (const viewport of [
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(viewport);
    await exportPanel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath(`export-progress-${viewport.width}.png`) });
  }

  const cancel = exportPanel.getByRole('button', { name: 'Abbrechen' });
  await cancel.focus();
  await page.keyboard.press('Enter');
  await expect(
    exportPanel.getByRole('status').filter({ hasText: 'Der Export wurde abgebrochen. Es wurde keine Datei gespeichert.' }),
  ).toBeVisible({
    timeout: 60_000,
  });
  await expect(bar).toBeHidden();
  // Focus goes back to the button that started the export, not to the page.
  await expect(excel).toBeFocused();
  // Nothing on disk: no workbook, no temp file beside it.
  const files = await fs.readdir(dir);
  expect(files.filter((f) => /\.xlsx|\.tmp/i.test(f))).toEqual([]);
  expect(harness.opened).toEqual([]);
});
