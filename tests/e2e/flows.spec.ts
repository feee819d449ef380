import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Lab, Proposal } from '@shared/participation/labs';
import { localDay } from '@shared/core/calendar';
import { formatDate } from '@shared/core/format';
import { suggestMeetingDate } from '@shared/participation/meetingDate';
import { accessibilityViolations, expect, openApp, test } from './fixtures';
import { nav, readStore, writeSampleCopy } from './helpers';

/**
 * The everyday flows of issue 15, point 8: a measure from every open Anregung, a lab (or one of its
 * dates) fills the new Anregung, a new Sitzung on the body's usual weekday, and a "Neue Vorlage" left
 * without saving is not kept.
 */

const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];
const SHOTS = process.env.SCREENSHOTS_DIR;

const NOW = '2026-02-01T09:00:00.000Z';
const LAB: Lab = {
  id: 'lab-flow-nordmarkt',
  version: 1,
  createdAt: NOW,
  updatedAt: NOW,
  deletedAt: null,
  name: 'Labor Nordmarkt (Ablauf)',
  district: 'IN',
  quarter: 'Nordmarkt',
  format: 'Werkstatt',
  topics: [],
  description: '',
  sessions: [
    { id: 's-flow-1', date: '2025-10-14', place: 'Grundschule', invitedCount: null, attendingCount: null, note: '' },
    { id: 's-flow-2', date: '2025-11-20', place: 'Grundschule', invitedCount: null, attendingCount: null, note: '' },
  ],
};
function proposal(number: string, patch: Partial<Proposal>): Proposal {
  return {
    id: `p-${number}`,
    version: 1,
    createdAt: NOW,
    updatedAt: NOW,
    stateChangedAt: NOW,
    deletedAt: null,
    anonymisedAt: null,
    number,
    source: 'quartierslabor',
    labId: LAB.id,
    meetingId: null,
    receivedOn: '2025-10-14',
    text: 'Mehr Licht am Nordmarkt.',
    category: 'Beleuchtung',
    district: 'IN',
    area: '',
    assignedOrgUnitId: null,
    state: 'eingegangen',
    stateReason: '',
    measureId: null,
    feedbackText: '',
    feedbackOn: null,
    ...patch,
  };
}
const PROPOSALS = [proposal('A-2025-101', {}), proposal('A-2025-102', { state: 'erledigt', stateReason: 'Schon umgesetzt.' })];

const withLab = test.extend({
  storePath: async ({ dir }, use) => {
    const storePath = path.join(dir, 'register.json');
    await writeSampleCopy(storePath, { labs: [LAB], proposals: PROPOSALS, contacts: [] } as never);
    await use(storePath);
  },
});

async function participationTab(page: Page, tab: string): Promise<void> {
  await nav(page, 'Gremien & Beteiligung').click();
  await page.getByRole('tab', { name: tab, exact: true }).click();
  await expect(page.getByRole('tab', { name: tab, exact: true })).toHaveAttribute('aria-selected', 'true');
}

for (const viewport of VIEWPORTS) {
  withLab(
    `Maßnahme aus jeder offenen Anregung anlegen, das Formular ist im Blick (${viewport.width}×${viewport.height})`,
    async ({ page, harness }) => {
      await page.setViewportSize(viewport);
      await openApp(page, harness);
      await participationTab(page, 'Anregungen');
      await page.getByRole('link', { name: 'A-2025-101', exact: true }).click();
      const editor = page.getByRole('form', { name: 'Anregung A-2025-101' });
      await expect(editor).toBeVisible();
      // Offered without first choosing "übernommen in Maßnahme".
      await expect(editor.getByRole('combobox', { name: 'Status' })).toHaveValue('eingegangen');
      await editor.getByRole('button', { name: 'Maßnahme aus Anregung anlegen …' }).click();
      const heading = page.getByRole('heading', { level: 2, name: 'Maßnahme aus Anregung A-2025-101 anlegen' });
      await expect(heading).toBeFocused();
      await expect(heading).toBeInViewport();
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/${viewport.width}-anregung-massnahme.png` });
      expect(await accessibilityViolations(page)).toEqual([]);

      // A closed Anregung offers none, and says why.
      await page.getByRole('form', { name: 'Maßnahme aus Anregung A-2025-101 anlegen' }).getByRole('button', { name: 'Abbrechen' }).click();
      await participationTab(page, 'Anregungen');
      await page.getByRole('link', { name: 'A-2025-102', exact: true }).click();
      const closed = page.getByRole('form', { name: 'Anregung A-2025-102' });
      await expect(
        closed.getByText('Aus einer abgelehnten oder erledigten Anregung kann keine Maßnahme entstehen.', { exact: false }),
      ).toBeVisible();
      await expect(closed.getByRole('button', { name: 'Maßnahme aus Anregung anlegen …' })).toHaveCount(0);
    },
  );
}

withLab('Eine Anregung aus dem Quartierslabor übernimmt Bezirk, Bereich und Datum des Termins', async ({ page, harness }) => {
  await openApp(page, harness);
  await participationTab(page, 'Quartierslabore');
  await page.getByRole('link', { name: LAB.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Quartierslabor „${LAB.name}“` })).toBeVisible();

  // From one of its dates: that date.
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Anregung erfassen zum Termin am 14.10.2025' }).click();
  let form = page.getByRole('form', { name: 'Neue Anregung' });
  await expect(form.getByRole('textbox', { name: 'Eingegangen am' })).toHaveValue('14.10.2025');
  await expect(form.getByRole('textbox', { name: 'Nummer' })).toHaveValue(/^A-2025-/);
  await expect(form.getByRole('combobox', { name: 'Stadtbezirk' }).locator('option:checked')).toHaveText('Innenstadt-Nord');
  await expect(form.getByRole('textbox', { name: 'Bereich' })).toHaveValue('Nordmarkt');
  expect(await accessibilityViolations(page)).toEqual([]);

  // From the lab as a whole: its latest date held.
  await participationTab(page, 'Quartierslabore');
  await page.getByRole('link', { name: LAB.name }).click();
  await page.getByRole('button', { name: 'Anregung zu diesem Labor erfassen' }).click();
  form = page.getByRole('form', { name: 'Neue Anregung' });
  await expect(form.getByRole('textbox', { name: 'Eingegangen am' })).toHaveValue('20.11.2025');

  // A new Anregung of another source, then the lab picked: district, area and date follow the lab.
  await participationTab(page, 'Anregungen');
  await page.getByRole('button', { name: 'Neue Anregung' }).click();
  form = page.getByRole('form', { name: 'Neue Anregung' });
  await form.getByRole('combobox', { name: 'Quelle' }).selectOption('eingabe');
  await form.getByRole('combobox', { name: 'Quartierslabor' }).selectOption({ label: LAB.name });
  await expect(form.getByRole('textbox', { name: 'Eingegangen am' })).toHaveValue('20.11.2025');
  await expect(form.getByRole('combobox', { name: 'Stadtbezirk' }).locator('option:checked')).toHaveText('Innenstadt-Nord');
});

test('Neue Sitzung: am üblichen Wochentag des Gremiums, einige Wochen im Voraus', async ({ page, harness, storePath }) => {
  await openApp(page, harness);
  const doc = (await readStore(storePath)) as unknown as { meetings: { bodyId: string; date: string; deletedAt: string | null }[] };
  const today = localDay();
  const expected = (bodyId: string) =>
    formatDate(
      suggestMeetingDate(
        doc.meetings.filter((m) => m.bodyId === bodyId && !m.deletedAt && m.date <= today).map((m) => m.date),
        today,
      ),
    );
  await participationTab(page, 'Sitzungen');
  await page.getByRole('button', { name: 'Neue Sitzung' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Neue Sitzung' })).toBeVisible();
  const body = page.getByRole('combobox', { name: 'Gremium' });
  const date = page.getByRole('textbox', { name: 'Datum', exact: true });
  await expect(date).toHaveValue(expected(await body.inputValue()));
  // Another body: the date follows it while the clerk has not typed one.
  const other = await body.locator('option').nth(1).getAttribute('value');
  await body.selectOption(other!);
  await expect(date).toHaveValue(expected(other!));
  expect(await accessibilityViolations(page)).toEqual([]);
});

test('Eine neue Ratsvorlage, ohne Speichern verlassen, bleibt nicht im Register', async ({ page, harness, storePath }) => {
  await openApp(page, harness);
  const before = ((await readStore(storePath)) as unknown as { submissions: { id: string }[] }).submissions.map((s) => s.id);
  await nav(page, 'Ratsvorlagen').click();
  await page.getByRole('button', { name: 'Neue Vorlage' }).click();
  const panel = page.getByRole('form', { name: 'Neue Vorlage anlegen' });
  await panel.getByRole('radio', { name: 'Leere Vorlage' }).check();
  await panel.getByRole('button', { name: 'Vorlage anlegen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Ratsvorlage:/ })).toBeVisible();
  await page.getByRole('button', { name: 'Zurück zur Liste' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ratsvorlagen' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Ratsvorlagen' }).getByText('(ohne Betreff)')).toHaveCount(0);
  await expect
    .poll(async () => ((await readStore(storePath)) as unknown as { submissions: { id: string }[] }).submissions.map((s) => s.id))
    .toEqual(before);

  // Saved once, it stays.
  await page.getByRole('button', { name: 'Neue Vorlage' }).click();
  await page.getByRole('form', { name: 'Neue Vorlage anlegen' }).getByRole('radio', { name: 'Leere Vorlage' }).check();
  await page.getByRole('form', { name: 'Neue Vorlage anlegen' }).getByRole('button', { name: 'Vorlage anlegen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Ratsvorlage:/ })).toBeVisible();
  await page.getByRole('textbox', { name: 'Betreff' }).first().fill('Bleibt');
  await page.keyboard.press('Control+s');
  await expect(page.getByRole('status').filter({ hasText: /Ratsvorlage .* gespeichert\./ })).toBeVisible();
  await page.getByRole('button', { name: 'Zurück zur Liste' }).first().click();
  await expect(page.getByRole('table', { name: 'Ratsvorlagen' }).getByText('Bleibt')).toBeVisible();
  expect(((await readStore(storePath)) as unknown as { submissions: unknown[] }).submissions).toHaveLength(before.length + 1);
});

for (const viewport of VIEWPORTS) {
  test(`Maßnahmen wählen: aktuelle Fassung vorgewählt, Filter nach Fassung, Handlungsfeld, Bezirk und Status (${viewport.width}×${viewport.height})`, async ({
    page,
    harness,
  }) => {
    await page.setViewportSize(viewport);
    await openApp(page, harness);
    await nav(page, 'Ratsvorlagen').click();
    await page.getByRole('button', { name: 'Neue Vorlage' }).click();
    const panel = page.getByRole('form', { name: 'Neue Vorlage anlegen' });
    await panel.getByRole('radio', { name: 'Leere Vorlage' }).check();
    await panel.getByRole('button', { name: 'Vorlage anlegen' }).click();
    const form = page.getByRole('form', { name: 'Vorlage bearbeiten' });
    const filters = form.getByRole('group', { name: 'Auswahl eingrenzen' });
    const edition = filters.getByRole('combobox', { name: 'Fassung' });
    await expect(edition.locator('option:checked')).toHaveText(/\(aktuell\)$/);
    const search = form.getByRole('searchbox', { name: 'Maßnahmen suchen' });
    await search.fill('Präventionsrat Hörde');
    await expect(form.getByRole('checkbox', { name: 'HF1-02 Präventionsrat Hörde', exact: true })).toBeVisible();
    await expect(form.getByRole('checkbox', { name: /^AG1-02 / })).toHaveCount(0);
    await form.getByRole('checkbox', { name: 'HF1-02 Präventionsrat Hörde', exact: true }).scrollIntoViewIfNeeded();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/${viewport.width}-massnahmen-waehlen.png` });
    expect(await accessibilityViolations(page)).toEqual([]);

    // Another Fassung: its measures, each labelled with the Fassung.
    await edition.selectOption({ label: 'Masterplan Kommunale Sicherheit 2019' });
    await expect(
      form.getByRole('checkbox', { name: 'AG1-02 Präventionsrat Hörde (Fassung: Masterplan Kommunale Sicherheit 2019)' }),
    ).toBeVisible();
    await expect(form.getByRole('checkbox', { name: /^HF1-02 / })).toHaveCount(0);
    // Stadtbezirk and Status narrow the hits further.
    await edition.selectOption('fassung-2-0');
    await filters.getByRole('combobox', { name: 'Stadtbezirk' }).selectOption({ label: 'Eving' });
    await expect(form.getByRole('checkbox', { name: /^HF1-02 / })).toHaveCount(0);
    await filters.getByRole('combobox', { name: 'Stadtbezirk' }).selectOption({ label: 'Hörde' });
    await expect(form.getByRole('checkbox', { name: /^HF1-02 / })).toHaveCount(1);
    await filters.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'in Umsetzung' });
    await expect(form.getByRole('checkbox', { name: /^HF1-02 / })).toHaveCount(0);
  });
}
