import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import XLSX from 'xlsx';
import { startHarness } from '../harness/server';
import { accessibilityViolations, closeHarness, expect, openApp, test } from './fixtures';
import { nav } from './helpers';

/**
 * Importing Anregungen from an Excel list: from the Anregungen tab to the import with the kind chosen,
 * contact columns left out on purpose, the numbers given, the Anregungen in the list, undo removes them.
 */

interface StoredProposals {
  proposals: { id: string; number: string; text: string; labId: string | null; state: string; receivedOn: string }[];
  labs: { id: string; name: string }[];
  imports: { kind: string; fileName: string; createdProposalIds: string[]; undoneAt: string | null }[];
}

const stored = async (storePath: string) => JSON.parse(await fs.readFile(storePath, 'utf8')) as StoredProposals;

const importTest = test.extend<{ importFile: string }>({
  importFile: async ({ dir }, use) => {
    await use(path.join(dir, 'Anregungen Nordstadt.xlsx'));
  },
  harness: async ({ dir, storePath, importFile }, use) => {
    const harness = await startHarness({ storePath, settingsDir: path.join(dir, 'einstellungen'), pickImportFile: () => importFile });
    await use(harness);
    await closeHarness(harness);
  },
});

const LAB = 'Quartierslabor Nordstadt – Nordmarkt';
const TEXTS = [
  'Mehr Licht im Durchgang zur Mallinckrodtstraße (Import)',
  'Sitzbänke am Nordmarkt reparieren (Import)',
  'Spielplatz Nordmarkt öfter reinigen (Import)',
];

/** Three Anregungen of a Quartierslabor, with the participants' names and e-mail addresses beside them (as such lists often have). */
function writeList(file: string): void {
  const sheet = XLSX.utils.aoa_to_sheet(
    [
      ['Anregungen Quartierslabor Nordstadt, September 2026'],
      [],
      ['Nr.', 'Eingang', 'Name', 'E-Mail', 'Quartierslabor', 'Anregung', 'Kategorie', 'Bereich/Ort', 'Status'],
      [
        null,
        new Date(Date.UTC(2026, 8, 10)),
        'Erika Muster',
        'erika@example.org',
        LAB,
        TEXTS[0],
        'Beleuchtung',
        'Durchgang Mallinckrodtstraße',
        'eingegangen',
      ],
      [null, '10.09.2026', 'Max Muster', 'max@example.org', LAB, TEXTS[1], 'Sauberkeit', 'Nordmarkt', 'in Prüfung'],
      [null, '10.09.2026', null, null, LAB, TEXTS[2], 'Sauberkeit', 'Nordmarkt', ''],
    ],
    { cellDates: true },
  );
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, 'Anregungen');
  XLSX.writeFile(book, file);
}

const proposalsTable = (page: Page) =>
  page.getByRole('table', { name: 'Anregungen mit Quelle, Ort, Zuständigkeit, Status und Rückmeldung' });

async function openProposals(page: Page): Promise<void> {
  await nav(page, 'Gremien & Beteiligung').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Gremien & Beteiligung' })).toBeVisible();
  await page.getByRole('tab', { name: 'Anregungen', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Anregungen' })).toBeVisible();
}

importTest(
  'Anregungen aus Excel importieren: ohne Kontaktspalten, Nummern vergeben, in der Liste, rückgängig',
  async ({ page, harness, storePath, importFile }) => {
    writeList(importFile);
    await openApp(page, harness);
    await openProposals(page);
    const before = await stored(storePath);

    // From the Anregungen tab straight to the import, with the kind chosen.
    await page.getByRole('button', { name: 'Anregungen importieren …' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Evaluation' })).toBeVisible();
    await expect(page.getByRole('tab', { name: 'Import' })).toHaveAttribute('aria-selected', 'true');
    await page.getByRole('button', { name: 'Datei wählen …' }).click();
    await expect(
      page.getByRole('heading', { name: /^Gewählte Datei: Anregungen Nordstadt\.xlsx – Excel \(\.xlsx\), 3 Datenzeilen/ }),
    ).toBeFocused();
    await expect(page.getByRole('radio', { name: 'Anregungen' })).toBeChecked();

    // Columns recognised from the headers; names and e-mail addresses are not even offered.
    const textColumn = page.getByRole('combobox', { name: 'Anregung (Text) (Pflichtfeld)' });
    await expect(textColumn).toHaveValue('5');
    await expect(page.getByRole('combobox', { name: 'Eingang (Datum) (Pflichtfeld)' })).toHaveValue('1');
    await expect(textColumn.locator('option')).toHaveText([
      '— nicht importieren —',
      'A: Nr.',
      'B: Eingang',
      'E: Quartierslabor',
      'F: Anregung',
      'G: Kategorie',
      'H: Bereich/Ort',
      'I: Status',
    ]);
    await expect(
      page.getByRole('status').filter({ hasText: 'Die Spalten „Name“, „E-Mail“ werden absichtlich nicht übernommen' }),
    ).toContainText('nur mit dokumentierter Einwilligung');

    await expect(page.getByText('3 Zeilen: 3 ohne Fehler, 0 mit Fehlern.')).toBeVisible();
    await expect(page.getByText('Der Import legt 3 neue Anregungen an.')).toBeVisible();
    const preview = page.getByRole('table', { name: 'Vorschau der Zeilen' });
    await expect(preview.getByRole('row').filter({ hasText: /^4/ })).toContainText(`neu: A-2026-011 (Nummer vergeben) – ${TEXTS[0]}`);
    expect(await accessibilityViolations(page)).toEqual([]);
    // The dry run wrote nothing.
    expect((await stored(storePath)).proposals).toEqual(before.proposals);

    await page.getByRole('button', { name: 'Importieren' }).click();
    await expect(
      page
        .getByRole('status')
        .filter({ hasText: 'Import abgeschlossen: 3 Zeilen (Anregungen) aus „Anregungen Nordstadt.xlsx“ übernommen.' }),
    ).toBeVisible();
    const imported = await stored(storePath);
    const [record] = imported.imports.filter((r) => r.kind === 'proposals');
    const labId = imported.labs.find((l) => l.name === LAB)!.id;
    expect(
      imported.proposals
        .filter((p) => record!.createdProposalIds.includes(p.id))
        .map((p) => [p.number, p.text, p.labId, p.state, p.receivedOn]),
    ).toEqual([
      ['A-2026-011', TEXTS[0], labId, 'eingegangen', '2026-09-10'],
      ['A-2026-012', TEXTS[1], labId, 'in_pruefung', '2026-09-10'],
      ['A-2026-013', TEXTS[2], labId, 'eingegangen', '2026-09-10'],
    ]);
    for (const personal of ['Erika Muster', 'erika@example.org', 'Max Muster', 'max@example.org'])
      expect(JSON.stringify(imported)).not.toContain(personal);

    // They are in the Anregungen list.
    await openProposals(page);
    for (const [i, number] of ['A-2026-011', 'A-2026-012', 'A-2026-013'].entries())
      await expect(
        proposalsTable(page)
          .locator('tbody tr')
          .filter({ has: page.getByRole('link', { name: number, exact: true }) }),
      ).toContainText(TEXTS[i]!.slice(0, 30));

    // Undo, after a confirmation: they are gone from the list.
    await nav(page, 'Evaluation').click();
    await page.getByRole('tab', { name: 'Import' }).click();
    const list = page.getByRole('table', { name: 'Importe, neueste zuerst' });
    await expect(list.getByRole('row').nth(1)).toContainText('Anregungen');
    await list.getByRole('button', { name: /^Import aus „Anregungen Nordstadt\.xlsx“ vom .* rückgängig machen$/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Import rückgängig machen' });
    await expect(dialog).toContainText('Die angelegten Anregungen werden wieder entfernt.');
    await dialog.getByRole('button', { name: 'Rückgängig machen' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Der Import aus „Anregungen Nordstadt.xlsx“ wurde rückgängig gemacht.' }),
    ).toBeVisible();
    expect((await stored(storePath)).proposals).toEqual(before.proposals);

    await openProposals(page);
    await expect(proposalsTable(page).getByRole('link', { name: 'A-2026-010', exact: true })).toBeVisible();
    for (const number of ['A-2026-011', 'A-2026-012', 'A-2026-013'])
      await expect(proposalsTable(page).getByRole('link', { name: number, exact: true })).toHaveCount(0);
  },
);
