import { accessibilityViolations, expect, openApp, test } from './fixtures';
import { currentEdition, measureCount, openMeasure, readStore, nav } from './helpers';

test('Übersicht der Maßnahmen zeigt das Beispielregister und ist barrierefrei', async ({ page, harness }) => {
  await openApp(page, harness);
  await expect(page.getByText('Beispieldaten').first()).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /\d+ Maßnahmen/ })).toHaveText(/36 Maßnahmen/);
  await page.screenshot({ path: 'test-results/register.png' });
  expect(await accessibilityViolations(page)).toEqual([]);
});

test('Barrierefreiheit (axe, WCAG 2.1 AA) aller Hauptansichten', async ({ page, harness }) => {
  const check = async (what: string) => expect(await accessibilityViolations(page), what).toEqual([]);
  await openApp(page, harness);

  // Filtered list, then a measure with its two tabs.
  await page.getByRole('combobox', { name: 'Stadtbezirk' }).selectOption({ label: 'Hörde' });
  await expect(measureCount(page)).toHaveText(/von 36 Maßnahmen/);
  await check('Liste gefiltert');
  await page.getByRole('button', { name: 'Filter zurücksetzen' }).click();
  await openMeasure(page, 'Videobeobachtung Brückstraße');
  await check('Maßnahme Angaben');
  await page.getByRole('tab', { name: 'Verlauf' }).click();
  await expect(page.getByRole('tabpanel', { name: 'Verlauf' })).toBeVisible();
  await check('Maßnahme Verlauf');

  // Edit form, then with validation errors shown.
  await page.getByRole('button', { name: 'Bearbeiten' }).click();
  const form = page.getByRole('form', { name: 'Maßnahme HF2-01 bearbeiten' });
  await expect(form).toBeVisible();
  await check('Bearbeiten');
  await form.getByRole('textbox', { name: 'Titel', exact: true }).fill('');
  await form.getByRole('textbox', { name: 'Geplantes Ende' }).fill('32.13.2026');
  await form.getByRole('button', { name: 'Maßnahme speichern' }).first().click();
  await expect(page.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie 2 Felder:' })).toBeFocused();
  await check('Bearbeiten mit Fehlern');

  // The confirm dialog (leaving with unsaved input).
  await nav(page, 'Maßnahmen').click();
  await expect(page.getByRole('dialog', { name: 'Ungespeicherte Änderungen' })).toBeVisible();
  await check('Rückfrage-Dialog');
  await page.getByRole('button', { name: 'Änderungen verwerfen' }).click();

  // New-measure form.
  await page.getByRole('button', { name: 'Neue Maßnahme' }).click();
  await expect(page.getByRole('form', { name: 'Neue Maßnahme' })).toBeVisible();
  await page.getByRole('button', { name: 'Jahr hinzufügen' }).click();
  await page.getByRole('button', { name: 'Beschluss hinzufügen' }).click();
  await page.getByRole('button', { name: 'Meilenstein hinzufügen' }).click();
  await check('Neue Maßnahme');
  await page.getByRole('button', { name: 'Abbrechen' }).first().click();
  await page.getByRole('button', { name: 'Änderungen verwerfen' }).click();

  // Papierkorb, empty and with one entry.
  await nav(page, 'Papierkorb').click();
  await expect(page.getByText('Der Papierkorb ist leer.')).toBeVisible();
  await check('Papierkorb leer');
  await nav(page, 'Maßnahmen').click();
  await openMeasure(page, 'Frauen-Nachttaxi');
  await page.getByRole('button', { name: 'In den Papierkorb …' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'In den Papierkorb' }).click();
  await expect(measureCount(page)).toHaveText(/^\d+ von 35 Maßnahmen$/);
  await nav(page, 'Papierkorb').click();
  await expect(page.getByRole('button', { name: 'Maßnahme HF2-09 wiederherstellen' })).toBeVisible();
  await check('Papierkorb mit Eintrag');

  // Handlungsfelder and Organisationseinheiten, each also with the add form open.
  await nav(page, 'Handlungsfelder').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Handlungsfelder' })).toBeVisible();
  await check('Handlungsfelder');
  await page.getByRole('button', { name: 'Handlungsfeld hinzufügen' }).click();
  await expect(page.getByRole('form', { name: 'Handlungsfeld speichern' })).toBeVisible();
  await check('Handlungsfeld hinzufügen');
  await nav(page, 'Organisationseinheiten').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Organisationseinheiten und Partner' })).toBeVisible();
  await check('Organisationseinheiten');
  await page.getByRole('button', { name: 'Stelle hinzufügen' }).click();
  await expect(page.getByRole('form', { name: 'Stelle speichern' })).toBeVisible();
  await check('Stelle hinzufügen');

  await nav(page, 'Einstellungen').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Einstellungen' })).toBeVisible();
  await check('Einstellungen');
  await nav(page, 'Hilfe').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hilfe' })).toBeVisible();
  await check('Hilfe');
});

test('Menübefehle und F1 führen zu den Ansichten', async ({ page, harness }) => {
  await openApp(page, harness);
  const menu = (command: string) =>
    page.evaluate((c) => (globalThis as unknown as { __harnessMenu: (c: string) => void }).__harnessMenu(c), command);
  await menu('showTrash');
  await expect(page.getByRole('heading', { level: 1, name: 'Papierkorb' })).toBeVisible();
  await expect(nav(page, 'Papierkorb')).toHaveAttribute('aria-current', 'page');
  await menu('showSettings');
  await expect(page.getByRole('heading', { level: 1, name: 'Einstellungen' })).toBeVisible();
  await page.keyboard.press('F1');
  await expect(page.getByRole('heading', { level: 1, name: 'Hilfe' })).toBeVisible();
  await menu('newMeasure');
  await expect(page.getByRole('heading', { level: 1, name: 'Neue Maßnahme' })).toBeVisible();
  await menu('showRegister');
  await expect(measureCount(page)).toHaveText('36 Maßnahmen');
  // Strg+F (menu "find") from another view: back to the list with the focus in the search field.
  await menu('showHelp');
  await expect(page.getByRole('heading', { level: 1, name: 'Hilfe' })).toBeVisible();
  await page.keyboard.press('Control+f');
  await expect(page.getByRole('searchbox', { name: 'Suche' })).toBeFocused();
});

test('Handlungsfelder: hinzufügen erscheint im Filter, Löschen eines verwendeten Felds wird abgelehnt', async ({
  page,
  harness,
  storePath,
}) => {
  await openApp(page, harness);
  await nav(page, 'Handlungsfelder').click();
  await page.getByRole('button', { name: 'Handlungsfeld hinzufügen' }).click();
  const form = page.getByRole('form', { name: 'Handlungsfeld speichern' });
  await expect(form.getByRole('textbox', { name: 'Kürzel' })).toHaveValue('HF4');
  await form.getByRole('textbox', { name: 'Name' }).fill('Sichere Innenstadt');
  await form.getByRole('textbox', { name: 'Leitziel' }).fill('Die City ist zu jeder Tageszeit sicher erreichbar.');
  await form.getByRole('button', { name: 'Handlungsfeld speichern' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Handlungsfeld gespeichert.' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Handlungsfelder' });
  await expect(table.getByRole('row', { name: /HF4 Sichere Innenstadt/ })).toBeVisible();
  expect((await readStore(storePath)).actionFields.map((f) => `${f.code} ${f.name}`)).toContain('HF4 Sichere Innenstadt');

  await nav(page, 'Maßnahmen').click();
  const filter = page.getByRole('combobox', { name: 'Handlungsfeld' });
  await expect(filter.getByRole('option', { name: 'HF4 Sichere Innenstadt' })).toHaveCount(1);
  await filter.selectOption({ label: 'HF4 Sichere Innenstadt' });
  await expect(measureCount(page)).toHaveText('0 von 36 Maßnahmen');
  await expect(page.getByText('Keine Maßnahme passt zu Suche und Filtern.')).toBeVisible();

  // HF1 has measures: refused, with the German reason, and nothing removed.
  await nav(page, 'Handlungsfelder').click();
  const inHf1 = (await readStore(storePath)).measures.filter((m) => m.number.startsWith('HF1-')).length;
  // The reason comes at once: nobody is asked to confirm a deletion that cannot happen (issue 15).
  await page.getByRole('button', { name: 'HF1 Löschen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Löschen' });
  await expect(page.getByRole('alert')).toHaveText(
    `Fehler: Das Handlungsfeld wird noch von ${inHf1} ${inHf1 === 1 ? 'Maßnahme' : 'Maßnahmen'} verwendet und kann nicht gelöscht werden.`,
  );
  await expect(dialog).toHaveCount(0);
  expect(currentEdition(await readStore(storePath)).actionFields.map((f) => f.code)).toEqual(['HF1', 'HF2', 'HF3', 'HF4']);

  // The unused HF4 can be deleted.
  await page.getByRole('button', { name: 'HF4 Löschen' }).click();
  await dialog.getByRole('button', { name: 'Löschen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Handlungsfeld gelöscht.' })).toBeVisible();
  await expect(table.getByRole('row', { name: /HF4/ })).toHaveCount(0);
});

test('Organisationseinheiten: hinzufügen mit Kürzel und bearbeiten', async ({ page, harness, storePath }) => {
  await openApp(page, harness);
  await nav(page, 'Organisationseinheiten').click();
  await page.getByRole('button', { name: 'Stelle hinzufügen' }).click();
  const form = page.getByRole('form', { name: 'Stelle speichern' });
  await form.getByRole('textbox', { name: 'Name' }).fill('Bürgerdienste');
  await form.getByRole('textbox', { name: 'Kürzel' }).fill('FB 33');
  await form.getByRole('textbox', { name: 'gültig ab' }).fill('01.01.2024');
  await form.getByRole('button', { name: 'Stelle speichern' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Stelle gespeichert.' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Organisationseinheiten und Partner' });
  await expect(table.getByRole('row', { name: /Bürgerdienste FB 33/ })).toContainText('01.01.2024');
  let unit = (await readStore(storePath)).orgUnits.find((u) => u.code === 'FB 33');
  expect(unit).toMatchObject({ name: 'Bürgerdienste', validFrom: '2024-01-01' });

  await table.getByRole('button', { name: 'Bürgerdienste Bearbeiten', exact: true }).click();
  await expect(form.getByRole('textbox', { name: 'Name' })).toHaveValue('Bürgerdienste');
  await form.getByRole('textbox', { name: 'Name' }).fill('Bürgerdienste und Bürgerbüros');
  await form.getByRole('combobox', { name: 'Art' }).selectOption({ label: 'Sonstige' });
  await form.getByRole('button', { name: 'Stelle speichern' }).click();
  await expect(table.getByRole('row', { name: /Bürgerdienste und Bürgerbüros FB 33/ })).toBeVisible();
  unit = (await readStore(storePath)).orgUnits.find((u) => u.code === 'FB 33');
  expect(unit).toMatchObject({ name: 'Bürgerdienste und Bürgerbüros', kind: 'sonstige', validFrom: '2024-01-01' });
  expect((await readStore(storePath)).orgUnits.filter((u) => u.code === 'FB 33')).toHaveLength(1);

  // Invalid date is refused at the field.
  await table.getByRole('button', { name: 'Bürgerdienste und Bürgerbüros Bearbeiten', exact: true }).click();
  await form.getByRole('textbox', { name: 'gültig bis' }).fill('30.02.2025');
  await form.getByRole('button', { name: 'Stelle speichern' }).click();
  await expect(form.getByRole('textbox', { name: 'gültig bis' })).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByRole('textbox', { name: 'gültig bis' })).toHaveAccessibleDescription(/„30\.02\.2025“ ist kein Datum/);
});

test('Einstellungen: Anzeigename erscheint im Verlauf einer Änderung', async ({ page, harness }) => {
  await openApp(page, harness);
  await nav(page, 'Einstellungen').click();
  const name = page.getByRole('textbox', { name: 'Anzeigename im Änderungsprotokoll' });
  await name.fill('Frau Beispiel');
  await page.getByRole('button', { name: 'Einstellungen speichern' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Einstellungen gespeichert.' })).toBeVisible();
  await expect(page.getByRole('contentinfo')).toContainText('Frau Beispiel');

  await nav(page, 'Maßnahmen').click();
  await openMeasure(page, '„Nette Toilette“');
  await page.getByRole('button', { name: 'Bearbeiten' }).click();
  await page.getByRole('textbox', { name: 'Quartier (optional)' }).fill('Kreuzviertel');
  await page.getByRole('button', { name: 'Maßnahme speichern' }).first().click();
  await page.getByRole('tab', { name: 'Verlauf' }).click();
  const row = page.getByRole('table', { name: 'Änderungen an dieser Maßnahme, neueste zuerst' }).getByRole('row').nth(1);
  await expect(row.getByRole('cell').nth(1)).toHaveText('Frau Beispiel');
  await expect(row.getByRole('cell').nth(3)).toHaveText('Quartier');
  await expect(row.getByRole('cell').nth(5)).toHaveText('Kreuzviertel');
});
