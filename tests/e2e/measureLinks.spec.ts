import type { Page } from '@playwright/test';
import { localDay } from '@shared/core/calendar';
import { accessibilityViolations, expect, openApp, test } from './fixtures';
import { openMeasure } from './helpers';

/**
 * A measure's page shows what of Gremien & Beteiligung points to it – the Anregungen it came from, the
 * recommendations, tracked decisions and session agenda items naming it – and each entry opens its screen.
 */

const HF2_05 = 'Reinigungsoffensive mit der EDG';
const HF2_03 = 'Präsenzstreifen des Kommunalen Ordnungsdienstes';
const VV = 'Vollversammlung Masterplan Kommunale Sicherheit';

const section = (page: Page) => page.getByRole('region', { name: 'Gremien & Beteiligung' });
const table = (page: Page, caption: string) => section(page).getByRole('table', { name: caption, exact: true });
const bodyRows = (page: Page, caption: string) => table(page, caption).locator('tbody tr');

/** From anywhere: the register of measures, then the measure's page. */
async function showMeasure(page: Page, title: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('button', { name: 'Maßnahmen', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Maßnahmen' })).toBeVisible();
  await openMeasure(page, title);
  await expect(section(page).getByRole('heading', { level: 2, name: 'Gremien & Beteiligung' })).toBeVisible();
}

test('HF2-05 zeigt Anregung, Empfehlung und Sitzung mit TOP; jeder Verweis öffnet die richtige Ansicht', async ({ page, harness }) => {
  await openApp(page, harness);
  await showMeasure(page, HF2_05);

  const proposals = 'Anregungen, aus denen diese Maßnahme entstanden ist';
  const recommendations = 'Empfehlungen zu dieser Maßnahme';
  const sessions = 'Sitzungen mit Tagesordnungspunkten zu dieser Maßnahme';
  await expect(bodyRows(page, proposals)).toHaveCount(1);
  await expect(bodyRows(page, proposals).first().getByRole('cell')).toHaveText(['07.03.2026', 'Sauberkeit', 'übernommen in Maßnahme']);
  await expect(bodyRows(page, recommendations)).toHaveCount(1);
  await expect(bodyRows(page, recommendations).first()).toContainText('E-2025-01');
  await expect(bodyRows(page, recommendations).first().getByRole('cell')).toHaveText([
    '13.11.2025',
    'Sauberkeit im Umfeld des Nordmarkts',
    'umgesetzt',
  ]);
  await expect(bodyRows(page, sessions)).toHaveCount(1);
  await expect(bodyRows(page, sessions).first()).toContainText('VollV: 1. Sitzung');
  await expect(bodyRows(page, sessions).first().getByRole('cell')).toHaveText([
    '13.11.2025',
    'TOP 5',
    'Handlungsfelder des Masterplans 2.0',
  ]);
  // No decision points to HF2-05: no empty table for it, and no "nothing linked" line.
  await expect(section(page).getByRole('table')).toHaveCount(3);
  await expect(section(page).getByText('Keine Verknüpfungen mit Gremien und Beteiligung.')).toHaveCount(0);
  expect(await accessibilityViolations(page)).toEqual([]);

  // The Anregung.
  await table(page, proposals).getByRole('link', { name: 'Anregung A-2026-001 öffnen' }).click();
  await expect(page.getByRole('form', { name: 'Anregung A-2026-001' })).toBeVisible();

  // The recommendation: the Empfehlungen tab with E-2025-01 in its list.
  await showMeasure(page, HF2_05);
  await table(page, recommendations)
    .getByRole('link', { name: /^E-2025-01 / })
    .click();
  await expect(page.getByRole('tab', { name: 'Empfehlungen', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('rowheader', { name: 'E-2025-01', exact: true })).toBeVisible();

  // The session, keyboard only: Enter on the focused link.
  await showMeasure(page, HF2_05);
  const meetingLink = table(page, sessions).getByRole('link', { name: /^VollV: 1\. Sitzung am 13\.11\.2025/ });
  await meetingLink.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`1. Sitzung – ${VV}`);
  // The session's screen is complete once the body's members are there (its quick picks of organisations).
  await expect(
    page.getByRole('button', { name: 'Kommunale Kriminalprävention / Sicherheitskoordination als anwesend eintragen' }),
  ).toBeVisible();
});

test('HF2-03 zeigt den Beschluss 33410-25 (überfällig) und öffnet ihn', async ({ page, harness }) => {
  await openApp(page, harness);
  await showMeasure(page, HF2_03);

  const decisions = 'Beschlüsse zu dieser Maßnahme (Beschlussverfolgung)';
  await expect(bodyRows(page, decisions)).toHaveCount(1);
  const row = bodyRows(page, decisions).first();
  await expect(row.getByRole('rowheader')).toHaveText('DS-Nr. 33410-25');
  // The deadline 30.09.2025 has passed for any run after that day; the state says so in words.
  const overdue = '2025-09-30' < localDay();
  await expect(row.getByRole('cell')).toHaveText([
    '11.03.2025',
    'Prüfauftrag: Ausweitung der Präsenzstreifen auf die Abendstunden',
    '30.09.2025',
    overdue ? 'offen, überfällig' : 'offen',
  ]);
  await expect(bodyRows(page, 'Anregungen, aus denen diese Maßnahme entstanden ist').first()).toContainText('A-2026-003');
  await expect(bodyRows(page, 'Sitzungen mit Tagesordnungspunkten zu dieser Maßnahme').first()).toContainText('TOP 5');
  expect(await accessibilityViolations(page)).toEqual([]);

  await row.getByRole('link', { name: /^DS-Nr\. 33410-25/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Beschluss DS-Nr. 33410-25' })).toBeVisible();
});

test('Eine Maßnahme ohne Verknüpfung zeigt eine Zeile statt leerer Tabellen', async ({ page, harness }) => {
  await openApp(page, harness);
  await showMeasure(page, 'Präventionsrat Hörde');
  await expect(section(page).getByText('Keine Verknüpfungen mit Gremien und Beteiligung.', { exact: true })).toBeVisible();
  await expect(section(page).getByRole('table')).toHaveCount(0);
  expect(await accessibilityViolations(page)).toEqual([]);
});
