import type { Page } from '@playwright/test';
import { accessibilityViolations, expect, openApp, test } from './fixtures';
import path from 'node:path';
import { currentEdition, nav, readSample, readStore, writeSampleCopy } from './helpers';

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

async function statusList(page: Page): Promise<void> {
  await nav(page, 'Einstellungen').click();
  await page.getByRole('button', { name: 'Statusliste bearbeiten' }).click();
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
  { name: 'handlungsfelder', go: (p) => nav(p, 'Handlungsfelder').click(), table: /^Handlungsfelder$/ },
  { name: 'organisationseinheiten', go: (p) => nav(p, 'Organisationseinheiten').click(), table: /^Organisationseinheiten und Partner$/ },
  { name: 'statusliste', go: statusList, table: /^Statusliste$/ },
  { name: 'pruefpakete', go: (p) => nav(p, 'Prüfungen').click(), table: /^Versandte Prüfpakete$/ },
];

/** The sample with two Prüfpakete sent (one overdue), so the Prüfungen list has rows. */
const withPackages = test.extend({
  storePath: async ({ dir }, use) => {
    const storePath = path.join(dir, 'register.json');
    const sample = await readSample();
    const measures = currentEdition(sample).measures;
    const item = (m: { id: string; number: string; title: string }) => ({
      kind: 'measure',
      id: m.id,
      label: `${m.number} ${m.title}`,
      version: 1,
      hash: '0'.repeat(64),
    });
    const pack = (id: string, reviewer: string, dueDate: string, count: number) => ({
      id,
      createdAt: '2026-05-04T09:15:00.000Z',
      createdBy: 'Sachbearbeitung',
      reviewer,
      dueDate,
      message: '',
      fileName: `${id}.mpreview`,
      items: measures.slice(0, count).map(item),
    });
    await writeSampleCopy(storePath, {
      reviews: {
        packages: [pack('paket-1', 'Dr. Petra Beispiel', '2099-12-31', 2), pack('paket-2', 'Jonas Prüfer', '2026-06-01', 6)],
        comments: [],
        votes: [],
        imports: [],
      },
    } as never);
    await use(storePath);
  },
});

for (const viewport of VIEWPORTS) {
  withPackages(`Listen passen in den Inhaltsbereich (${viewport.width}×${viewport.height})`, async ({ page, harness }) => {
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

/** The lists moved onto the shared table last (issue 15): a column to sort by and one to hide, per list. */
const REFERENCE_LISTS = [
  { go: (p: Page) => nav(p, 'Handlungsfelder').click(), table: 'Handlungsfelder', sortBy: 'Name', hide: 'Leitziel' },
  { go: (p: Page) => nav(p, 'Organisationseinheiten').click(), table: 'Organisationseinheiten und Partner', sortBy: 'Art', hide: 'Kürzel' },
  { go: statusList, table: 'Statusliste', sortBy: 'Standard-%', hide: 'Verknüpfung nötig' },
  { go: (p: Page) => nav(p, 'Prüfungen').click(), table: 'Versandte Prüfpakete', sortBy: 'fällig am', hide: 'Einträge' },
] as const;

withPackages(
  'Handlungsfelder, Organisationseinheiten, Statusliste, Prüfpakete: sortieren und Spalte ausblenden, jede Liste für sich gemerkt',
  async ({ page, harness }) => {
    test.setTimeout(120_000);
    await openApp(page, harness);
    for (const list of REFERENCE_LISTS) {
      await list.go(page);
      const table = page.getByRole('table', { name: list.table, exact: true });
      await expect(table.locator('tbody tr').first()).toBeVisible();
      await table.getByRole('button', { name: list.sortBy, exact: true }).click();
      await expect(table.getByRole('columnheader', { name: list.sortBy, exact: true })).toHaveAttribute('aria-sort', 'ascending');
      await page.getByRole('button', { name: 'Spalten …' }).click();
      await page.getByRole('checkbox', { name: `${list.hide} anzeigen` }).uncheck();
      await page.keyboard.press('Escape');
      await expect(table.getByRole('columnheader', { name: list.hide, exact: true })).toHaveCount(0);
    }
    // The Statusliste sorted by Standard-%: 0 % first, the Reihenfolge column still says each status's place.
    await statusList(page);
    const percents = await page.getByRole('table', { name: 'Statusliste' }).locator('tbody tr td:nth-child(3)').allTextContents();
    expect(percents.map((p) => Number.parseInt(p, 10))).toEqual([...percents.map((p) => Number.parseInt(p, 10))].sort((a, b) => a - b));

    await page.waitForTimeout(600); // the settings are written after a pause (debounced)
    await page.reload();
    for (const list of REFERENCE_LISTS) {
      await list.go(page);
      const table = page.getByRole('table', { name: list.table, exact: true });
      await expect(table.getByRole('columnheader', { name: list.sortBy, exact: true })).toHaveAttribute('aria-sort', 'ascending');
      await expect(table.getByRole('columnheader', { name: list.hide, exact: true })).toHaveCount(0);
    }
  },
);

test('Handlungsfeld in der Liste bearbeiten, nur mit der Tastatur: Fehler am Feld, Abbrechen und Speichern bringen zur Zeile zurück', async ({
  page,
  harness,
  storePath,
}) => {
  await openApp(page, harness);
  await nav(page, 'Handlungsfelder').click();
  const table = page.getByRole('table', { name: 'Handlungsfelder' });
  const edit = table.getByRole('button', { name: 'HF2 Bearbeiten' });
  await edit.focus();
  await page.keyboard.press('Enter');
  const form = page.getByRole('form', { name: 'Handlungsfeld speichern' });
  await expect(form.getByRole('textbox', { name: 'Kürzel' })).toBeFocused();
  await expect(table.locator('tr.selected')).toContainText('HF2');

  // A Kürzel another Handlungsfeld has: the service's reason at the field, the form stays open.
  await page.keyboard.press('Control+A');
  await page.keyboard.type('HF1');
  await page.keyboard.press('Enter');
  const code = form.getByRole('textbox', { name: 'Kürzel' });
  await expect(code).toHaveAttribute('aria-invalid', 'true');
  await expect(code).toHaveAccessibleDescription(/HF1/);
  // Escape cancels: the form goes, the focus is back on the row's button, nothing was saved.
  await page.keyboard.press('Escape');
  await expect(form).toHaveCount(0);
  await expect(edit).toBeFocused();
  expect(currentEdition(await readStore(storePath)).actionFields.map((f) => f.code)).toEqual(['HF1', 'HF2', 'HF3']);

  await page.keyboard.press('Enter');
  await expect(code).toBeFocused();
  await expect(code).not.toHaveAttribute('aria-invalid', 'true');
  await page.keyboard.press('Tab');
  await expect(form.getByRole('textbox', { name: 'Name' })).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Sichere öffentliche Räume und Plätze');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Handlungsfeld gespeichert.' })).toBeVisible();
  await expect(form).toHaveCount(0);
  await expect(edit).toBeFocused();
  await expect(table.getByRole('row', { name: /HF2 Sichere öffentliche Räume und Plätze/ })).toBeVisible();
  expect(currentEdition(await readStore(storePath)).actionFields.find((f) => f.code === 'HF2')?.name).toBe(
    'Sichere öffentliche Räume und Plätze',
  );
  expect(await accessibilityViolations(page)).toEqual([]);
});
