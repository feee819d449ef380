import type { Page } from '@playwright/test';
import { accessibilityViolations, expect, openApp, test } from './fixtures';
import path from 'node:path';
import { currentEdition, nav, readSample, writeSampleCopy } from './helpers';

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
  { name: 'fassungen', go: (p) => nav(p, 'Fassungen').click(), table: /^Fassungen$/ },
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

/** A register with something in each kind of Papierkorb group: two measures, a session and an Anregung deleted. */
const withTrash = test.extend({
  storePath: async ({ dir }, use) => {
    const storePath = path.join(dir, 'register.json');
    const sample = await readSample();
    const raw = sample as unknown as Record<'meetings' | 'proposals', Record<string, unknown>[]>;
    const gone = (i: number) => `2026-0${i}-01T10:00:00.000Z`;
    const deleted = currentEdition(sample)
      .measures.slice(0, 2)
      .map((m) => m.id);
    await writeSampleCopy(storePath, {
      measures: sample.measures.map((m) => (deleted.includes(m.id) ? { ...m, deletedAt: gone(deleted.indexOf(m.id) + 1) } : m)),
      meetings: raw.meetings.map((m, i) => (i === 0 ? { ...m, deletedAt: gone(3) } : m)),
      proposals: raw.proposals.map((x, i) => (i === 0 ? { ...x, deletedAt: gone(4) } : x)),
    } as never);
    await use(storePath);
  },
});

for (const viewport of VIEWPORTS) {
  withTrash(`Papierkorb in der gemeinsamen Tabelle (${viewport.width}×${viewport.height})`, async ({ page, harness }) => {
    await page.setViewportSize(viewport);
    await openApp(page, harness);
    await nav(page, 'Papierkorb').click();
    const measures = page.getByRole('table', { name: 'Maßnahmen im Papierkorb' });
    await expect(measures.locator('tbody tr')).toHaveCount(2);
    await expect(page.getByRole('table', { name: 'Sitzungen im Papierkorb' }).locator('tbody tr')).toHaveCount(1);
    await expect(page.getByRole('table', { name: 'Anregungen im Papierkorb' }).locator('tbody tr')).toHaveCount(1);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/${viewport.width}-papierkorb.png`, fullPage: true });
    expect(await tablesOverflow(page)).toEqual([]);
    if (viewport.width !== 1366) return;
    expect(await accessibilityViolations(page)).toEqual([]);
    // Newest deletion first; the header sorts (oldest first), the restore buttons keep their names.
    const numbers = measures.locator('tbody tr td:nth-child(1)');
    const before = await numbers.allTextContents();
    await measures.getByRole('button', { name: 'gelöscht am' }).click();
    await expect(measures.getByRole('columnheader', { name: 'gelöscht am' })).toHaveAttribute('aria-sort', 'ascending');
    expect(await numbers.allTextContents()).toEqual([...before].reverse());
    await expect(measures.getByRole('button', { name: `Maßnahme ${before[0]} wiederherstellen` })).toBeVisible();
  });
}
