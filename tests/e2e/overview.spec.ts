import { promises as fs } from 'node:fs';
import type { Page } from '@playwright/test';
import { localDay } from '@shared/core/calendar';
import type { RegisterDocument } from '@shared/register/register';
import { formatDate } from '@shared/core/format';
import { accessibilityViolations, expect, test } from './fixtures';
import { SAMPLE_PATH, tabTo, nav } from './helpers';

/** The Übersicht (start screen) on the sample register: counts, what is overdue today, next sessions, links. */

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

/** What the sample holds, worked out from the file with today's date (not with the code under test). */
async function expectations() {
  const doc = JSON.parse(await fs.readFile(SAMPLE_PATH, 'utf8')) as RegisterDocument;
  const today = localDay();
  const fields = doc.actionFields.filter((f) => f.editionId === doc.currentEditionId);
  const fieldIds = new Set(fields.map((f) => f.id));
  const measures = doc.measures.filter((m) => fieldIds.has(m.actionFieldId) && m.deletedAt === null);
  const finished = new Set(doc.statuses.filter((s) => s.defaultPercent === 100 || s.key === 'eingestellt').map((s) => s.key));
  const overdueMeasures = measures
    .filter((m) => !finished.has(m.status))
    .map((m) => {
      const dates = [
        ...(m.plannedEnd && m.plannedEnd < today ? [m.plannedEnd] : []),
        ...m.milestones.filter((x) => !x.doneDate && x.dueDate && x.dueDate < today).map((x) => x.dueDate!),
      ].sort();
      return { measure: m, since: dates[0] };
    })
    .filter((x) => x.since !== undefined)
    .sort((a, b) => a.since!.localeCompare(b.since!) || a.measure.number.localeCompare(b.measure.number, 'de', { numeric: true }));
  const overdueDecisions = doc.trackedDecisions
    .filter((d) => d.deletedAt === null && !['erledigt', 'aufgehoben'].includes(d.state) && d.dueDate !== null && d.dueDate < today)
    .sort((a, b) => a.dueDate!.localeCompare(b.dueDate!));
  return { doc, today, fields, measures, overdueMeasures, overdueDecisions };
}

test('Die Übersicht ist der Startbildschirm: Zahlen nach Status und Handlungsfeld, Überfälliges, nächste Sitzungen', async ({
  page,
  harness,
}) => {
  const { doc, today, fields, measures, overdueMeasures, overdueDecisions } = await expectations();
  await page.goto(harness.url);
  await expect(heading(page, 'Übersicht')).toBeVisible();
  await expect(nav(page, 'Übersicht')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByText(`Was heute (${formatDate(today)}) Aufmerksamkeit braucht`)).toBeVisible();

  // Counts by status: every status of the list as a word with its number, in the list's order.
  const byStatus = page.getByRole('table', { name: 'Maßnahmen nach Status' });
  const shown = doc.statuses.filter((s) => s.active || measures.some((m) => m.status === s.key));
  await expect(byStatus.getByRole('rowheader')).toHaveText([...shown.map((s) => s.label), 'Zusammen']);
  for (const s of shown)
    await expect(
      byStatus.getByRole('row', { name: `${s.label} ${measures.filter((m) => m.status === s.key).length}`, exact: true }),
    ).toBeVisible();
  await expect(byStatus.getByRole('row', { name: `Zusammen ${measures.length}`, exact: true })).toBeVisible();
  const byField = page.getByRole('table', { name: 'Maßnahmen nach Handlungsfeld' });
  for (const f of fields)
    await expect(
      byField.getByRole('row', { name: `${f.code} ${f.name} ${measures.filter((m) => m.actionFieldId === f.id).length}`, exact: true }),
    ).toBeVisible();

  // Overdue measures: the total, the ten oldest.
  expect(overdueMeasures.length).toBeGreaterThan(0);
  await expect(page.getByRole('heading', { level: 2, name: `Überfällige Maßnahmen (${overdueMeasures.length})` })).toBeVisible();
  const overdueTable = page.getByRole('table', { name: /^Überfällige Maßnahmen, älteste Frist zuerst/ });
  await expect(overdueTable.getByRole('row')).toHaveCount(Math.min(10, overdueMeasures.length) + 1);
  await expect(overdueTable.getByRole('row').nth(1)).toContainText(overdueMeasures[0]!.measure.number);
  await expect(overdueTable.getByRole('row').nth(1)).toContainText(formatDate(overdueMeasures[0]!.since));
  if (overdueMeasures.length > 11)
    await expect(page.getByText(`${overdueMeasures.length - 10} weitere überfällige Maßnahmen sind hier nicht aufgeführt.`)).toBeVisible();

  // Overdue council decisions (two in the sample while it is past 30.06.2026).
  await expect(page.getByRole('heading', { level: 2, name: `Überfällige Beschlüsse (${overdueDecisions.length})` })).toBeVisible();
  const decisions = page.getByRole('region', { name: /^Überfällige Beschlüsse/ });
  for (const d of overdueDecisions.slice(0, 5)) {
    await expect(decisions.getByRole('link', { name: d.subject })).toBeVisible();
    await expect(decisions.getByRole('listitem').filter({ hasText: d.subject })).toContainText(
      `Frist ${formatDate(d.dueDate)} – überfällig`,
    );
  }

  // Next sessions: the Vollversammlung on 10.12.2026 while that is still ahead.
  const upcoming = doc.meetings.filter((m) => m.deletedAt === null && m.date >= today);
  const sessions = page.getByRole('region', { name: 'Nächste Sitzungen' });
  if (upcoming.length === 0) await expect(sessions).toContainText('Keine Sitzung geplant.');
  if ('2026-12-10' >= today) {
    const row = sessions
      .getByRole('table', { name: /^Nächste Sitzungen, früheste zuerst/ })
      .getByRole('row')
      .filter({ hasText: '10.12.2026' });
    await expect(row).toHaveText(
      /10\.12\.2026\s*16:00 Uhr\s*VollV\s*2\. Sitzung\s*Rathaus Dortmund, Saal Westfalia, Friedensplatz 1\s*eingeladen/,
    );
  }

  // Anregungen and Datenschutz as sentences with numbers.
  const waiting = doc.proposals.filter((p) => p.deletedAt === null && (p.state === 'eingegangen' || p.state === 'in_pruefung')).length;
  await expect(page.getByRole('region', { name: 'Anregungen' })).toContainText(
    `${waiting} Anregungen warten auf Bearbeitung (eingegangen oder in Prüfung).`,
  );
  await expect(page.getByRole('region', { name: 'Offene Prüfungen' })).toContainText('Kein Prüfpaket ist unterwegs.');

  expect(await accessibilityViolations(page)).toEqual([]);
});

test('Die Einträge der Übersicht führen zur richtigen Ansicht; Alt+Pos1 und das Menü führen zurück', async ({ page, harness }) => {
  const { today, overdueMeasures, overdueDecisions } = await expectations();
  await page.goto(harness.url);
  await expect(heading(page, 'Übersicht')).toBeVisible();

  const first = overdueMeasures[0]!.measure;
  await page
    .getByRole('table', { name: /^Überfällige Maßnahmen/ })
    .getByRole('link', { name: first.title, exact: true })
    .click();
  await expect(heading(page, `${first.number} ${first.title}`)).toBeVisible();
  await page.keyboard.press('Alt+Home');
  await expect(heading(page, 'Übersicht')).toBeVisible();

  if (overdueDecisions.length > 0) {
    await page.getByRole('link', { name: overdueDecisions[0]!.subject }).click();
    await expect(heading(page, `Beschluss DS-Nr. ${overdueDecisions[0]!.printNumber}`)).toBeVisible();
    await nav(page, 'Übersicht').click();
  }

  if ('2026-12-10' >= today) {
    await page.getByRole('region', { name: 'Nächste Sitzungen' }).getByRole('link', { name: '2. Sitzung' }).click();
    await expect(heading(page, /^2\. Sitzung/)).toBeVisible();
    await nav(page, 'Übersicht').click();
  }

  await page.getByRole('button', { name: 'Zu den Prüfungen' }).click();
  await expect(heading(page, 'Prüfungen')).toBeVisible();
  await nav(page, 'Übersicht').click();

  await page.getByRole('button', { name: 'Zu den Anregungen' }).click();
  await expect(heading(page, 'Gremien & Beteiligung')).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Anregungen' })).toHaveAttribute('aria-selected', 'true');
  await nav(page, 'Übersicht').click();

  await page.getByRole('button', { name: 'Zum Datenschutz' }).click();
  await expect(heading(page, 'Datenschutz')).toBeVisible();
  // Ansicht › Übersicht in the menu bar.
  await page.evaluate(() => (globalThis as unknown as { __harnessMenu: (c: string) => void }).__harnessMenu('showOverview'));
  await expect(heading(page, 'Übersicht')).toBeVisible();
  await expect(nav(page, 'Übersicht')).toHaveAttribute('aria-current', 'page');

  await page.getByRole('button', { name: 'Zur Beschlussverfolgung' }).click();
  await expect(page.getByRole('tab', { name: 'Beschlussverfolgung' })).toHaveAttribute('aria-selected', 'true');
});

test('Nur mit der Tastatur: vom Start über den Sprunglink zur ersten überfälligen Maßnahme', async ({ page, harness }) => {
  const { overdueMeasures } = await expectations();
  const first = overdueMeasures[0]!.measure;
  await page.goto(harness.url);
  await expect(page.getByRole('heading', { level: 2, name: `Überfällige Maßnahmen (${overdueMeasures.length})` })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Zum Inhalt springen' })).toBeFocused();
  await page.keyboard.press('Enter');
  // Into the content, then on to the oldest overdue measure.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('main').locator(':focus')).toHaveCount(1);
  const link = page.getByRole('link', { name: first.title, exact: true });
  await tabTo(page, link, { max: 20 });
  await page.keyboard.press('Enter');
  await expect(heading(page, `${first.number} ${first.title}`)).toBeVisible();

  // Back by keyboard: the navigation's first entry is the Übersicht.
  await tabTo(page, nav(page, 'Übersicht'), { backwards: true });
  await page.keyboard.press('Enter');
  await expect(heading(page, 'Übersicht')).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: 'Zu den Prüfungen' }));
  await page.keyboard.press('Enter');
  await expect(heading(page, 'Prüfungen')).toBeVisible();
});

test('Die Übersicht folgt den Daten: eine überfällige Maßnahme im Papierkorb zählt nicht mehr', async ({ page, harness }) => {
  const { measures, overdueMeasures } = await expectations();
  const first = overdueMeasures[0]!.measure;
  await page.goto(harness.url);
  await expect(page.getByRole('heading', { level: 2, name: `Überfällige Maßnahmen (${overdueMeasures.length})` })).toBeVisible();

  await page.getByRole('link', { name: first.title, exact: true }).click();
  await page.getByRole('button', { name: 'In den Papierkorb …' }).click();
  await page.getByRole('dialog', { name: 'In den Papierkorb' }).getByRole('button', { name: 'In den Papierkorb' }).click();
  await expect(heading(page, 'Maßnahmen')).toBeVisible();

  await nav(page, 'Übersicht').click();
  await expect(page.getByRole('heading', { level: 2, name: `Überfällige Maßnahmen (${overdueMeasures.length - 1})` })).toBeVisible();
  await expect(
    page.getByRole('table', { name: /^Überfällige Maßnahmen/ }).getByRole('link', { name: first.title, exact: true }),
  ).toHaveCount(0);
  await expect(
    page.getByRole('table', { name: 'Maßnahmen nach Status' }).getByRole('row', { name: `Zusammen ${measures.length - 1}`, exact: true }),
  ).toBeVisible();
});
