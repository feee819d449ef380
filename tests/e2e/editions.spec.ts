import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import XLSX from 'xlsx';
import { accessibilityViolations, expect, openApp, test } from './fixtures';
import { measureCount, openMeasure, readStore, nav } from './helpers';

/**
 * Fassungen and Fortschreibung end to end: the two Fassungen of the sample, a small Fortschreibung of
 * Masterplan 2.0 (rename, new Handlungsfeld, a measure moved, one ended – first without reason), saved
 * and resumed, checked (problem links lead to the field), applied; the comparison in the app and as Excel
 * and Word files; the register filtered by Fassung; a measure's line from 2019 to the new Fassung; the
 * council decision making 2.0 "beschlossen" and 2019 "abgelöst"; axe on each screen of the wizard.
 */

const V20 = 'Masterplan Kommunale Sicherheit 2.0';
const V2019 = 'Masterplan Kommunale Sicherheit 2019';

async function expectNoViolations(page: Page, where: string) {
  expect(await accessibilityViolations(page), where).toEqual([]);
}

interface StoredEditions {
  editions: { id: string; name: string; state: string }[];
  currentEditionId: string;
  fortschreibungDrafts: { id: string; edition: { name: string } }[];
  fortschreibungen: {
    fromEditionId: string;
    toEditionId: string;
    links: unknown[];
    endedMeasures: { measureId: string; reason: string }[];
  }[];
}

async function stored(storePath: string): Promise<StoredEditions> {
  return JSON.parse(await fs.readFile(storePath, 'utf8')) as StoredEditions;
}

test('Fassungen: Übersicht, kleine Fortschreibung mit Zwischenspeichern, Prüfen, Anwenden, Vergleich und Export', async ({
  page,
  harness,
  storePath,
  dir,
}) => {
  await openApp(page, harness);
  const before = await readStore(storePath);
  const old20 = JSON.stringify(before.measures.filter((m) => m.id.startsWith('m-hf')));

  await nav(page, 'Fassungen').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Fassungen des Masterplans' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Fassungen', exact: true });
  await expect(table.getByRole('row')).toHaveCount(3);
  const row20 = table.getByRole('row', { name: new RegExp(`^${V20.replace(/[().]/g, '\\$&')}`) });
  await expect(row20).toContainText('aktuelle Fassung');
  await expect(row20).toContainText('36');
  await expect(table.getByRole('row', { name: new RegExp(`^${V2019}`) })).toContainText('beschlossen');
  await expectNoViolations(page, 'Fassungen');

  // 1 Fassung anlegen
  await page.getByRole('button', { name: `Fortschreibung beginnen (${V20})` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Fortschreibung: Fortschreibung von ${V20}` })).toBeVisible();
  const steps = page.getByRole('navigation', { name: 'Schritte der Fortschreibung' });
  await expect(steps.getByRole('button', { name: 'Schritt 1: Fassung anlegen' })).toHaveAttribute('aria-current', 'step');
  await page.getByRole('textbox', { name: 'Name der neuen Fassung' }).fill('Masterplan 3.0');
  await expectNoViolations(page, 'Schritt 1');

  // 2 Handlungsfelder: rename HF3, add HF4, split HF2 into HF2 and HF4.
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(steps.getByRole('button', { name: 'Schritt 2: Handlungsfelder' })).toHaveAttribute('aria-current', 'step');
  await page.getByRole('textbox', { name: 'Name von Handlungsfeld 3' }).fill('Sichere Infrastruktur und Mobilität');
  await page.getByRole('button', { name: 'Handlungsfeld hinzufügen' }).click();
  await expect(page.getByRole('textbox', { name: 'Kürzel von Handlungsfeld 4' })).toHaveValue('HF4');
  await page.getByRole('textbox', { name: 'Name von Handlungsfeld 4' }).fill('Sauberkeit');
  await page
    .getByRole('group', { name: /^HF2 Sichere öffentliche Räume \(12 Maßnahmen\)/ })
    .getByRole('checkbox', { name: 'HF4 Sauberkeit' })
    .check();
  await expectNoViolations(page, 'Schritt 2');

  // Zwischenspeichern, leave, resume.
  await page.getByRole('button', { name: 'Zwischenspeichern' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Erledigt: Zwischengespeichert um \d{2}:\d{2}\.$/ })).toBeVisible();
  expect((await stored(storePath)).fortschreibungDrafts.map((d) => d.edition.name)).toEqual(['Masterplan 3.0']);
  await page.getByRole('button', { name: 'Zur Übersicht' }).click();
  const drafts = page.getByRole('table', { name: 'Begonnene Fortschreibungen' });
  await expect(drafts.getByRole('row', { name: /Masterplan 3\.0/ })).toBeVisible();
  await drafts.getByRole('button', { name: 'Fortsetzen (Masterplan 3.0)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Fortschreibung: Masterplan 3.0' })).toBeVisible();
  await steps.getByRole('button', { name: 'Schritt 2: Handlungsfelder' }).click();
  await expect(page.getByRole('textbox', { name: 'Name von Handlungsfeld 4' })).toHaveValue('Sauberkeit');

  // 3 Maßnahmen: HF2-05 into HF4; HF1-11 ends (first without a reason).
  await steps.getByRole('button', { name: 'Schritt 3: Maßnahmen' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^36 Maßnahmen$/ })).toBeVisible();
  await page.getByRole('combobox', { name: 'Handlungsfeld der neuen Fassung für HF2-05' }).selectOption({ label: 'HF4 Sauberkeit' });
  await page.getByRole('combobox', { name: 'Entscheidung für HF1-11' }).selectOption({ label: 'beenden' });
  await expect(page.getByRole('combobox', { name: 'Entscheidung für HF1-08' })).toHaveValue('merge');
  await expectNoViolations(page, 'Schritt 3');

  // 4 Prüfen: the missing reason is listed; its link leads to the field.
  await page.getByRole('button', { name: 'Weiter' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie 1 Punkt:' });
  await expect(summary).toBeVisible();
  await expect(page.getByRole('button', { name: 'Fortschreibung anwenden' })).toBeDisabled();
  await expectNoViolations(page, 'Schritt 4 mit Problemen');
  await summary.getByRole('link', { name: 'Maßnahmen: Bitte einen Grund angeben, warum die Maßnahme HF1-11 endet.' }).click();
  const reason = page.getByRole('textbox', { name: 'Grund für das Ende von HF1-11' });
  await expect(reason).toBeFocused();
  await expect(reason).toHaveAccessibleDescription(/Bitte einen Grund angeben/);
  await reason.fill('Die Vollversammlung hat die Empfehlung zurückgezogen.');
  await steps.getByRole('button', { name: 'Schritt 4: Prüfen und anwenden' }).click();
  await expect(page.getByText('Keine Probleme gefunden. Die Fortschreibung kann angewendet werden.')).toBeVisible();
  await expectNoViolations(page, 'Schritt 4');

  await page.getByRole('button', { name: 'Fortschreibung anwenden' }).click();
  const dialog = page.getByRole('dialog', { name: 'Fortschreibung anwenden' });
  await expect(dialog).toContainText('Masterplan 3.0');
  await dialog.getByRole('button', { name: 'Fortschreibung anwenden' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Die Fassung „Masterplan 3.0“ wurde als Entwurf angelegt.' })).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(table.getByRole('row', { name: /Masterplan 3\.0/ })).toContainText('aktuelle Fassung');

  // In the file: the new Fassung (Entwurf, current), its record; the 2.0 measures untouched.
  const after = await stored(storePath);
  const v3 = after.editions.find((e) => e.name === 'Masterplan 3.0')!;
  expect(v3.state).toBe('entwurf');
  expect(after.currentEditionId).toBe(v3.id);
  expect(after.fortschreibungDrafts).toEqual([]);
  const record = after.fortschreibungen.find((r) => r.toEditionId === v3.id)!;
  expect(record.endedMeasures).toEqual([{ measureId: 'm-hf1-11', reason: 'Die Vollversammlung hat die Empfehlung zurückgezogen.' }]);
  expect(record.links).toHaveLength(35);
  expect(JSON.stringify((await readStore(storePath)).measures.filter((m) => m.id.startsWith('m-hf')))).toBe(old20);

  // Comparison in the app.
  await page.getByRole('button', { name: 'Vergleich anzeigen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Vergleich: ${V20} → Masterplan 3.0` })).toBeVisible();
  const counts = page.getByRole('table', { name: 'Maßnahmen je Kategorie' });
  await expect(counts.getByRole('row', { name: /^Beendet/ })).toContainText('1');
  await expect(counts.getByRole('row', { name: /^Zusammengeführt/ })).toContainText('1');
  await expect(counts.getByRole('row', { name: /^Unverändert übernommen/ })).toContainText('34');
  const fieldChanges = page.getByRole('table', { name: 'Was aus den Handlungsfeldern wurde' });
  await expect(fieldChanges.getByRole('row', { name: /^umbenannt/ })).toContainText('HF3 Sichere Infrastruktur und Mobilität');
  await expect(fieldChanges.getByRole('row', { name: /^aufgeteilt/ })).toContainText('HF4 Sauberkeit');
  await page.getByRole('tab', { name: 'Beendet (1)' }).click();
  await expect(page.getByRole('tabpanel')).toContainText('Die Vollversammlung hat die Empfehlung zurückgezogen.');
  await expectNoViolations(page, 'Vergleich');

  // Exports: Excel and Word beside the register (the harness answers the save dialog).
  await page.getByRole('button', { name: 'Als Excel-Tabelle exportieren' }).click();
  const xlsxNotice = page.getByRole('status').filter({ hasText: 'Exportiert nach' });
  await expect(xlsxNotice).toContainText('.xlsx');
  const xlsxPath = (await xlsxNotice.locator('.path').innerText()).trim();
  expect(path.dirname(xlsxPath)).toBe(dir);
  const workbook = XLSX.read(await fs.readFile(xlsxPath));
  expect(workbook.SheetNames).toEqual([
    'Übersicht',
    'Neu',
    'Geändert',
    'Unverändert',
    'Zusammengeführt',
    'Ersetzt',
    'Beendet',
    'Handlungsfelder',
  ]);
  const ended = XLSX.utils.sheet_to_json<Record<string, string>>(workbook.Sheets['Beendet']!);
  expect(ended).toEqual([
    expect.objectContaining({ 'Nr. bisher': 'HF1-11', Grund: 'Die Vollversammlung hat die Empfehlung zurückgezogen.' }),
  ]);
  await page.getByRole('button', { name: 'Als Word-Anlage exportieren' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Exportiert nach' })).toContainText('.docx');
  const docxPath = (await page.getByRole('status').filter({ hasText: 'Exportiert nach' }).locator('.path').innerText()).trim();
  expect((await fs.readFile(docxPath)).subarray(0, 2).toString()).toBe('PK');

  // The register shows the current Fassung, and any other on request.
  await nav(page, 'Maßnahmen').click();
  await expect(measureCount(page)).toHaveText('34 Maßnahmen');
  const edition = page.getByRole('combobox', { name: 'Fassung' });
  await edition.selectOption({ label: `${V2019} (beschlossen)` });
  await expect(measureCount(page)).toHaveText('31 Maßnahmen');
  await edition.selectOption({ label: 'alle Fassungen' });
  await expect(measureCount(page)).toHaveText(`${31 + 36 + 34} Maßnahmen`);
  await page.getByRole('button', { name: 'Filter zurücksetzen' }).click();
  await expect(measureCount(page)).toHaveText('34 Maßnahmen');

  // A measure's line: 2019 → 2.0 → 3.0, each linked.
  await openMeasure(page, 'Videobeobachtung Brückstraße');
  const lineage = page.getByRole('table', { name: 'Diese Maßnahme und ihre Vorgänger und Nachfolger in anderen Fassungen' });
  await expect(lineage.getByRole('row')).toHaveCount(4);
  await expect(lineage.getByRole('row').nth(1)).toContainText(V2019);
  await expect(lineage.getByRole('row').nth(1)).toContainText('übernommen: HF2-01');
  await expect(lineage.getByRole('row').nth(3)).toContainText('(diese Maßnahme)');
  await lineage.getByRole('link', { name: 'AG2-01 Videobeobachtung Brückstraße' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'AG2-01 Videobeobachtung Brückstraße' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: `Diese Maßnahme gehört zur Fassung „${V2019}“ (beschlossen)` })).toBeVisible();
  await expectNoViolations(page, 'Maßnahme mit Verlauf über die Fassungen');
});

test('Beschluss einer Fassung: 2.0 wird beschlossen, 2019 abgelöst und ihre Maßnahmen bleiben unverändert', async ({
  page,
  harness,
  storePath,
}) => {
  await openApp(page, harness);
  await nav(page, 'Fassungen').click();
  await page.getByRole('button', { name: `Beschluss eintragen (${V20})` }).click();
  const form = page.getByRole('form', { name: `Beschluss der Fassung „${V20}“` });
  await expect(form.getByRole('textbox', { name: 'Drucksache-Nr.' })).toHaveValue('26093-22');
  await form.getByRole('textbox', { name: 'Beschlossen am' }).fill('31.02.2023');
  await form.getByRole('button', { name: 'Als beschlossen eintragen' }).click();
  await expect(form.getByRole('textbox', { name: 'Beschlossen am' })).toHaveAccessibleDescription(/„31\.02\.2023“ ist kein Datum/);
  await form.getByRole('textbox', { name: 'Beschlossen am' }).fill('15.12.2022');
  await form.getByRole('button', { name: 'Als beschlossen eintragen' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Die Fassung „${V20}“ ist als beschlossen eingetragen.` })).toBeVisible();
  const table = page.getByRole('table', { name: 'Fassungen', exact: true });
  await expect(table.getByRole('row', { name: new RegExp(`^${V2019}`) })).toContainText('abgelöst');
  const file = await stored(storePath);
  expect(file.editions.map((e) => e.state)).toEqual(['abgeloest', 'beschlossen']);

  // The 2019 plan is history now: readable, not editable; its source can no longer be deleted.
  await expect(page.getByRole('button', { name: `Löschen … (${V2019})` })).toBeDisabled();
  await nav(page, 'Maßnahmen').click();
  await page.getByRole('combobox', { name: 'Fassung' }).selectOption({ label: `${V2019} (abgelöst)` });
  await openMeasure(page, 'Mobile Wache in der Innenstadt');
  await expect(page.getByRole('status').filter({ hasText: 'können nicht mehr bearbeitet werden' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Bearbeiten' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'In den Papierkorb …' })).toBeDisabled();
  await expect(page.getByRole('table', { name: /Vorgänger und Nachfolger/ })).toContainText('beendet: Pilotbetrieb 2019/2020 ausgewertet');
  // The service refuses a change through the bridge as well.
  const m = (await readStore(storePath)).measures.find((x) => x.number === 'AG2-11')!;
  const refused = await page.evaluate(
    async (id) =>
      (globalThis as unknown as { masterplan: { deleteMeasure: (r: unknown) => Promise<unknown> } }).masterplan.deleteMeasure({
        id,
        version: 1,
      }),
    m.id,
  );
  expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('abgelösten Fassung') } });
});
