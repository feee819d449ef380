import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import XLSX from 'xlsx';
import { startHarness } from '../harness/server';
import { accessibilityViolations, closeHarness, expect, openApp, test } from './fixtures';
import { escapeRegExp, readSample, tabTo, nav } from './helpers';

/** Evaluation end to end: Kennzahlen with chart and editor, rounds and assessments, dashboard, import. */

interface StoredIndicator {
  id: string;
  measureId: string;
  name: string;
  baselineValue: number | null;
  targetValue: number | null;
  direction: string;
  deletedAt: string | null;
  values: { year: number; period: string; value: number; note: string }[];
  version: number;
}
interface StoredEvaluation {
  measures: { id: string; number: string; status: string; actionFieldId: string; deletedAt: string | null }[];
  actionFields: { id: string; code: string; name: string; editionId: string }[];
  currentEditionId: string;
  statuses: { key: string; label: string }[];
  indicators: StoredIndicator[];
  evaluationRounds: { id: string; name: string; actionFieldIds: string[]; cutOffDate: string | null; closed: boolean }[];
  assessments: { roundId: string; measureId: string; rating: string; reasoning: string; recommendation: string | null }[];
  imports: { id: string; kind: string; fileName: string; undoneAt: string | null }[];
}

async function stored(storePath: string): Promise<StoredEvaluation> {
  return JSON.parse(await fs.readFile(storePath, 'utf8')) as StoredEvaluation;
}
async function sample(): Promise<StoredEvaluation> {
  return (await readSample()) as unknown as StoredEvaluation;
}

/** The value of one of the two figures shown above a measure's tabs. */
function figure(page: Page, term: string): Locator {
  return page
    .getByRole('region', { name: 'Umsetzung und Wirkung' })
    .getByRole('term')
    .filter({ hasText: new RegExp(`^${escapeRegExp(term)}$`) })
    .locator('xpath=following-sibling::dd[1]');
}

async function openEvaluation(page: Page, tab: 'Übersicht' | 'Runden und Bewertung' | 'Import'): Promise<void> {
  await nav(page, 'Evaluation').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Evaluation' })).toBeVisible();
  await page.getByRole('tab', { name: tab }).click();
  await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
}

const SURVEY = 'Anteil der Befragten, die sich im Brückstraßenviertel abends sicher fühlen';

/**
 * Opens a measure of the current edition from the dashboard's table of measures with assessable
 * Kennzahlen (the register list may hold a measure of the same title in another Fassung).
 */
async function openMeasureWithIndicators(page: Page, title: string): Promise<void> {
  await openEvaluation(page, 'Übersicht');
  await page.getByRole('table', { name: 'Maßnahmen im Diagramm' }).getByRole('link', { name: title, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`${escapeRegExp(title)}$`) })).toBeVisible();
}

test('Maßnahme mit Kennzahlen: Umsetzungsgrad mit Quelle, Zielerreichungsgrad mit Wort, Diagramm mit Tabelle als Textalternative', async ({
  page,
  harness,
}) => {
  await openApp(page, harness);
  await openMeasureWithIndicators(page, 'Videobeobachtung Brückstraße');
  // Both figures, each with its word (source of the Umsetzungsgrad, verbal scale of the Zielerreichung).
  await expect(figure(page, 'Umsetzungsgrad')).toHaveText(/^\d{1,3} % \(aus (dem Status|Meilensteinen|Teilmaßnahmen)\)$/);
  // 81 against 142 → 100 (lower is better): 145 %; 46 against 38 → 55: 47 %; mean 96 %.
  await expect(figure(page, 'Zielerreichungsgrad')).toHaveText('überwiegend erreicht (96 %) – aus 2 Kennzahlen');

  await page.getByRole('tab', { name: 'Kennzahlen (2)' }).click();
  const card = page.getByRole('region', { name: SURVEY });
  await expect(card.getByRole('definition').filter({ hasText: 'teilweise erreicht (47 %)' })).toBeVisible();
  // The chart is an image with a spoken summary …
  const chart = card.getByRole('img', { name: new RegExp(`^Verlauf der Kennzahl „${escapeRegExp(SURVEY)}“`) });
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAttribute(
    'aria-label',
    /Ausgangswert 38 % \(2018\)\. Zielwert 55 % \(2024\)\. 4 Istwerte von 2020 bis 2023, zuletzt 46 % \(2023\)\./,
  );
  // … and its table one click away, with the same numbers as text.
  await card.getByText('Werte als Tabelle anzeigen').click();
  const table = card.getByRole('table', { name: `Werte der Kennzahl „${SURVEY}“` });
  await expect(table).toBeVisible();
  const rows = table.getByRole('row');
  await expect(rows).toHaveCount(1 + 1 + 4 + 1);
  await expect(rows.nth(1)).toHaveText(/2018\s*Ausgangswert\s*38 %/);
  await expect(rows.nth(5)).toHaveText(/2023\s*Istwert\s*46 %/);
  await expect(rows.nth(6)).toHaveText(/2024\s*Zielwert\s*55 %/);
  expect(await accessibilityViolations(page)).toEqual([]);
});

test('Kennzahl bearbeiten: Wert hinzufügen, deutsche Zahl prüfen, speichern – Zielerreichungsgrad neu, Wert in der Datei', async ({
  page,
  harness,
  storePath,
}) => {
  await openApp(page, harness);
  await openMeasureWithIndicators(page, 'Videobeobachtung Brückstraße');
  await page.getByRole('tab', { name: /^Kennzahlen/ }).click();
  await page.getByRole('button', { name: `Kennzahl „${SURVEY}“ bearbeiten` }).click();
  const form = page.getByRole('form', { name: `Kennzahl: ${SURVEY}` });
  await expect(form).toBeVisible();
  await expect(form.getByRole('textbox', { name: 'Ausgangswert' })).toHaveValue('38');
  expect(await accessibilityViolations(page)).toEqual([]);

  await form.getByRole('button', { name: 'Wert hinzufügen' }).click();
  // The new row suggests the year after the latest value, and the focus is in its value.
  await expect(form.getByRole('textbox', { name: 'Jahr, Zeile 5' })).toHaveValue('2024');
  const value = form.getByRole('textbox', { name: 'Wert, Zeile 5' });
  await expect(value).toBeFocused();
  await page.keyboard.type('5,6,1');
  await form.getByRole('button', { name: 'Kennzahl speichern' }).first().click();
  const summary = page.getByRole('alert').filter({ hasText: 'Die Kennzahl wurde nicht gespeichert' });
  await expect(summary).toContainText('Wert (Zeile 5): Bitte eine Zahl wie 1.234,5 eingeben.');
  await expect(value).toHaveAttribute('aria-invalid', 'true');
  await expect(value).toHaveAccessibleDescription(/Bitte eine Zahl wie 1\.234,5 eingeben/);
  expect((await stored(storePath)).indicators.find((i) => i.name === SURVEY)!.values).toHaveLength(4);

  await value.fill('56');
  await form.getByRole('textbox', { name: 'Bemerkung, Zeile 5' }).fill('Befragung 2024');
  // The result follows the input before it is saved: (56 − 38) / (55 − 38) = 106 %.
  const result = page.getByRole('region', { name: 'Zielerreichung und Verlauf' });
  await expect(result).toContainText('übererfüllt (106 %)');
  await page.keyboard.press('Control+s');
  await expect(page.getByRole('status').filter({ hasText: /Kennzahl „.*“ gespeichert\./ })).toBeVisible();
  await expect(page.getByRole('contentinfo').locator('.save-state')).toHaveText(/^Gespeichert um \d{2}:\d{2}$/);

  const indicator = (await stored(storePath)).indicators.find((i) => i.name === SURVEY)!;
  expect(indicator.values).toContainEqual({ year: 2024, period: '', value: 56, note: 'Befragung 2024' });
  expect(indicator.version).toBe(2);

  await form.getByRole('button', { name: 'Zurück zur Maßnahme' }).first().click();
  // Mean of 145 % and 106 %.
  await expect(figure(page, 'Zielerreichungsgrad')).toHaveText('übererfüllt (126 %) – aus 2 Kennzahlen');
  await expect(page.getByRole('region', { name: SURVEY }).getByRole('definition').filter({ hasText: 'übererfüllt (106 %)' })).toBeVisible();
});

test('Kennzahl anlegen und wieder löschen: Pflichtfeld, Rückfrage, danach zählt sie nicht mehr', async ({ page, harness, storePath }) => {
  await openApp(page, harness);
  await openMeasureWithIndicators(page, 'Videobeobachtung Brückstraße');
  await page.getByRole('tab', { name: 'Kennzahlen (2)' }).click();
  await page.getByRole('button', { name: 'Neue Kennzahl' }).click();
  const form = page.getByRole('form', { name: /^Neue Kennzahl für / });
  await expect(form.getByText('Für ein Diagramm fehlen noch Werte.')).toBeVisible();
  await form.getByRole('textbox', { name: 'Ausgangswert' }).fill('12');
  await form.getByRole('textbox', { name: 'Zielwert' }).fill('12');
  await form.getByRole('button', { name: 'Kennzahl speichern' }).first().click();
  const summary = page.getByRole('alert').filter({ hasText: 'Die Kennzahl wurde nicht gespeichert' });
  await expect(summary).toContainText('Name der Kennzahl: Bitte einen Namen eingeben.');
  await expect(summary).toContainText('Zielwert: Zielwert und Ausgangswert sind gleich');
  // The summary's link moves the focus to the field.
  await summary.getByRole('link', { name: /^Name der Kennzahl/ }).click();
  await expect(form.getByRole('textbox', { name: 'Name der Kennzahl' })).toBeFocused();
  await page.keyboard.type('Beschwerden über Lärm');
  await form.getByRole('textbox', { name: 'Zielwert' }).fill('6');
  await form.getByRole('radio', { name: 'niedriger ist besser' }).check();
  await form.getByRole('button', { name: 'Kennzahl speichern' }).first().click();
  await expect(page.getByRole('status').filter({ hasText: /Kennzahl „.*“ gespeichert\./ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Kennzahl: Beschwerden über Lärm' })).toBeVisible();
  const created = (await stored(storePath)).indicators.find((i) => i.name === 'Beschwerden über Lärm')!;
  expect(created).toMatchObject({ baselineValue: 12, targetValue: 6, direction: 'lower', values: [] });

  await page.getByRole('button', { name: 'Kennzahl löschen …' }).click();
  const dialog = page.getByRole('dialog', { name: 'Kennzahl löschen' });
  await expect(dialog).toContainText('„Beschwerden über Lärm“');
  await dialog.getByRole('button', { name: 'Kennzahl löschen' }).click();
  await expect(page.getByRole('tab', { name: 'Kennzahlen (2)' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('region', { name: 'Beschwerden über Lärm' })).toHaveCount(0);
  expect((await stored(storePath)).indicators.find((i) => i.id === created.id)).toMatchObject({ deletedAt: expect.any(String) });
});

test('Neue Runde anlegen, eine Maßnahme mit der Tastatur bewerten: der Fortschritt steigt, die Bewertung steht in der Datei', async ({
  page,
  harness,
  storePath,
}) => {
  const doc = await sample();
  const hf2 = doc.actionFields.find((f) => f.code === 'HF2' && f.editionId === doc.currentEditionId)!;
  const inScope = doc.measures.filter((m) => !m.deletedAt && m.actionFieldId === hf2.id).length;
  await openApp(page, harness);
  await openEvaluation(page, 'Runden und Bewertung');

  await page.getByRole('button', { name: 'Neue Runde' }).click();
  const roundForm = page.getByRole('form', { name: 'Neue Evaluationsrunde' });
  await expect(roundForm.getByRole('textbox', { name: 'Name' })).toBeFocused();
  await page.keyboard.type('Zwischenbilanz 2026');
  await roundForm.getByRole('textbox', { name: 'Datum des Berichts' }).fill('15.03.2026');
  await roundForm.getByRole('textbox', { name: 'Stichtag der Daten' }).fill('31.12.2025');
  await roundForm
    .getByRole('group', { name: 'Umfang: Handlungsfelder' })
    .getByRole('checkbox', { name: `HF2 ${hf2.name}` })
    .check();
  await roundForm.getByRole('button', { name: 'Runde speichern' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Die Runde „Zwischenbilanz 2026“ wurde gespeichert.' })).toBeVisible();
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'Zwischenbilanz 2026' }) });
  await expect(row).toContainText(`0 von ${inScope} bewertet`);
  const round = (await stored(storePath)).evaluationRounds.find((r) => r.name === 'Zwischenbilanz 2026')!;
  expect(round).toMatchObject({ actionFieldIds: [hf2.id], cutOffDate: '2025-12-31', closed: false });

  await row.getByRole('button', { name: 'Runde „Zwischenbilanz 2026“ bewerten' }).click();
  await expect(page.getByRole('heading', { name: 'Bewertung: Zwischenbilanz 2026' })).toBeVisible();
  const progress = page.getByRole('status').filter({ hasText: /von \d+ bewertet/ });
  await expect(progress).toHaveText(`0 von ${inScope} bewertet (0 %)`);
  await page.getByRole('combobox', { name: 'Anzeigen' }).selectOption({ label: 'noch zu bewerten' });
  await expect(page.getByRole('status').filter({ hasText: /Maßnahmen$/ })).toHaveText(`${inScope} Maßnahmen`);
  expect(await accessibilityViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Maßnahme HF2-01 bewerten' }).click();
  const form = page.getByRole('form', { name: /^Bewertung der Maßnahme HF2-01/ });
  await expect(form).toBeVisible();
  await expect(form.getByRole('heading', { level: 3 })).toBeFocused();
  // Both figures at the round's cut-off are shown for reference, each with its word.
  await expect(
    form
      .getByRole('definition')
      .filter({ hasText: /erreicht|nicht bewertbar/ })
      .first(),
  ).toBeVisible();
  // Saving without a rating says what is missing.
  await form.getByRole('button', { name: 'Bewertung speichern' }).click();
  await expect(form.getByRole('alert')).toContainText('Bewertung (Ampel): Bitte eine Bewertung wählen.');
  expect(await accessibilityViolations(page)).toEqual([]);

  // Keyboard only: the radio group, the reasoning, the recommendation, Strg+S.
  const ratings = form.getByRole('group', { name: 'Bewertung (Ampel)' });
  await tabTo(page, ratings.getByRole('radio', { name: 'grün – erfolgreich' }));
  await page.keyboard.press('Space');
  await expect(ratings.getByRole('radio', { name: 'grün – erfolgreich' })).toBeChecked();
  await tabTo(page, form.getByRole('textbox', { name: 'Begründung' }));
  await page.keyboard.type('Deutlich weniger Gewaltdelikte im Beobachtungsbereich; die Begleitstudie bestätigt den Trend.');
  // "noch keine" is checked, so Tab lands there; the arrow keys move to the others.
  await tabTo(page, form.getByRole('group', { name: 'Empfehlung' }).getByRole('radio', { name: 'noch keine' }));
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(form.getByRole('radio', { name: 'verstetigen' })).toBeChecked();
  await page.keyboard.press('Control+s');

  await expect(page.getByRole('status').filter({ hasText: 'Die Bewertung von Maßnahme HF2-01 wurde gespeichert.' })).toBeVisible();
  await expect(progress).toHaveText(`1 von ${inScope} bewertet (${Math.round(100 / inScope)} %)`);
  // The filter "noch zu bewerten" no longer lists HF2-01's row, it is still selected in the form.
  await expect(page.getByRole('button', { name: 'Maßnahme HF2-01 bewerten' })).toHaveCount(0);
  await page.getByRole('combobox', { name: 'Anzeigen' }).selectOption({ label: 'bereits bewertet' });
  await expect(page.getByRole('row').filter({ hasText: 'HF2-01' })).toContainText('grün – erfolgreich');

  const assessments = (await stored(storePath)).assessments.filter((a) => a.roundId === round.id);
  expect(assessments).toEqual([
    expect.objectContaining({ rating: 'gruen', recommendation: 'verstetigen', reasoning: expect.stringContaining('Begleitstudie') }),
  ]);

  await page.getByRole('button', { name: 'Zurück zu den Runden' }).click();
  await expect(page.getByRole('row').filter({ has: page.getByRole('link', { name: 'Zwischenbilanz 2026' }) })).toContainText(
    `1 von ${inScope} bewertet`,
  );
});

test('Dashboard: Zählungen wie im Beispielregister, Diagramme mit Text, mit Runde auch die Ampeln; axe ohne Verstöße', async ({
  page,
  harness,
}) => {
  const doc = await sample();
  const current = new Map(doc.actionFields.filter((f) => f.editionId === doc.currentEditionId).map((f) => [f.id, f]));
  const measures = doc.measures.filter((m) => !m.deletedAt && current.has(m.actionFieldId));
  await openApp(page, harness);
  await openEvaluation(page, 'Übersicht');

  const keyFigures = page.getByRole('region', { name: 'Kennzahlen' });
  await expect(
    keyFigures
      .getByRole('term')
      .filter({ hasText: /^Maßnahmen$/ })
      .locator('xpath=following-sibling::dd[1]'),
  ).toHaveText(String(measures.length));

  const byStatus = page.getByRole('table', { name: 'Maßnahmen nach Status' });
  await expect(byStatus).toBeVisible();
  const statuses = new Map<string, number>();
  for (const m of measures) statuses.set(m.status, (statuses.get(m.status) ?? 0) + 1);
  for (const [key, count] of statuses) {
    const label = doc.statuses.find((s) => s.key === key)!.label;
    const cells = byStatus
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: label, exact: true }) })
      .getByRole('cell');
    await expect(cells.first()).toHaveText(String(count));
  }
  await expect(byStatus.getByRole('row').last()).toHaveText(new RegExp(`^Summe\\s*${measures.length}\\s*100 %$`));

  const byField = page.getByRole('table', { name: 'Maßnahmen nach Handlungsfeld' });
  for (const field of current.values()) {
    const count = measures.filter((m) => m.actionFieldId === field.id).length;
    await expect(
      byField
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: `${field.code} ${field.name}` }) })
        .getByRole('cell')
        .first(),
    ).toHaveText(String(count));
  }
  // Every chart is an image with a summary in words, next to its table.
  await expect(page.getByRole('img', { name: /^Maßnahmen nach Status: / })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Maßnahmen nach Handlungsfeld: HF1 / })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Budget je Handlungsfeld: .* geplant [\d.]+ €, ausgegeben [\d.]+ €/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Streudiagramm mit \d+ Maßnahmen/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Maßnahmen im Diagramm' }).getByRole('row').filter({ hasText: 'HF2-01' })).toContainText(
    'überwiegend erreicht (96 %)',
  );
  await expect(page.getByRole('table', { name: 'Budget je Handlungsfeld: geplant und ausgegeben' }).getByRole('row').last()).toHaveText(
    /^Summe\s*[\d.]+,\d\d\s€/,
  );
  expect(await accessibilityViolations(page)).toEqual([]);

  // With the sample round: its ratings, each as word and light, and "noch nicht bewertet".
  const round = doc.evaluationRounds[0]!;
  await page.getByRole('combobox', { name: 'Evaluationsrunde' }).selectOption(round.id);
  await expect(page.getByRole('combobox', { name: 'Evaluationsrunde' }).locator('option:checked')).toHaveText(
    new RegExp(`^${escapeRegExp(round.name)}`),
  );
  const ratings = page.getByRole('table', { name: 'Bewertungen der Runde' });
  await expect(ratings).toBeVisible();
  const count = (rating: string) => doc.assessments.filter((a) => a.roundId === round.id && a.rating === rating).length;
  for (const [rating, word] of [
    ['gruen', 'grün – erfolgreich'],
    ['gelb', 'gelb – teilweise erfolgreich'],
    ['rot', 'rot – nicht erfolgreich'],
    ['grau', 'grau – nicht bewertbar'],
  ] as const) {
    await expect(ratings.getByRole('row').filter({ hasText: word }).getByRole('cell').last()).toHaveText(String(count(rating)));
  }
  const assessed = doc.assessments.filter((a) => a.roundId === round.id).length;
  await expect(ratings.getByRole('row').filter({ hasText: 'noch nicht bewertet' }).getByRole('cell').last()).toHaveText(
    String(measures.length - assessed),
  );
  await expect(
    keyFigures
      .getByRole('term')
      .filter({ hasText: /^bewertet$/ })
      .locator('xpath=following-sibling::dd[1]'),
  ).toHaveText(`${assessed} von ${measures.length}`);
  expect(await accessibilityViolations(page)).toEqual([]);
});

/** A harness whose file dialog for imports answers with a workbook in the test folder. */
const testWithImportFile = test.extend<{ importFile: string }>({
  importFile: async ({ dir }, use) => {
    await use(path.join(dir, 'Kennzahlen 2025.xlsx'));
  },
  harness: async ({ dir, storePath, importFile }, use) => {
    const harness = await startHarness({ storePath, settingsDir: path.join(dir, 'einstellungen'), pickImportFile: () => importFile });
    await use(harness);
    await closeHarness(harness);
  },
});

const NEIGHBOURS = 'Teilnehmende Nachbarschaftsinitiativen';
const PATROL = 'Präsenzstunden des Kommunalen Ordnungsdienstes in der Innenstadt';
const TUNNELS = 'Beleuchtete Unterführungen (neu oder saniert)';

/** A workbook with a notes sheet first and the values on the second sheet; the value column has an unknown header. */
function writeWorkbook(file: string, tunnels: string | number): void {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(
    book,
    XLSX.utils.aoa_to_sheet([['Zulieferung der Ämter für den Evaluationsbericht'], ['Bitte nur das Blatt „Werte“ ausfüllen.']]),
    'Hinweise',
  );
  XLSX.utils.book_append_sheet(
    book,
    XLSX.utils.aoa_to_sheet([
      ['Maßnahme', 'Kennzahl', 'Jahr', 'Messung', 'Bemerkung'],
      ['HF1-01', NEIGHBOURS, 2025, 41, 'Zählung der Quartiersbüros'],
      ['HF2-03', PATROL, 2025, '6.400', ''],
      ['HF3-01', TUNNELS, 2025, tunnels, ''],
    ]),
    'Werte',
  );
  XLSX.writeFile(book, file);
}

/** Chooses the file, the sheet "Werte", the kind and maps the value column by hand. */
async function prepareImport(page: Page, button: string): Promise<void> {
  await page.getByRole('button', { name: button }).click();
  await expect(page.getByRole('heading', { name: /^Gewählte Datei: Kennzahlen 2025\.xlsx – Excel \(\.xlsx\)/ })).toBeFocused();
  await page.getByRole('combobox', { name: 'Tabellenblatt' }).selectOption('Werte');
  await page.getByRole('radio', { name: 'Kennzahlenwerte' }).check();
  // Recognised from the German headers …
  await expect(page.getByRole('combobox', { name: 'Jahr (Pflichtfeld)' })).toHaveValue('2');
  await expect(page.getByRole('combobox', { name: 'Maßnahme (Nummer) (Pflichtfeld)' })).toHaveValue('0');
  // … but "Messung" is not, so the import is refused until the column is chosen.
  await expect(page.getByRole('alert').filter({ hasText: 'Die Pflichtspalte „Wert“ ist keiner Spalte zugeordnet.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Importieren' })).toBeDisabled();
  await page.getByRole('combobox', { name: 'Wert (Pflichtfeld)' }).selectOption({ label: 'D: Messung' });
}

testWithImportFile(
  'Import von Kennzahlenwerten aus Excel: Zuordnung, Vorschau mit Zeilenfehler, alles oder nichts, Import, Rückgängig',
  async ({ page, harness, storePath, importFile }) => {
    writeWorkbook(importFile, 'zwanzig');
    const before = await stored(storePath).catch(async () => sample());
    const valuesOf = (doc: StoredEvaluation, name: string) => doc.indicators.find((i) => i.name === name)!.values;
    await openApp(page, harness);
    await openEvaluation(page, 'Import');
    await expect(page.getByText('Noch keine Importe.')).toBeVisible();
    expect(await accessibilityViolations(page)).toEqual([]);

    await prepareImport(page, 'Datei wählen …');
    await expect(page.getByText('3 Zeilen: 2 ohne Fehler, 1 mit Fehler.')).toBeVisible();
    const preview = page.getByRole('table', { name: 'Vorschau der Zeilen' });
    await expect(preview.getByRole('row').filter({ hasText: /^4/ })).toContainText('Fehler');
    await expect(preview.getByRole('row').filter({ hasText: /^4/ })).toContainText(
      'Zeile 4, Spalte „Messung“: Bitte eine Zahl eingeben (z. B. 1.234,5).',
    );
    await expect(preview.getByRole('row').filter({ hasText: /^2/ })).toContainText(`HF1-01 · ${NEIGHBOURS} · 2025: neu 41`);
    await expect(page.getByRole('button', { name: 'Importieren' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Importieren' })).toHaveAccessibleDescription(
      /erst möglich, wenn keine Zeile einen Fehler hat/,
    );
    await page.getByRole('checkbox', { name: 'nur Zeilen mit Fehlern zeigen' }).check();
    await expect(preview.getByRole('row')).toHaveCount(2);
    expect(await accessibilityViolations(page)).toEqual([]);
    // The dry run wrote nothing.
    expect(valuesOf(await stored(storePath), TUNNELS)).toEqual(valuesOf(before, TUNNELS));

    // The office corrects the file; it is chosen again.
    writeWorkbook(importFile, 20);
    await prepareImport(page, 'Andere Datei wählen …');
    await expect(page.getByText('3 Zeilen: 3 ohne Fehler, 0 mit Fehlern.')).toBeVisible();
    await expect(page.getByText('Werte: 3 neu, 0 ersetzt, 0 unverändert.')).toBeVisible();
    await page.getByRole('button', { name: 'Importieren' }).click();
    await expect(
      page
        .getByRole('status')
        .filter({ hasText: 'Import abgeschlossen: 3 Zeilen (Kennzahlenwerte) aus „Kennzahlen 2025.xlsx“ übernommen.' }),
    ).toBeVisible();

    const imported = await stored(storePath);
    expect(valuesOf(imported, NEIGHBOURS)).toContainEqual({ year: 2025, period: '', value: 41, note: 'Zählung der Quartiersbüros' });
    expect(valuesOf(imported, PATROL)).toContainEqual(expect.objectContaining({ year: 2025, value: 6400 }));
    expect(valuesOf(imported, TUNNELS)).toContainEqual(expect.objectContaining({ year: 2025, value: 20 }));
    const list = page.getByRole('table', { name: 'Importe, neueste zuerst' });
    await expect(list.getByRole('row').nth(1)).toContainText('Kennzahlenwerte');
    await expect(list.getByRole('row').nth(1)).toContainText('übernommen');

    // Undo, after a confirmation.
    await list.getByRole('button', { name: /^Import aus „Kennzahlen 2025\.xlsx“ vom .* rückgängig machen$/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Import rückgängig machen' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Rückgängig machen' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Der Import aus „Kennzahlen 2025.xlsx“ wurde rückgängig gemacht.' }),
    ).toBeVisible();
    await expect(list.getByRole('row').nth(1)).toContainText(/rückgängig gemacht am \d{2}\.\d{2}\.\d{4}/);
    const undone = await stored(storePath);
    expect(valuesOf(undone, NEIGHBOURS)).toEqual(valuesOf(before, NEIGHBOURS));
    expect(valuesOf(undone, TUNNELS)).toEqual(valuesOf(before, TUNNELS));
    expect(undone.imports).toEqual([
      expect.objectContaining({ kind: 'values', fileName: 'Kennzahlen 2025.xlsx', undoneAt: expect.any(String) }),
    ]);
  },
);

test('Export aus der Übersicht: Excel-Tabellen und Evaluationsbericht der gewählten Runde landen als Dateien', async ({
  page,
  harness,
  dir,
}) => {
  await openApp(page, harness);
  await openEvaluation(page, 'Übersicht');
  const round = await page.locator('#dashboard-round option').filter({ hasText: 'Evaluationsbericht 2024' }).getAttribute('value');
  await page.locator('#dashboard-round').selectOption(round!);
  const exportPanel = page.getByRole('region', { name: 'Exportieren' });
  await exportPanel.getByRole('checkbox', { name: 'Nach dem Export öffnen' }).uncheck();
  await exportPanel.getByRole('button', { name: 'Excel-Tabellen exportieren …' }).click();
  await expect(
    exportPanel.getByRole('status').filter({ hasText: /Gespeichert unter .*Evaluationstabellen_Evaluationsbericht_2024\.xlsx/ }),
  ).toBeVisible();
  const workbook = XLSX.read(await fs.readFile(path.join(dir, 'Evaluationstabellen_Evaluationsbericht_2024.xlsx')));
  expect(workbook.SheetNames).toContain('Maßnahmen');
  await exportPanel.getByRole('button', { name: 'Evaluationsbericht (Word) exportieren …' }).click();
  await expect(exportPanel.getByRole('status').filter({ hasText: /Evaluationsbericht_2024\.docx/ })).toBeVisible();
  expect((await fs.readFile(path.join(dir, 'Evaluationsbericht_2024.docx'))).subarray(0, 2).toString()).toBe('PK');
  expect(harness.opened).toEqual([]);
  expect(await accessibilityViolations(page)).toEqual([]);
});
