import type { Page } from '@playwright/test';
import { accessibilityViolations, expect, openApp, test } from './fixtures';

/**
 * Issue 15 (Keep my place): on a wide window (≥ 1600 px) the list of measures stays on the left while the
 * opened measure shows on the right; Enter on a row puts the focus on the detail's heading, Escape brings it
 * back to the row; previous/next step through the list beside it. Below 1600 px the list gives way to the
 * detail as before. Neither scrolls the document.
 */
async function documentScrolls(page: Page): Promise<boolean> {
  return page.evaluate<boolean>(
    `document.scrollingElement.scrollHeight > innerHeight || document.scrollingElement.scrollWidth > innerWidth`,
  );
}

test('1920×1080: Liste und Maßnahme nebeneinander, Enter öffnet rechts, Escape zurück zur Zeile', async ({ page, harness }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openApp(page, harness);
  const table = page.getByRole('table', { name: /Maßnahmen/ });
  await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'in Umsetzung' });
  // Cells: selection checkbox, Nr., Titel (a link) …
  const links = table.locator('tbody tr:not(.spacer) td:nth-child(3) a');
  const titles = await links.allTextContents();
  expect(titles.length).toBeGreaterThan(2);

  // Keyboard: Enter on the second row opens it on the right, the focus on its heading.
  await links.nth(1).focus();
  await page.keyboard.press('Enter');
  const detail = page.locator('#measure-title');
  await expect(detail).toContainText(titles[1]!);
  await expect(detail).toBeFocused();
  await expect(table).toBeVisible();
  await expect(table.locator('tr.selected')).toContainText(titles[1]!);
  await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('in_umsetzung');
  const listBox = await table.boundingBox();
  const detailBox = await detail.boundingBox();
  expect(listBox!.x + listBox!.width).toBeLessThanOrEqual(detailBox!.x);
  expect(await documentScrolls(page)).toBe(false);

  // Next: the detail follows, the list marks the row.
  await page.getByRole('button', { name: /Nächste/ }).click();
  await expect(detail).toContainText(titles[2]!);
  await expect(page.getByRole('status').filter({ hasText: /in der gefilterten Liste/ })).toHaveText(
    `3 von ${titles.length} in der gefilterten Liste`,
  );
  await expect(table.locator('tr.selected')).toContainText(titles[2]!);
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('nebeneinander-1920.png') });

  // Escape closes the detail and puts the focus back on the row.
  await detail.focus();
  await page.keyboard.press('Escape');
  await expect(detail).toHaveCount(0);
  await expect(table.getByRole('link', { name: titles[2], exact: true })).toBeFocused();

  // "Zurück zur Liste" does the same.
  await table.getByRole('link', { name: titles[0], exact: true }).click();
  await expect(detail).toContainText(titles[0]!);
  await page.getByRole('button', { name: 'Zurück zur Liste' }).click();
  await expect(detail).toHaveCount(0);
  await expect(table.getByRole('link', { name: titles[0], exact: true })).toBeFocused();
  await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('in_umsetzung');

  // "Maßnahmen" in the navigation beside an opened measure: the list alone, the focus on its heading.
  await table.getByRole('link', { name: titles[1], exact: true }).click();
  await expect(detail).toBeFocused();
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('button', { name: 'Maßnahmen', exact: true }).click();
  await expect(detail).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Maßnahmen' })).toBeFocused();
});

test('1366×768: die Maßnahme ersetzt die Liste (kein Nebeneinander)', async ({ page, harness }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page, harness);
  const table = page.getByRole('table', { name: /Maßnahmen/ });
  const first = table.locator('tbody tr:not(.spacer) td:nth-child(3) a').first();
  const title = (await first.textContent()) ?? '';
  await first.click();
  await expect(page.locator('#measure-title')).toContainText(title);
  await expect(table).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Maßnahmen' })).toHaveCount(0);
  expect(await documentScrolls(page)).toBe(false);
  await page.screenshot({ path: test.info().outputPath('einzeln-1366.png') });
});
