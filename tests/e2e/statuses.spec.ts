import type { Page } from '@playwright/test';
import type { StatusDefinition } from '@shared/register/status';
import { accessibilityViolations, expect, openApp, test } from './fixtures';
import { readStore, nav } from './helpers';

/** The status list of measures, edited from Einstellungen: add, order, rules, delete only when unused. */

const statusesOnDisk = async (storePath: string) => ((await readStore(storePath)) as unknown as { statuses: StatusDefinition[] }).statuses;

async function openStatusList(page: Page) {
  await nav(page, 'Einstellungen').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Einstellungen' })).toBeVisible();
  await page.getByRole('button', { name: 'Statusliste bearbeiten' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Statusliste' })).toBeVisible();
  return page.getByRole('table', { name: 'Statusliste' });
}

test('Statusliste: neuer Status „in Abstimmung“ mit 30 % steht danach im Maßnahmenformular zur Wahl; barrierefrei', async ({
  page,
  harness,
  storePath,
}) => {
  const check = async (what: string) => expect(await accessibilityViolations(page), what).toEqual([]);
  await openApp(page, harness);
  const table = await openStatusList(page);
  await expect(table.getByRole('row')).toHaveCount(12);
  await expect(table.getByRole('row', { name: /zusammengeführt mit/ })).toHaveText(/^10zusammengeführt mit100 %jajaja1/);
  await check('Statusliste');

  await page.getByRole('button', { name: 'Status hinzufügen' }).click();
  const form = page.getByRole('form', { name: 'Status hinzufügen' });
  await expect(form.getByRole('textbox', { name: 'Bezeichnung' })).toBeFocused();
  // A label that exists in another spelling, and a percentage out of range: both named at their fields.
  await form.getByRole('textbox', { name: 'Bezeichnung' }).fill('In Planung');
  await form.getByRole('textbox', { name: 'Standard-Fortschritt in %' }).fill('150');
  await form.getByRole('button', { name: 'Status speichern' }).click();
  await expect(form.getByText('Fehler: Bitte eine ganze Zahl von 0 bis 100 eingeben.')).toBeVisible();
  await form.getByRole('textbox', { name: 'Standard-Fortschritt in %' }).fill('30');
  await form.getByRole('button', { name: 'Status speichern' }).click();
  await expect(form.getByText('Fehler: Einen Status „In Planung“ gibt es bereits. Bitte eine andere Bezeichnung wählen.')).toBeVisible();
  await expect(form.getByRole('textbox', { name: 'Bezeichnung' })).toHaveAttribute('aria-invalid', 'true');
  await check('Formular mit Fehlern');

  await form.getByRole('textbox', { name: 'Bezeichnung' }).fill('in Abstimmung');
  await form.getByRole('button', { name: 'Status speichern' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Status gespeichert.' })).toBeVisible();
  await expect(table.getByRole('row', { name: /in Abstimmung/ })).toHaveText(/^12in Abstimmung30 %neinneinja0/);
  expect((await statusesOnDisk(storePath)).at(-1)).toEqual({
    key: 'in_abstimmung',
    label: 'in Abstimmung',
    defaultPercent: 30,
    requiresReason: false,
    requiresLink: false,
    active: true,
  });

  // Moved up one place: the order on disk is the order of every choice.
  await page.getByRole('button', { name: 'in Abstimmung Nach oben' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Reihenfolge geändert.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'in Abstimmung Nach oben' })).toBeFocused();
  await expect(table.getByRole('row', { name: /in Abstimmung/ })).toHaveText(/^11in Abstimmung/);
  expect((await statusesOnDisk(storePath)).slice(-2).map((s) => s.key)).toEqual(['in_abstimmung', 'ersetzt']);
  await check('Statusliste nach dem Verschieben');

  await nav(page, 'Maßnahmen').click();
  await page.getByRole('button', { name: 'Neue Maßnahme' }).click();
  const status = page.getByRole('form', { name: 'Neue Maßnahme' }).getByRole('combobox', { name: 'Status' });
  await expect(status.getByRole('option')).toHaveText([
    'vorgeschlagen (0 %)',
    'beschlossen (10 %)',
    'in Planung (25 %)',
    'in Umsetzung (50 %)',
    'umgesetzt (100 %)',
    'verstetigt (Regelbetrieb) (100 %)',
    'zurückgestellt (0 %)',
    'verzögert (40 %)',
    'eingestellt (0 %)',
    'zusammengeführt mit (100 %)',
    'in Abstimmung (30 %)',
    'ersetzt durch (100 %)',
  ]);
  await status.selectOption({ label: 'in Abstimmung (30 %)' });
  await expect(status).toHaveValue('in_abstimmung');
});

test('Statusliste: ein verwendeter Status wird nicht gelöscht (deutsche Meldung); „ersetzt durch“ behält die Verknüpfung, kann aber inaktiv werden', async ({
  page,
  harness,
  storePath,
}) => {
  await openApp(page, harness);
  const table = await openStatusList(page);
  const used = (await readStore(storePath)).measures.filter((m) => m.status === 'in_umsetzung').length;
  expect(used).toBeGreaterThan(0);

  // The reason comes at once, without the question "löschen?" first (issue 15).
  await page.getByRole('button', { name: 'in Umsetzung Löschen' }).click();
  await expect(page.getByRole('dialog', { name: 'Löschen' })).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveText(
    `Fehler: Der Status „in Umsetzung“ wird noch von ${used} ${used === 1 ? 'Maßnahme' : 'Maßnahmen'} verwendet (in allen Fassungen) und kann nicht gelöscht werden. Setzen Sie ihn stattdessen auf „nicht aktiv“.`,
  );
  expect((await statusesOnDisk(storePath)).map((s) => s.key)).toContain('in_umsetzung');
  expect(await accessibilityViolations(page)).toEqual([]);

  // "ersetzt durch" must keep needing a link (merging and superseding depend on it).
  await page.getByRole('button', { name: 'ersetzt durch Bearbeiten' }).click();
  const form = page.getByRole('form', { name: 'Bearbeiten' });
  await form.getByRole('checkbox', { name: 'Verknüpfung nötig' }).uncheck();
  await form.getByRole('button', { name: 'Status speichern' }).click();
  await expect(form.getByText(/^Fehler: Für „ersetzt durch“ muss eine Verknüpfung nötig bleiben/)).toBeVisible();
  await expect(form.getByRole('checkbox', { name: 'Verknüpfung nötig' })).toHaveAttribute('aria-invalid', 'true');
  expect(await accessibilityViolations(page)).toEqual([]);
  await form.getByRole('button', { name: 'Abbrechen' }).click();
  expect((await statusesOnDisk(storePath)).find((s) => s.key === 'ersetzt')!.requiresLink).toBe(true);

  // The unused "ersetzt durch" may be set inactive: it is then no choice for a measure.
  await page.getByRole('button', { name: 'ersetzt durch Bearbeiten' }).click();
  await form.getByRole('checkbox', { name: 'aktiv', exact: true }).uncheck();
  await form.getByRole('button', { name: 'Status speichern' }).click();
  await expect(table.getByRole('row', { name: /ersetzt durch/ })).toHaveText(/^11ersetzt durch100 %jajanein0/);
  expect((await statusesOnDisk(storePath)).find((s) => s.key === 'ersetzt')!.active).toBe(false);
});

test('Statusliste im Nur-Lesen-Fenster: nichts lässt sich ändern', async ({ page, harness, storePath, startExtraHarness }) => {
  expect(harness.session.describe()).toMatchObject({ state: 'open', readOnly: false });
  // Read-only by the user's choice (several windows may write since Mehrplatzbetrieb).
  const second = await startExtraHarness();
  await second.session.open(storePath, 'none', true);
  await openApp(page, second);
  await openStatusList(page);
  await expect(page.getByRole('button', { name: 'Status hinzufügen' })).toBeDisabled();
  for (const action of ['Bearbeiten', 'Nach oben', 'Nach unten', 'Löschen'])
    await expect(page.getByRole('button', { name: `in Planung ${action}` })).toBeDisabled();
  expect(await accessibilityViolations(page)).toEqual([]);
});
