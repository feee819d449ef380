import { promises as fs } from 'node:fs';
import { E2E_USER_NAME } from '../harness/server';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';
import { currentEdition, detailValue, measureCount, openMeasure, readSample, readStore, tabTo, writeSampleCopy } from './helpers';

/** Measures end to end: form, validation, history, unsaved-changes guard, search, Papierkorb, keyboard. */

/** A register that exists before the app starts, so the status bar starts at "Keine Änderungen in dieser Sitzung". */
const testOnExisting = test.extend({
  storePath: async ({ dir }, use) => {
    const storePath = path.join(dir, 'register.json');
    await writeSampleCopy(storePath);
    await use(storePath);
  },
});

const saveButton = (page: Page) => page.getByRole('button', { name: 'Maßnahme speichern' }).first();

testOnExisting(
  'Neue Maßnahme über das Formular anlegen: Anzeige deutsch formatiert und dauerhaft in der Datei',
  async ({ page, harness, storePath }) => {
    await openApp(page, harness);
    // Shown, not announced (the one save confirmation is the live region).
    const saveState = page.getByRole('contentinfo').locator('.save-state');
    await expect(saveState).toHaveText('Keine Änderungen in dieser Sitzung');
    await page.getByRole('button', { name: 'Neue Maßnahme' }).click();
    const form = page.getByRole('form', { name: 'Neue Maßnahme' });
    await expect(form).toBeVisible();

    await expect(form.getByRole('textbox', { name: 'Nummer' })).toHaveValue('HF1-13');
    await form.getByRole('textbox', { name: 'Titel', exact: true }).fill('Sicherheitsbeirat Innenstadt');
    await form.getByRole('combobox', { name: 'Handlungsfeld' }).selectOption({ label: 'HF2 Sichere öffentliche Räume' });
    // The suggested number follows the Handlungsfeld.
    await expect(form.getByRole('textbox', { name: 'Nummer' })).toHaveValue('HF2-13');
    await form.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'in Planung (25 %)' });
    await form.getByRole('combobox', { name: 'Federführende Stelle' }).selectOption({ label: 'Ordnungsamt (FB 32)' });
    const districts = form.getByRole('group', { name: 'Stadtbezirke' });
    await districts.getByRole('checkbox', { name: 'Hörde' }).check();
    await districts.getByRole('checkbox', { name: 'Eving' }).check();
    await form.getByRole('textbox', { name: 'Geplanter Beginn' }).fill('01.03.2026');
    await form.getByRole('button', { name: 'Jahr hinzufügen' }).click();
    await form.getByRole('textbox', { name: 'Jahr', exact: true }).fill('2026');
    await form.getByRole('textbox', { name: 'geplant (€)' }).fill('12.500,50');
    await saveButton(page).click();

    await expect(page.getByRole('heading', { level: 1, name: 'HF2-13 Sicherheitsbeirat Innenstadt' })).toBeVisible();
    await expect(detailValue(page, 'Geplanter Beginn')).toHaveText('01.03.2026');
    await expect(detailValue(page, 'Status')).toContainText('in Planung (Richtwert 25 %)');
    await expect(detailValue(page, 'Federführende Stelle')).toHaveText('Ordnungsamt (FB 32)');
    await expect(detailValue(page, 'Stadtbezirke')).toHaveText('Hörde, Eving');
    const budget = page.getByRole('table', { name: 'Budget je Jahr' });
    await expect(budget.getByRole('row').nth(1).getByRole('cell').nth(1)).toHaveText('12.500,50 €');
    await expect(saveState).toHaveText(/^Gespeichert um \d{2}:\d{2}$/);

    // Durable: the file on disk already holds the measure, in cents, plus its audit entry.
    const stored = await readStore(storePath);
    const measure = stored.measures.find((m) => m.title === 'Sicherheitsbeirat Innenstadt');
    expect(measure).toBeDefined();
    expect(measure!.number).toBe('HF2-13');
    expect(measure!.plannedStart).toBe('2026-03-01');
    expect(measure!.budget).toEqual([expect.objectContaining({ year: 2026, plannedCents: 1250050 })]);
    expect(measure!.districts.sort()).toEqual(['EV', 'HÖ']);
    expect(measure!.leadOrgUnitId).toBe(stored.orgUnits.find((u) => u.code === 'FB 32')!.id);
    expect(measure!.deletedAt).toBeNull();
    const created = stored.audit.filter((a) => a.entityId === measure!.id);
    expect(created).toHaveLength(1);
    expect(created[0]!.action).toBe('create');
    expect(created[0]!.changes).toContainEqual({ field: 'title', old: null, new: 'Sicherheitsbeirat Innenstadt' });

    await page.getByRole('button', { name: 'Zurück zur Liste' }).click();
    await expect(measureCount(page)).toHaveText('37 Maßnahmen');
  },
);

test('Strg+N öffnet das Formular, Strg+S speichert, Esc bricht ab', async ({ page, harness, storePath }) => {
  await openApp(page, harness);
  await page.keyboard.press('Control+n');
  const form = page.getByRole('form', { name: 'Neue Maßnahme' });
  await expect(form).toBeVisible();
  // The number is suggested as the next free one of the first Handlungsfeld.
  await expect(form.getByRole('textbox', { name: 'Nummer' })).toHaveValue('HF1-13');
  await form.getByRole('textbox', { name: 'Titel', exact: true }).fill('Kurzfristig angelegte Maßnahme');
  await page.keyboard.press('Control+s');
  await expect(page.getByRole('heading', { level: 1, name: 'HF1-13 Kurzfristig angelegte Maßnahme' })).toBeVisible();
  expect((await readStore(storePath)).measures.some((m) => m.number === 'HF1-13' && m.title === 'Kurzfristig angelegte Maßnahme')).toBe(
    true,
  );

  // Ctrl+N from the detail view opens an empty form again; Esc (nothing typed) goes back to the list.
  await page.keyboard.press('Control+n');
  await expect(form).toBeVisible();
  await expect(form.getByRole('textbox', { name: 'Nummer' })).toHaveValue('HF1-14');
  await form.getByRole('textbox', { name: 'Titel', exact: true }).focus();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { level: 1, name: 'Maßnahmen' })).toBeVisible();
  await expect(measureCount(page)).toHaveText('37 Maßnahmen');
});

test('Eigene Nummer bleibt beim Wechsel des Handlungsfelds erhalten', async ({ page, harness }) => {
  await openApp(page, harness);
  await page.getByRole('button', { name: 'Neue Maßnahme' }).click();
  const number = page.getByRole('textbox', { name: 'Nummer' });
  const field = page.getByRole('combobox', { name: 'Handlungsfeld' });
  await field.selectOption({ label: 'HF3 Sichere Infrastruktur' });
  await expect(number).toHaveValue('HF3-13');
  await number.fill('HF3-20');
  await field.selectOption({ label: 'HF2 Sichere öffentliche Räume' });
  await expect(number).toHaveValue('HF3-20');
});

test('Feldfehler: Zusammenfassung mit Links, Link setzt den Fokus, nichts wird gespeichert', async ({ page, harness, storePath }) => {
  await openApp(page, harness);
  const before = await fs.readFile(storePath);
  await page.getByRole('button', { name: 'Neue Maßnahme' }).click();
  const form = page.getByRole('form', { name: 'Neue Maßnahme' });
  await form.getByRole('textbox', { name: 'Geplanter Beginn' }).fill('31.02.2026');
  await saveButton(page).click();

  const summary = page.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie' });
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  await expect(summary.getByText('Bitte prüfen Sie 2 Felder:')).toBeVisible();
  const titleLink = summary.getByRole('link', { name: 'Titel: Bitte einen Titel eingeben.' });
  const dateLink = summary.getByRole('link', { name: 'Geplanter Beginn: Bitte ein Datum im Format TT.MM.JJJJ eingeben.' });
  await expect(titleLink).toBeVisible();
  await expect(dateLink).toBeVisible();

  // Each field says what is wrong (aria-invalid + described by the error text).
  const date = form.getByRole('textbox', { name: 'Geplanter Beginn' });
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await expect(date).toHaveAccessibleDescription(/Bitte ein Datum im Format TT\.MM\.JJJJ eingeben/);

  await dateLink.click();
  await expect(date).toBeFocused();
  // The same by keyboard: focus the link, Enter.
  await titleLink.focus();
  await page.keyboard.press('Enter');
  await expect(form.getByRole('textbox', { name: 'Titel', exact: true })).toBeFocused();

  expect((await fs.readFile(storePath)).equals(before)).toBe(true);
});

test('Feldfehler in Zeilen (Budget, Beschluss, Meilenstein) verlinken auf das jeweilige Feld', async ({ page, harness, storePath }) => {
  await openApp(page, harness);
  const before = await fs.readFile(storePath);
  await page.getByRole('button', { name: 'Neue Maßnahme' }).click();
  const form = page.getByRole('form', { name: 'Neue Maßnahme' });
  await form.getByRole('textbox', { name: 'Titel', exact: true }).fill('Mit Zeilen');
  await form.getByRole('button', { name: 'Jahr hinzufügen' }).click();
  await form.getByRole('button', { name: 'Jahr hinzufügen' }).click();
  await form.getByRole('textbox', { name: 'Jahr', exact: true }).nth(0).fill('2026');
  await form.getByRole('textbox', { name: 'Jahr', exact: true }).nth(1).fill('2026');
  await form.getByRole('button', { name: 'Beschluss hinzufügen' }).click();
  const decision = form.getByRole('group', { name: 'Beschluss 1' });
  await decision.getByRole('textbox', { name: 'Drucksache-Nr.' }).fill('123');
  await decision.getByRole('textbox', { name: 'Gremium' }).fill('Rat der Stadt');
  await form.getByRole('button', { name: 'Meilenstein hinzufügen' }).click();
  await saveButton(page).click();

  const summary = page.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie 3 Felder:' });
  await expect(summary).toBeFocused();
  await summary
    .getByRole('link', { name: 'Beschluss 1, Drucksache-Nr.: Die Drucksache-Nr. hat die Form 12345-18 oder 12345-18-E1.' })
    .click();
  await expect(decision.getByRole('textbox', { name: 'Drucksache-Nr.' })).toBeFocused();
  await summary.getByRole('link', { name: 'Meilenstein 1, Meilenstein: Bitte einen Titel eingeben.' }).click();
  await expect(form.getByRole('group', { name: 'Meilenstein 1' }).getByRole('textbox', { name: 'Meilenstein' })).toBeFocused();
  await summary.getByRole('link', { name: 'Budget je Jahr: Jedes Jahr darf je Finanzierungsquelle nur einmal vorkommen.' }).click();
  await expect(form.getByText('Fehler: Jedes Jahr darf je Finanzierungsquelle nur einmal vorkommen.')).toBeFocused();
  expect((await fs.readFile(storePath)).equals(before)).toBe(true);
});

test('Status „eingestellt“ ohne Begründung wird abgelehnt, mit Begründung gespeichert', async ({ page, harness, storePath }) => {
  await openApp(page, harness);
  await openMeasure(page, 'Stadtteilkonferenz Sicherheit Eving');
  await page.getByRole('button', { name: 'Bearbeiten' }).click();
  const form = page.getByRole('form', { name: 'Maßnahme HF1-11 bearbeiten' });
  await form.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'eingestellt (0 %)' });
  const before = await fs.readFile(storePath);
  await saveButton(page).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie' });
  await expect(
    summary.getByRole('link', { name: 'Begründung zum Status: Für den Status „eingestellt“ ist eine Begründung erforderlich.' }),
  ).toBeVisible();
  const reason = form.getByRole('textbox', { name: 'Begründung zum Status *' });
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  expect((await fs.readFile(storePath)).equals(before)).toBe(true);

  await reason.fill('Der Stadtbezirk führt die Konferenz in eigener Regie weiter.');
  await saveButton(page).click();
  await expect(page.getByRole('heading', { level: 1, name: 'HF1-11 Stadtteilkonferenz Sicherheit Eving' })).toBeVisible();
  await expect(detailValue(page, 'Status')).toContainText('eingestellt (Richtwert 0 %)');
  await expect(detailValue(page, 'Begründung zum Status')).toHaveText('Der Stadtbezirk führt die Konferenz in eigener Regie weiter.');
  const stored = (await readStore(storePath)).measures.find((m) => m.number === 'HF1-11')!;
  expect(stored.status).toBe('eingestellt');
  expect(stored.statusReason).toBe('Der Stadtbezirk führt die Konferenz in eigener Regie weiter.');
});

test('Beispielmaßnahme bearbeiten: der Verlauf zeigt alt → neu mit Benutzername', async ({ page, harness, storePath }) => {
  await openApp(page, harness);
  await openMeasure(page, 'Präventionsrat Hörde');
  await page.getByRole('button', { name: 'Bearbeiten' }).click();
  const title = page.getByRole('textbox', { name: 'Titel', exact: true });
  await expect(title).toHaveValue('Präventionsrat Hörde');
  await title.fill('Präventionsrat Hörde und Phoenix-See');
  await saveButton(page).click();
  await expect(page.getByRole('heading', { level: 1, name: 'HF1-02 Präventionsrat Hörde und Phoenix-See' })).toBeVisible();

  await page.getByRole('tab', { name: 'Verlauf' }).click();
  await expect(page.getByRole('tab', { name: 'Verlauf' })).toHaveAttribute('aria-selected', 'true');
  const history = page.getByRole('table', { name: 'Änderungen an dieser Maßnahme, neueste zuerst' });
  const first = history.getByRole('row').nth(1).getByRole('cell');
  await expect(first).toHaveText([
    /^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}$/,
    E2E_USER_NAME,
    'geändert',
    'Titel',
    'Präventionsrat Hörde',
    'Präventionsrat Hörde und Phoenix-See',
  ]);

  const stored = await readStore(storePath);
  const id = stored.measures.find((m) => m.number === 'HF1-02')!.id;
  const entry = stored.audit.filter((a) => a.entityId === id).at(-1)!;
  expect(entry).toMatchObject({
    action: 'update',
    user: E2E_USER_NAME,
    changes: [{ field: 'title', old: 'Präventionsrat Hörde', new: 'Präventionsrat Hörde und Phoenix-See' }],
  });
});

test('Nach dem eigenen Speichern wird nur die geänderte Zeile nachgeladen, auch nicht über die Abfrage der Änderungen', async ({
  page,
  harness,
  storePath,
}) => {
  await openApp(page, harness);
  await openMeasure(page, 'Präventionsrat Hörde');
  await page.getByRole('button', { name: 'Bearbeiten' }).click();
  await page.getByRole('textbox', { name: 'Titel', exact: true }).fill('Präventionsrat Hörde-Zentrum');
  const calls: { name: string; body: unknown }[] = [];
  page.on('request', (request) => {
    const name = new URL(request.url()).pathname.replace('/api/', '');
    if (['listMeasureRows', 'getReference', 'getMeasureRows'].includes(name)) calls.push({ name, body: request.postDataJSON() });
  });
  await saveButton(page).click();
  await expect(page.getByRole('heading', { level: 1, name: 'HF1-02 Präventionsrat Hörde-Zentrum' })).toBeVisible();
  // The window's poll for others' changes comes and goes after the save: it must not read everything again.
  await page.waitForResponse((response) => response.url().endsWith('/api/pollRegister'));
  await page.getByRole('button', { name: 'Zurück zur Liste' }).click();
  await page.getByRole('searchbox', { name: 'Suche' }).fill('Hörde-Zentrum');
  await expect(page.getByRole('link', { name: 'Präventionsrat Hörde-Zentrum', exact: true })).toBeVisible();
  const id = (await readStore(storePath)).measures.find((m) => m.number === 'HF1-02')!.id;
  expect(calls).toEqual([{ name: 'getMeasureRows', body: { ids: [id] } }]);
});

test('Ungespeicherte Änderungen: Nachfrage beim Verlassen, weiter bearbeiten oder verwerfen', async ({ page, harness, storePath }) => {
  await openApp(page, harness);
  const before = await fs.readFile(storePath);
  await page.getByRole('button', { name: 'Neue Maßnahme' }).click();
  const title = page.getByRole('textbox', { name: 'Titel', exact: true });
  await title.fill('Noch nicht gespeichert');
  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  await nav.getByRole('button', { name: 'Papierkorb' }).click();

  const dialog = page.getByRole('dialog', { name: 'Ungespeicherte Änderungen' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAccessibleDescription('Sie haben Änderungen, die noch nicht gespeichert sind. Wirklich verwerfen?');
  // The safe choice has the focus.
  await expect(dialog.getByRole('button', { name: 'Weiter bearbeiten' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Weiter bearbeiten' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Neue Maßnahme' })).toBeVisible();
  await expect(title).toHaveValue('Noch nicht gespeichert');

  // Esc in the dialog also keeps editing.
  await nav.getByRole('button', { name: 'Hilfe' }).click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(title).toHaveValue('Noch nicht gespeichert');

  await nav.getByRole('button', { name: 'Papierkorb' }).click();
  await dialog.getByRole('button', { name: 'Änderungen verwerfen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Papierkorb' })).toBeVisible();
  // Leaving again asks no more: the discarded input is gone.
  await nav.getByRole('button', { name: 'Maßnahmen' }).click();
  await expect(measureCount(page)).toHaveText('36 Maßnahmen');
  await expect(dialog).toBeHidden();
  expect((await fs.readFile(storePath)).equals(before)).toBe(true);
});

test('Suche, Filter und Sortierung der Maßnahmenliste', async ({ page, harness }) => {
  // The list shows the current Fassung (the sample also holds the 2019 plan).
  const sample = currentEdition(await readSample());
  await openApp(page, harness);
  const search = page.getByRole('searchbox', { name: 'Suche' });
  const table = page.getByRole('table', { name: 'Register der Maßnahmen' });
  const mentions = sample.measures.filter((m) => JSON.stringify(m).includes('Brückstraße')).length;
  expect(mentions).toBeGreaterThan(0);

  await search.fill('Brückstraße');
  await expect(measureCount(page)).toHaveText(`${mentions} von 36 Maßnahmen`);
  await expect(table.getByRole('link', { name: 'Videobeobachtung Brückstraße' })).toBeVisible();
  // Folding: no umlaut, ss for ß, lower case.
  await search.fill('bruckstrasse');
  await expect(measureCount(page)).toHaveText(`${mentions} von 36 Maßnahmen`);
  await expect(table.getByRole('link', { name: 'Videobeobachtung Brückstraße' })).toBeVisible();
  await search.fill('');
  await expect(measureCount(page)).toHaveText('36 Maßnahmen');

  const inHoerde = sample.measures.filter((m) => m.districts.includes('HÖ'));
  const inHoerdeSettled = inHoerde.filter((m) => m.status === 'verstetigt');
  expect(inHoerdeSettled.length).toBeLessThan(inHoerde.length);
  await page.getByRole('combobox', { name: 'Stadtbezirk' }).selectOption({ label: 'Hörde' });
  await expect(measureCount(page)).toHaveText(`${inHoerde.length} von 36 Maßnahmen`);
  await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'verstetigt (Regelbetrieb)' });
  await expect(measureCount(page)).toHaveText(`${inHoerdeSettled.length} von 36 Maßnahmen`);
  await expect(table.getByRole('link')).toHaveText(inHoerdeSettled.map((m) => m.title));

  await page.getByRole('button', { name: 'Filter zurücksetzen' }).click();
  await expect(measureCount(page)).toHaveText('36 Maßnahmen');
  await expect(page.getByRole('combobox', { name: 'Stadtbezirk' })).toHaveValue('');
  await expect(page.getByRole('button', { name: 'Filter zurücksetzen' })).toBeDisabled();

  // Sorting: by number first; a header click sorts by that column and says so with aria-sort.
  const numberHeader = table.getByRole('columnheader', { name: 'Nr.' });
  const budgetHeader = table.getByRole('columnheader', { name: 'Budget geplant' });
  await expect(numberHeader).toHaveAttribute('aria-sort', 'ascending');
  // Cell 0 is the row's selection checkbox ("Status ändern für Auswahl"), cell 1 the number.
  await expect(table.getByRole('row').nth(1).getByRole('cell').nth(1)).toHaveText('HF1-01');
  const total = (m: (typeof sample.measures)[number]) => m.budget.reduce((s, b) => s + (b.plannedCents ?? 0), 0);
  const byBudgetDesc = [...sample.measures].sort((a, b) => total(b) - total(a) || a.number.localeCompare(b.number));
  await budgetHeader.getByRole('button').click();
  await expect(budgetHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(numberHeader).not.toHaveAttribute('aria-sort', /.*/);
  await budgetHeader.getByRole('button').click();
  await expect(budgetHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(table.getByRole('row').nth(1).getByRole('cell').nth(1)).toHaveText(byBudgetDesc[0]!.number);
  await expect(table.getByRole('row').nth(2).getByRole('cell').nth(1)).toHaveText(byBudgetDesc[1]!.number);
});

test('Löschen in den Papierkorb mit Rückfrage und Wiederherstellen, beides in der Datei', async ({ page, harness, storePath }) => {
  await openApp(page, harness);
  await openMeasure(page, 'Videobeobachtung Brückstraße');
  await page.getByRole('button', { name: 'In den Papierkorb …' }).click();
  const dialog = page.getByRole('dialog', { name: 'In den Papierkorb' });
  await expect(dialog).toHaveAccessibleDescription(
    'Maßnahme HF2-01 „Videobeobachtung Brückstraße“ in den Papierkorb legen? Sie kann dort wiederhergestellt werden.',
  );
  await dialog.getByRole('button', { name: 'In den Papierkorb' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Maßnahmen' })).toBeVisible();
  // The list keeps its search (issue 15): the deleted measure has left the filtered list.
  await expect(measureCount(page)).toHaveText(/^\d+ von 35 Maßnahmen$/);
  await expect(page.getByRole('link', { name: 'Videobeobachtung Brückstraße' })).toHaveCount(0);
  let stored = (await readStore(storePath)).measures.find((m) => m.number === 'HF2-01')!;
  expect(stored.deletedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);

  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('button', { name: 'Papierkorb' }).click();
  const trash = page.getByRole('table', { name: 'Papierkorb' });
  await expect(trash.getByRole('row')).toHaveCount(2);
  await expect(trash.getByRole('row').nth(1)).toContainText('Videobeobachtung Brückstraße');
  await trash.getByRole('button', { name: 'Maßnahme HF2-01 wiederherstellen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Maßnahme HF2-01 wurde wiederhergestellt.' })).toBeVisible();
  await expect(page.getByText('Der Papierkorb ist leer.')).toBeVisible();
  stored = (await readStore(storePath)).measures.find((m) => m.number === 'HF2-01')!;
  expect(stored.deletedAt).toBeNull();

  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('button', { name: 'Maßnahmen' }).click();
  await expect(page.getByRole('searchbox', { name: 'Suche' })).toHaveValue('Videobeobachtung Brückstraße');
  await expect(measureCount(page)).toHaveText(/^\d+ von 36 Maßnahmen$/);
  await expect(page.getByRole('link', { name: 'Videobeobachtung Brückstraße' })).toBeVisible();
});

test('Nur mit der Tastatur: Maßnahme suchen, öffnen, Verlauf, löschen, im Papierkorb wiederherstellen', async ({
  page,
  harness,
  storePath,
}) => {
  // The app starts on the Übersicht: skip link first, then the navigation's entry "Maßnahmen", then into the content.
  await page.goto(harness.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Zum Inhalt springen' })).toBeFocused();
  await tabTo(page, page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('button', { name: 'Maßnahmen', exact: true }), {
    max: 3,
  });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Maßnahmen' })).toBeVisible();
  await tabTo(page, page.getByRole('searchbox', { name: 'Suche' }));
  await page.keyboard.type('Münsterstraße');
  await expect(measureCount(page)).toHaveText(/^\d+ von 36 Maßnahmen$/);
  const link = page.getByRole('link', { name: 'Videobeobachtung Münsterstraße' });
  await tabTo(page, link);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'HF2-02 Videobeobachtung Münsterstraße' })).toBeVisible();

  // The focus is not dropped to the document: it lands in the content, and Tab continues inside the measure.
  await expect(page.getByRole('main')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Zurück zur Liste' })).toBeFocused();
  // The tabs are one Tab stop (ARIA tab pattern): the selected tab, then the arrow keys.
  await tabTo(page, page.getByRole('tab', { name: 'Angaben' }), { max: 10 });
  await page.keyboard.press('End');
  await expect(page.getByRole('tab', { name: 'Verlauf' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Verlauf' })).toHaveAttribute('aria-selected', 'true');
  await expect(
    page
      .getByRole('table', { name: 'Änderungen an dieser Maßnahme, neueste zuerst' })
      .or(page.getByText('Noch keine Änderungen aufgezeichnet.')),
  ).toBeVisible();

  await tabTo(page, page.getByRole('button', { name: 'In den Papierkorb …' }), { backwards: true, max: 8 });
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'In den Papierkorb' });
  await expect(dialog.getByRole('button', { name: 'Abbrechen' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'In den Papierkorb' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(measureCount(page)).toHaveText(/^\d+ von 35 Maßnahmen$/);
  await expect(page.getByRole('main')).toBeFocused();

  // To the Papierkorb through the navigation, by keyboard only.
  await tabTo(page, page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('button', { name: 'Papierkorb' }), {
    backwards: true,
  });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Papierkorb' })).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: 'Maßnahme HF2-02 wiederherstellen' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('Der Papierkorb ist leer.')).toBeVisible();
  expect((await readStore(storePath)).measures.find((m) => m.number === 'HF2-02')!.deletedAt).toBeNull();
});

test('Wiederherstellen wird abgelehnt, wenn die Nummer inzwischen neu vergeben ist', async ({ page, harness, storePath }) => {
  await openApp(page, harness);
  await openMeasure(page, 'Videobeobachtung Münsterstraße');
  await page.getByRole('button', { name: 'In den Papierkorb …' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'In den Papierkorb' }).click();
  await expect(measureCount(page)).toHaveText(/^\d+ von 35 Maßnahmen$/);

  await page.getByRole('button', { name: 'Neue Maßnahme' }).click();
  await page.getByRole('textbox', { name: 'Nummer' }).fill('HF2-02');
  await page.getByRole('textbox', { name: 'Titel', exact: true }).fill('Neue Maßnahme mit alter Nummer');
  await saveButton(page).click();
  await expect(page.getByRole('heading', { level: 1, name: 'HF2-02 Neue Maßnahme mit alter Nummer' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('button', { name: 'Papierkorb' }).click();
  const before = await fs.readFile(storePath);
  await page.getByRole('button', { name: 'Maßnahme HF2-02 wiederherstellen' }).click();
  await expect(page.getByRole('alert')).toHaveText('Fehler: Die Nummer HF2-02 ist bereits vergeben.');
  await expect(page.getByRole('table', { name: 'Papierkorb' }).getByRole('row')).toHaveCount(2);
  expect((await fs.readFile(storePath)).equals(before)).toBe(true);
});

test('Inzwischen geänderte Maßnahme: Speichern wird abgelehnt, die Eingaben bleiben im Formular', async ({ page, harness, storePath }) => {
  await openApp(page, harness);
  await openMeasure(page, 'Frauen-Nachttaxi');
  await page.getByRole('button', { name: 'Bearbeiten' }).click();
  await page.getByRole('textbox', { name: 'Quartier (optional)' }).fill('Innenstadt');

  // Meanwhile the same measure is changed elsewhere (same session, other view).
  const id = (await readStore(storePath)).measures.find((m) => m.number === 'HF2-09')!.id;
  const changed = await page.evaluate(async (measureId) => {
    const api = (globalThis as unknown as { masterplan: Record<string, (r: unknown) => Promise<{ ok: boolean; value?: unknown }>> })
      .masterplan;
    const current = (await api.getMeasure!({ id: measureId })).value as Record<string, unknown>;
    const { id: _id, version, createdAt: _c, updatedAt: _u, deletedAt: _d, ...fields } = current;
    return api.updateMeasure!({ id: measureId, version, fields: { ...fields, title: 'Frauen-Nachttaxi (geändert)' } });
  }, id);
  expect(changed.ok).toBe(true);
  const before = await fs.readFile(storePath);

  await saveButton(page).click();
  await expect(page.getByRole('alert')).toContainText('Der Eintrag wurde inzwischen geändert.');
  await expect(page.getByRole('textbox', { name: 'Quartier (optional)' })).toHaveValue('Innenstadt');
  await expect(page.getByRole('heading', { level: 1, name: 'Maßnahme HF2-09 bearbeiten' })).toBeVisible();
  expect((await fs.readFile(storePath)).equals(before)).toBe(true);
});
