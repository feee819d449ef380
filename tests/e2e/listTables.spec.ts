import type { Page } from '@playwright/test';
import { accessibilityViolations, expect, openApp, test } from './fixtures';
import { nav } from './helpers';

/**
 * Issue 15 (Tables that fit): the lists share one table (DataTable). At the office laptop's 1366×768 and at
 * 1920×1080 no list is wider than its pane, no Status is cut, and the screens pass axe. Screenshots go to
 * LIST_SHOTS_DIR when set (for a look by eye).
 */
const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;
const SHOTS = process.env.LIST_SHOTS_DIR ?? '';

async function participation(page: Page, tab: string): Promise<void> {
  await nav(page, 'Gremien & Beteiligung').click();
  await page.getByRole('tab', { name: tab, exact: true }).click();
  await expect(page.getByRole('tab', { name: tab, exact: true })).toHaveAttribute('aria-selected', 'true');
}

/** Every table in the content is no wider than the box it sits in (nothing sticks out to the right). */
async function tablesOverflow(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`(() => [...document.querySelectorAll('#main table')]
    .map((t) => ({ t, box: t.parentElement.getBoundingClientRect(), r: t.getBoundingClientRect() }))
    .filter(({ r, box }) => r.width > box.width + 1)
    .map(({ t, r, box }) => (t.caption ? t.caption.textContent : t.className) + ': ' + Math.round(r.width) + ' > ' + Math.round(box.width)))()`);
}

const LISTS: { name: string; go: (page: Page) => Promise<void>; table: RegExp }[] = [
  { name: 'ratsvorlagen', go: (p) => nav(p, 'Ratsvorlagen').click(), table: /^Ratsvorlagen$/ },
  { name: 'sitzungen', go: (p) => participation(p, 'Sitzungen'), table: /^Sitzungen/ },
  { name: 'empfehlungen', go: (p) => participation(p, 'Empfehlungen'), table: /^Empfehlungen$/ },
  { name: 'anregungen', go: (p) => participation(p, 'Anregungen'), table: /Anregungen/ },
  { name: 'quartierslabore', go: (p) => participation(p, 'Quartierslabore'), table: /je Stadtbezirk/ },
  { name: 'quartierslabore-liste', go: async () => undefined, table: /^Quartierslabore mit Terminen/ },
  { name: 'gremien', go: (p) => participation(p, 'Gremien'), table: /^Gremien$/ },
  { name: 'beschluesse', go: (p) => participation(p, 'Beschlussverfolgung'), table: /^Beschlüsse in der Beschlussverfolgung$/ },
];

for (const viewport of VIEWPORTS) {
  test(`Listen passen in den Inhaltsbereich (${viewport.width}×${viewport.height})`, async ({ page, harness }) => {
    test.setTimeout(240_000);
    await page.setViewportSize(viewport);
    await openApp(page, harness);
    for (const list of LISTS) {
      await list.go(page);
      await expect(page.getByRole('table', { name: list.table }).locator('tbody tr').first()).toBeVisible();
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/${viewport.width}-${list.name}.png` });
      expect(await tablesOverflow(page), list.name).toEqual([]);
      if (viewport.width === 1366) expect(await accessibilityViolations(page), list.name).toEqual([]);
    }
  });
}

test('Ratsvorlagen in der gemeinsamen Tabelle: sortieren, Spalte ausblenden, nach Neustart gemerkt', async ({ page, harness }) => {
  await openApp(page, harness);
  await nav(page, 'Ratsvorlagen').click();
  const table = page.getByRole('table', { name: 'Ratsvorlagen' });
  const numbers = table.locator('tbody tr td:nth-child(1)');
  await expect(numbers.first()).toBeVisible();
  // One Tab stop on the header: the arrow keys choose the column, Enter sorts.
  const head = table.getByRole('button', { name: 'Drucksache-Nr.' });
  await head.focus();
  await page.keyboard.press('Enter');
  await expect(table.getByRole('columnheader', { name: 'Drucksache-Nr.' })).toHaveAttribute('aria-sort', 'ascending');
  const ascending = (await numbers.allTextContents()).filter((n) => /\d/.test(n));
  expect(ascending).toEqual([...ascending].sort((a, b) => a.localeCompare(b, 'de', { numeric: true })));
  await page.keyboard.press('ArrowRight');
  await expect(table.getByRole('button', { name: 'Betreff' })).toBeFocused();
  await expect(head).toHaveAttribute('tabindex', '-1');

  await page.getByRole('button', { name: 'Spalten …' }).click();
  await page.getByRole('checkbox', { name: 'Öffentlichkeit anzeigen' }).uncheck();
  await page.keyboard.press('Escape');
  await expect(table.getByRole('columnheader', { name: 'Öffentlichkeit' })).toHaveCount(0);
  expect(await accessibilityViolations(page)).toEqual([]);

  await page.waitForTimeout(600); // the settings are written after a pause (debounced)
  await page.reload();
  await nav(page, 'Ratsvorlagen').click();
  await expect(table.getByRole('columnheader', { name: 'Drucksache-Nr.' })).toHaveAttribute('aria-sort', 'ascending');
  await expect(table.getByRole('columnheader', { name: 'Öffentlichkeit' })).toHaveCount(0);
  await expect(table.getByRole('columnheader', { name: 'Status' })).toBeVisible();
});
