import { promises as fs } from 'node:fs';
import { E2E_USER_NAME } from '../harness/server';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import XLSX from 'xlsx';
import type { FeedbackContact, Lab, Proposal } from '@shared/participation/labs';
import type { Measure } from '@shared/register/measure';
import { suggestProposalNumber } from '@shared/participation/participationRules';
import { accessibilityViolations, expect, openApp, test } from './fixtures';
import { escapeRegExp, readSample, writeSampleCopy, nav } from './helpers';

/**
 * Quartierslabore and Anregungen end to end: a lab with its sessions, an Anregung from it (never a home
 * address), a measure created from the Anregung with the link both ways, the feedback contact (only with
 * consent, the list shows only that one exists), filters, the overview per district and the Excel export.
 */

interface StoredParticipation {
  measures: Measure[];
  labs: Lab[];
  proposals: Proposal[];
  contacts: FeedbackContact[];
  actionFields: { id: string; code: string; name: string; editionId: string }[];
  currentEditionId: string;
  orgUnits: { id: string; code: string; name: string }[];
  audit: { entityType: string; action: string; entityId: string }[];
}

async function stored(storePath: string): Promise<StoredParticipation> {
  return JSON.parse(await fs.readFile(storePath, 'utf8')) as StoredParticipation;
}

async function openTab(page: Page, tab: 'Quartierslabore' | 'Anregungen'): Promise<void> {
  await nav(page, 'Gremien & Beteiligung').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Gremien & Beteiligung' })).toBeVisible();
  await page.getByRole('tab', { name: tab, exact: true }).click();
  await expect(page.getByRole('tab', { name: tab, exact: true })).toHaveAttribute('aria-selected', 'true');
}

/** The field's own error text is part of its accessible description (aria-describedby). */
async function expectFieldError(field: Locator, message: string): Promise<void> {
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(new RegExp(escapeRegExp(message)));
}

const proposalsTable = (page: Page) =>
  page.getByRole('table', { name: 'Anregungen mit Quelle, Ort, Zuständigkeit, Status und Rückmeldung' });
/** Body rows of the Anregungen list (the header row and the virtualiser's spacer rows are not counted). */
const proposalRows = (page: Page) => proposalsTable(page).locator('tbody tr:not(.spacer)');
const countLine = (page: Page) => page.getByRole('status').filter({ hasText: /\d+ (von \d+ )?Anregung(en)?$/ });

// ------------------------------------------------------------------ a register with labs and Anregungen

const NOW = '2026-02-01T09:00:00.000Z';
const LAB_NORD: Lab = {
  id: 'lab-test-nordmarkt',
  version: 1,
  createdAt: NOW,
  updatedAt: NOW,
  deletedAt: null,
  name: 'Labor Nordmarkt (Test)',
  district: 'IN',
  quarter: 'Nordmarkt',
  format: 'Zufallsauswahl, Werkstatt',
  topics: ['Beleuchtung', 'Sauberkeit'],
  description: '',
  sessions: [
    { id: 's-nord-1', date: '2025-10-14', place: 'Nordmarkt-Grundschule', invitedCount: 1000, attendingCount: 38, note: '' },
    { id: 's-nord-2', date: '2025-11-20', place: 'Nordmarkt-Grundschule', invitedCount: 1000, attendingCount: 31, note: '' },
  ],
};
const LAB_HOERDE: Lab = {
  ...LAB_NORD,
  id: 'lab-test-phoenix',
  name: 'Labor Phoenix-See (Test)',
  district: 'HÖ',
  quarter: 'Phoenix-See',
  sessions: [{ id: 's-hoerde-1', date: '2025-09-30', place: 'Bürgerhalle Hörde', invitedCount: 900, attendingCount: 27, note: '' }],
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
    labId: LAB_NORD.id,
    meetingId: null,
    receivedOn: '2025-10-14',
    text: '',
    category: '',
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

const PROPOSALS: Proposal[] = [
  proposal('A-2025-001', {
    text: 'Mehr Beleuchtung auf dem Weg durch den Park am Nordmarkt.',
    category: 'Beleuchtung',
    area: 'Umfeld Nordmarkt',
  }),
  proposal('A-2025-002', {
    text: 'Die Spielplätze am Nordmarkt häufiger reinigen.',
    category: 'Sauberkeit',
    area: 'Umfeld Nordmarkt',
    state: 'in_pruefung',
  }),
  proposal('A-2025-003', {
    text: 'Beleuchtung der Unterführung an der Mallinckrodtstraße verbessern.',
    category: 'Beleuchtung',
    area: 'Unterführung Mallinckrodtstraße',
  }),
  proposal('A-2025-004', {
    labId: LAB_HOERDE.id,
    district: 'HÖ',
    receivedOn: '2025-09-30',
    text: 'Beleuchtung am Uferweg des Phoenix-Sees nachts länger einschalten.',
    category: 'Beleuchtung',
    area: 'Uferweg Phoenix-See',
  }),
  proposal('A-2025-005', {
    labId: LAB_HOERDE.id,
    district: 'HÖ',
    receivedOn: '2025-09-30',
    text: 'Mehr Präsenz des Ordnungsdienstes am Wochenende.',
    category: 'Präsenz von Ordnungsdienst und Polizei',
  }),
  proposal('A-2025-006', {
    source: 'eingabe',
    labId: null,
    district: null,
    receivedOn: '2025-12-01',
    text: 'Eingabe zur Sauberkeit in der ganzen Stadt.',
    category: 'Sauberkeit',
  }),
];
/** Closed long ago and anonymised under the retention rules. */
const ANONYMISED = proposal('A-2024-001', {
  state: 'erledigt',
  receivedOn: '2024-03-01',
  text: '[anonymisiert]',
  district: 'EV',
  labId: null,
  source: 'sonstige',
  anonymisedAt: NOW,
});

/** A sample register with two Quartierslabore and these Anregungen of our own (written before the app starts). */
function registerWith(proposals: Proposal[]) {
  return test.extend({
    storePath: async ({ dir }, use) => {
      const storePath = path.join(dir, 'register.json');
      await writeSampleCopy(storePath, { labs: [LAB_NORD, LAB_HOERDE], proposals, contacts: [] } as never);
      await use(storePath);
    },
  });
}
const withProposals = registerWith(PROPOSALS);

// ------------------------------------------------------------------ (a) – (c), (g)

test('Quartierslabor mit Termin anlegen, Anregung daraus erfassen (keine Hausanschrift), Maßnahme daraus anlegen – Verweis in beide Richtungen', async ({
  page,
  harness,
  storePath,
}) => {
  const sample = (await readSample()) as unknown as StoredParticipation;
  await openApp(page, harness);
  await openTab(page, 'Quartierslabore');
  await expect(page.getByRole('table', { name: /Quartierslabore, Teilnahme und Anregungen je Stadtbezirk/ })).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);

  // (a) A new lab with one session; more attending than invited is refused at the field.
  await page.getByRole('button', { name: 'Neues Quartierslabor' }).click();
  const labForm = page.getByRole('form', { name: 'Neues Quartierslabor' });
  await expect(labForm).toBeVisible();
  await labForm.getByRole('textbox', { name: 'Name' }).fill('Nordmarkt-Werkstatt');
  await labForm.getByRole('combobox', { name: 'Stadtbezirk' }).selectOption({ label: 'Innenstadt-Nord' });
  await labForm.getByRole('textbox', { name: 'Quartier' }).fill('Nordmarkt');
  await labForm.getByRole('textbox', { name: 'Format' }).fill('Zufallsauswahl, 1.000 Einladungen, Werkstatt');
  await labForm.getByRole('textbox', { name: 'Neues Thema' }).fill('Beleuchtung');
  await labForm.getByRole('button', { name: 'Thema hinzufügen' }).click();
  await expect(labForm.getByRole('list', { name: 'Themen' }).getByRole('listitem')).toHaveText(['BeleuchtungEntfernen']);
  await labForm.getByRole('button', { name: 'Termin hinzufügen' }).click();
  await expect(labForm.getByRole('textbox', { name: 'Datum, Termin 1' })).toBeFocused();
  await page.keyboard.type('12.03.2026');
  await labForm.getByRole('textbox', { name: 'Ort, Termin 1' }).fill('Nordmarkt-Grundschule');
  await labForm.getByRole('textbox', { name: 'Eingeladene, Termin 1' }).fill('1000');
  const attending = labForm.getByRole('textbox', { name: 'Teilnehmende, Termin 1' });
  await attending.fill('1200');
  await labForm.getByRole('button', { name: 'Quartierslabor speichern' }).first().click();
  await expectFieldError(attending, 'Es können nicht mehr Personen teilgenommen haben als eingeladen waren.');
  await expect(page.getByRole('alert').filter({ hasText: 'Termin 1, Teilnehmende' })).toBeVisible();
  expect((await stored(storePath)).labs).toEqual(sample.labs);

  await attending.fill('45');
  await labForm.getByRole('button', { name: 'Quartierslabor speichern' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Quartierslabor „Nordmarkt-Werkstatt“' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Quartierslabor „Nordmarkt-Werkstatt“ wurde gespeichert.' })).toBeVisible();
  const lab = (await stored(storePath)).labs.find((l) => l.name === 'Nordmarkt-Werkstatt')!;
  expect(lab).toMatchObject({ district: 'IN', quarter: 'Nordmarkt', topics: ['Beleuchtung'], deletedAt: null });
  expect(lab.sessions).toEqual([
    { id: expect.any(String), date: '2026-03-12', place: 'Nordmarkt-Grundschule', invitedCount: 1000, attendingCount: 45, note: '' },
  ]);
  expect(await accessibilityViolations(page)).toEqual([]);

  // (b) An Anregung from this lab: source and lab are preset; a home address in "Bereich" is refused.
  await page.getByRole('button', { name: 'Anregung zu diesem Labor erfassen' }).click();
  const form = page.getByRole('form', { name: 'Neue Anregung' });
  await expect(form).toBeVisible();
  // The number follows the year of receipt, which is the lab's date (12.03.2026).
  const number = suggestProposalNumber(
    2026,
    sample.proposals.map((p) => p.number),
  );
  await expect(form.getByRole('textbox', { name: 'Eingegangen am' })).toHaveValue('12.03.2026');
  await expect(form.getByRole('textbox', { name: 'Nummer' })).toHaveValue(number);
  await expect(form.getByRole('combobox', { name: 'Quelle' })).toHaveValue('quartierslabor');
  await expect(form.getByRole('combobox', { name: 'Quartierslabor' }).locator('option:checked')).toHaveText('Nordmarkt-Werkstatt');
  await expect(form.getByRole('combobox', { name: 'Stadtbezirk' }).locator('option:checked')).toHaveText('Innenstadt-Nord');
  const text = 'Bessere Beleuchtung für den Weg über den Nordmarkt. Abends ist es dort sehr dunkel und viele meiden den Platz.';
  await form.getByRole('textbox', { name: 'Text der Anregung' }).fill(text);
  await form.getByRole('combobox', { name: 'Kategorie' }).fill('Beleuchtung');
  const area = form.getByRole('textbox', { name: 'Bereich' });
  await area.fill('Musterstraße 12');
  await form.getByRole('combobox', { name: 'Zuständige Stelle' }).selectOption({ label: 'Tiefbauamt (FB 66)' });
  await form.getByRole('button', { name: 'Anregung speichern' }).first().click();
  await expectFieldError(area, 'Bitte keine Hausanschrift angeben – nur Stadtbezirk oder Bereich');
  expect((await stored(storePath)).proposals).toHaveLength(sample.proposals.length);

  await area.fill('Umfeld Nordmarkt');
  await form.getByRole('button', { name: 'Anregung speichern' }).first().click();
  const editor = page.getByRole('form', { name: `Anregung ${number}` });
  await expect(editor).toBeVisible();
  let saved = (await stored(storePath)).proposals.find((p) => p.number === number)!;
  expect(saved).toMatchObject({
    source: 'quartierslabor',
    labId: lab.id,
    district: 'IN',
    area: 'Umfeld Nordmarkt',
    category: 'Beleuchtung',
    state: 'eingegangen',
    text,
  });
  expect(await accessibilityViolations(page)).toEqual([]);

  // Leaving with unsaved input asks first; "Weiter bearbeiten" keeps the input.
  await editor.getByRole('textbox', { name: 'Text der Rückmeldung' }).fill('Entwurf');
  await editor.getByRole('button', { name: 'Zurück zur Liste' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Ungespeicherte Änderungen' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Weiter bearbeiten' }).click();
  await expect(editor.getByRole('textbox', { name: 'Text der Rückmeldung' })).toHaveValue('Entwurf');
  await editor.getByRole('textbox', { name: 'Text der Rückmeldung' }).fill('');

  // (c) "in Prüfung", then a measure from the Anregung.
  const state = editor.getByRole('combobox', { name: 'Status' });
  await state.selectOption({ label: 'in Prüfung' });
  await editor.getByRole('button', { name: 'Anregung speichern' }).first().click();
  await expect(page.getByRole('status').filter({ hasText: `Anregung ${number} wurde gespeichert.` })).toBeVisible();
  expect((await stored(storePath)).proposals.find((p) => p.number === number)!.state).toBe('in_pruefung');

  // The Verlauf (loaded when opened) names who moved the Anregung from "eingegangen" to "in Prüfung" when.
  const history = page.getByRole('table', { name: 'Änderungen an dieser Anregung, neueste zuerst' });
  await expect(history).toHaveCount(0);
  await page
    .locator('summary')
    .filter({ hasText: /^Verlauf$/ })
    .click();
  const timestamp = /^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}$/;
  await expect(history.getByRole('row').nth(1).getByRole('cell')).toHaveText([
    timestamp,
    E2E_USER_NAME,
    'geändert',
    'Status',
    'eingegangen',
    'in Prüfung',
  ]);
  // The creation in words: ids as names, codes as districts, dates as TT.MM.JJJJ – never raw ids or JSON.
  const createdRow = (label: string) =>
    history.getByRole('row').filter({ has: page.locator('td:nth-child(4)').getByText(label, { exact: true }) });
  await expect(createdRow('Quelle').getByRole('cell')).toHaveText(['', '', '', 'Quelle', '(leer)', 'Quartierslabor']);
  await expect(createdRow('Quartierslabor').getByRole('cell').last()).toHaveText('Nordmarkt-Werkstatt');
  await expect(createdRow('Stadtbezirk').getByRole('cell').last()).toHaveText('Innenstadt-Nord');
  await expect(createdRow('Zuständige Stelle').getByRole('cell').last()).toHaveText('Tiefbauamt (FB 66)');
  await expect(createdRow('Eingegangen am').getByRole('cell').last()).toHaveText(/^\d{2}\.\d{2}\.\d{4}$/);
  await expect(history.getByRole('row').filter({ hasText: 'angelegt' }).getByRole('cell').nth(1)).toHaveText(E2E_USER_NAME);
  expect(await accessibilityViolations(page)).toEqual([]);

  await state.selectOption({ label: 'übernommen in Maßnahme' });
  await editor.getByRole('button', { name: 'Maßnahme aus Anregung anlegen …' }).click();
  const create = page.getByRole('form', { name: `Maßnahme aus Anregung ${number} anlegen` });
  await expect(create).toBeVisible();
  await expect(create.getByRole('textbox', { name: 'Titel' })).toHaveValue('Bessere Beleuchtung für den Weg über den Nordmarkt.');
  await expect(create.getByRole('combobox', { name: 'Federführung' }).locator('option:checked')).toHaveText('Tiefbauamt (FB 66)');
  await create.getByRole('combobox', { name: 'Handlungsfeld' }).selectOption({ label: 'HF2 Sichere öffentliche Räume' });
  const measureNumber = await create.getByRole('textbox', { name: 'Nummer der Maßnahme' }).inputValue();
  expect(measureNumber).toMatch(/^HF2-\d{2}$/);
  expect(await accessibilityViolations(page)).toEqual([]);
  await create.getByRole('button', { name: 'Maßnahme anlegen' }).click();
  await expect(page.getByText(`Die Maßnahme ${measureNumber} wurde angelegt`)).toBeVisible();

  // The register file on disk holds the measure and the Anregung pointing to it.
  const doc = await stored(storePath);
  const measure = doc.measures.find((m) => m.number === measureNumber && m.deletedAt === null)!;
  expect(measure).toMatchObject({
    title: 'Bessere Beleuchtung für den Weg über den Nordmarkt.',
    description: text,
    districts: ['IN'],
    quarter: 'Umfeld Nordmarkt',
    status: 'vorgeschlagen',
    origin: { kind: 'quartierslabor', reference: `Anregung ${number}`, printNumber: null },
  });
  expect(doc.orgUnits.find((u) => u.id === measure.leadOrgUnitId)?.name).toBe('Tiefbauamt');
  saved = doc.proposals.find((p) => p.number === number)!;
  expect(saved).toMatchObject({ state: 'uebernommen', measureId: measure.id });
  // The open Verlauf follows the save: state and the new measure, by its number.
  await expect(history.getByRole('row').nth(1).getByRole('cell')).toHaveText([
    timestamp,
    E2E_USER_NAME,
    'geändert',
    'Status',
    'in Prüfung',
    'übernommen in Maßnahme',
  ]);
  await expect(history.getByRole('row').nth(2).getByRole('cell')).toHaveText(['', '', '', 'Maßnahme', '(leer)', measureNumber]);
  // From "übernommen" only the way back to "in Prüfung" is offered.
  await expect(state.locator('option')).toHaveText(['übernommen in Maßnahme', 'in Prüfung']);

  // The measure lists the Anregung, and its link leads back.
  await page.getByRole('link', { name: `Maßnahme ${measureNumber} öffnen` }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `${measureNumber} Bessere Beleuchtung für den Weg über den Nordmarkt.` }),
  ).toBeVisible();
  const back = page
    .getByRole('region', { name: 'Gremien & Beteiligung' })
    .getByRole('table', { name: 'Anregungen, aus denen diese Maßnahme entstanden ist' });
  await expect(back.getByRole('row')).toHaveCount(2);
  await expect(back.getByRole('row').nth(1)).toContainText('übernommen in Maßnahme');
  await back.getByRole('link', { name: `Anregung ${number} öffnen` }).click();
  await expect(page.getByRole('form', { name: `Anregung ${number}` })).toBeVisible();
  await expect(
    page.getByRole('link', { name: `Maßnahme ${measureNumber} „Bessere Beleuchtung für den Weg über den Nordmarkt.“ öffnen` }),
  ).toBeVisible();

  // The list shows the state with the measure's number.
  await openTab(page, 'Anregungen');
  await page.getByRole('searchbox', { name: 'Suche' }).fill(number);
  await expect(proposalRows(page)).toHaveCount(1);
  await expect(proposalRows(page).first()).toContainText(`übernommen in Maßnahme ${measureNumber}`);
  // The lab counts its Anregung.
  await openTab(page, 'Quartierslabore');
  const labRow = page
    .getByRole('table', { name: 'Quartierslabore mit Terminen, Teilnahme und Anregungen' })
    .getByRole('row', { name: /Nordmarkt-Werkstatt/ });
  await expect(labRow.getByRole('cell')).toHaveText(['Innenstadt-Nord', 'Nordmarkt', '12.03.2026', '1.000', '45', '1']);
});

// ------------------------------------------------------------------ (d)

withProposals(
  'Kontakt für Rückmeldung nur mit Einwilligung; die Liste zeigt nur, dass es einen Kontakt gibt',
  async ({ page, harness, storePath }) => {
    await openApp(page, harness);
    await openTab(page, 'Anregungen');
    await proposalsTable(page).getByRole('link', { name: 'A-2025-002', exact: true }).click();
    const editor = page.getByRole('form', { name: 'Anregung A-2025-002' });
    await expect(editor).toBeVisible();

    // Collapsed by default; nothing personal is loaded until it is opened.
    const summary = page.getByText('Kontakt für Rückmeldung (personenbezogen)', { exact: true });
    await expect(page.getByRole('textbox', { name: 'Name' })).toBeHidden();
    await summary.click();
    await expect(page.getByText(/Nur mit dokumentierter Einwilligung\..*wird nach der Rückmeldung gelöscht\./)).toBeVisible();
    const contact = page.getByRole('form', { name: 'Kontakt für Rückmeldung' });
    await contact.getByRole('textbox', { name: 'Name' }).fill('Erika Beispiel');
    await contact.getByRole('combobox', { name: 'Weg der Rückmeldung' }).selectOption({ label: 'E-Mail' });
    await contact.getByRole('textbox', { name: 'E-Mail-Adresse, Telefonnummer oder Anschrift' }).fill('erika.beispiel@example.org');
    await contact.getByRole('textbox', { name: 'Wie wurde eingewilligt?' }).fill('schriftlich auf dem Rückmeldebogen');
    await contact.getByRole('button', { name: 'Kontakt speichern' }).click();
    const consent = contact.getByRole('checkbox', { name: /Die Einwilligung zur Speicherung für die Rückmeldung liegt vor/ });
    await expectFieldError(consent, 'Ein Kontakt darf nur mit dokumentierter Einwilligung gespeichert werden.');
    expect((await stored(storePath)).contacts).toEqual([]);
    expect(await accessibilityViolations(page)).toEqual([]);

    await consent.check();
    await contact.getByRole('button', { name: 'Kontakt speichern' }).click();
    await expect(page.getByRole('status').filter({ hasText: /Kontakt zur Anregung .* gespeichert\./ })).toBeVisible();
    const contacts = (await stored(storePath)).contacts;
    expect(contacts).toEqual([
      expect.objectContaining({
        proposalId: 'p-A-2025-002',
        name: 'Erika Beispiel',
        channel: 'email',
        value: 'erika.beispiel@example.org',
        consentGiven: true,
      }),
    ]);
    // Stored apart: the Anregung itself carries no personal data.
    expect(JSON.stringify((await stored(storePath)).proposals)).not.toContain('Erika');

    await editor.getByRole('button', { name: 'Zurück zur Liste' }).first().click();
    await expect(proposalsTable(page)).toBeVisible();
    // The Kontakt column is the first to give way on a narrow window (until chosen under "Spalten …"); wide, it shows.
    await page.setViewportSize({ width: 1920, height: 1080 });
    const row = proposalRows(page).filter({ has: page.getByRole('link', { name: 'A-2025-002', exact: true }) });
    await expect(row.getByRole('cell').last()).toHaveText('ja');
    await expect(
      proposalRows(page)
        .filter({ has: page.getByRole('link', { name: 'A-2025-001', exact: true }) })
        .getByRole('cell')
        .last(),
    ).toHaveText('nein');
    await expect(page.getByText('Erika Beispiel')).toHaveCount(0);
    await expect(page.getByText('erika.beispiel@example.org')).toHaveCount(0);
  },
);

// ------------------------------------------------------------------ (e), overview

withProposals(
  'Anregungen filtern: Stadtbezirk und Suchtext grenzen die Liste ein; die Bezirksübersicht öffnet die gefilterte Liste',
  async ({ page, harness }) => {
    await openApp(page, harness);
    await openTab(page, 'Anregungen');
    await expect(countLine(page)).toHaveText('6 Anregungen');
    await expect(proposalRows(page)).toHaveCount(6);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('combobox', { name: 'Stadtbezirk' }).selectOption({ label: 'Innenstadt-Nord' });
    await expect(countLine(page)).toHaveText('3 von 6 Anregungen');
    await expect(proposalRows(page)).toHaveCount(3);
    await page.getByRole('searchbox', { name: 'Suche' }).fill('beleuchtung');
    await expect(countLine(page)).toHaveText('2 von 6 Anregungen');
    await expect(proposalRows(page).locator('td:first-child')).toHaveText(['A-2025-003', 'A-2025-001']);
    await page.getByRole('searchbox', { name: 'Suche' }).fill('beleuchtung unterführung');
    await expect(proposalRows(page).locator('td:first-child')).toHaveText(['A-2025-003']);
    await page.getByRole('button', { name: 'Filter zurücksetzen' }).click();
    await expect(countLine(page)).toHaveText('6 Anregungen');
    await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'in Prüfung' });
    await expect(proposalRows(page).locator('td:first-child')).toHaveText(['A-2025-002']);
    await page.getByRole('button', { name: 'Filter zurücksetzen' }).click();
    await page.getByRole('combobox', { name: 'Quelle' }).selectOption({ label: 'Eingabe nach § 24 GO NRW' });
    await expect(proposalRows(page).locator('td:first-child')).toHaveText(['A-2025-006']);
    await expect(proposalRows(page).first()).toContainText('offen');

    // The overview per district counts labs, sessions, attendance and Anregungen by state.
    await openTab(page, 'Quartierslabore');
    const overview = page.getByRole('table', { name: /Quartierslabore, Teilnahme und Anregungen je Stadtbezirk/ });
    const nord = overview.getByRole('row', { name: /^Innenstadt-Nord/ });
    // labs, sessions, invited, attending, Anregungen; eingegangen, in Prüfung, übernommen, erledigt, abgelehnt; Maßnahmen
    await expect(nord.getByRole('cell')).toHaveText([
      '1',
      '2',
      '2.000',
      '69',
      '3',
      '2',
      '1',
      '0',
      '0',
      '0',
      '0',
      'Anregungen anzeigen – Innenstadt-Nord',
    ]);
    await expect(
      overview
        .getByRole('row', { name: /^Summe/ })
        .getByRole('cell')
        .first(),
    ).toHaveText('2');
    await overview.getByRole('button', { name: 'Anregungen anzeigen – Hörde' }).click();
    await expect(page.getByRole('tab', { name: 'Anregungen', exact: true })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('combobox', { name: 'Stadtbezirk' }).locator('option:checked')).toHaveText('Hörde');
    await expect(countLine(page)).toHaveText('2 von 6 Anregungen');
    await expect(proposalRows(page).locator('td:first-child')).toHaveText(['A-2025-005', 'A-2025-004']);

    // The lab list: sums of its sessions and its Anregungen.
    await openTab(page, 'Quartierslabore');
    const labs = page.getByRole('table', { name: 'Quartierslabore mit Terminen, Teilnahme und Anregungen' });
    await expect(labs.getByRole('row', { name: /Labor Nordmarkt \(Test\)/ }).getByRole('cell')).toHaveText([
      'Innenstadt-Nord',
      'Nordmarkt',
      '2 (14.10.2025 – 20.11.2025)',
      '2.000',
      '69',
      '3',
    ]);
  },
);

withProposals('Quartierslabor mit Anregungen kann nicht in den Papierkorb', async ({ page, harness, storePath }) => {
  await openApp(page, harness);
  await openTab(page, 'Quartierslabore');
  await page.getByRole('link', { name: 'Labor Phoenix-See (Test)' }).click();
  const form = page.getByRole('form', { name: 'Quartierslabor „Labor Phoenix-See (Test)“' });
  await expect(form).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Anregungen aus dem Quartierslabor „Labor Phoenix-See (Test)“' }).getByRole('row'),
  ).toHaveCount(3);
  await form.getByRole('button', { name: 'In den Papierkorb …' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Quartierslabor in den Papierkorb legen' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'Das Quartierslabor kann nicht gelöscht werden: 2 Anregungen verweisen darauf.' }),
  ).toBeVisible();
  expect((await stored(storePath)).labs.find((l) => l.id === LAB_HOERDE.id)!.deletedAt).toBeNull();
});

// ------------------------------------------------------------------ (f)

withProposals(
  'Excel-Export der Anregungen: Kontaktdaten nur auf Wunsch (mit Hinweis), Datei neben dem Register',
  async ({ page, harness, dir }) => {
    await openApp(page, harness);
    await openTab(page, 'Anregungen');
    const personal = page.getByRole('checkbox', { name: 'Kontaktdaten (personenbezogen) einbeziehen' });
    await expect(personal).not.toBeChecked();
    await personal.check();
    await expect(page.getByText('Diese Wahl wird im Verlauf des Registers protokolliert.', { exact: false })).toBeVisible();
    await personal.uncheck();
    await expect(page.getByText('Diese Wahl wird im Verlauf des Registers protokolliert.', { exact: false })).toBeHidden();
    await page.getByRole('checkbox', { name: 'Datei nach dem Speichern öffnen' }).uncheck();

    await page.getByRole('button', { name: 'Excel exportieren …' }).click();
    const written = page.getByRole('status').filter({ hasText: 'Die Excel-Datei wurde gespeichert:' });
    await expect(written).toBeVisible();
    const file = (await written.textContent())!.replace(/^.*gespeichert: /, '').trim();
    expect(path.dirname(file)).toBe(dir);
    expect(file).toMatch(/\.xlsx$/);
    const bytes = await fs.readFile(file);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const workbook = XLSX.read(bytes, { type: 'buffer' });
    const cells = workbook.SheetNames.map((name) => XLSX.utils.sheet_to_csv(workbook.Sheets[name]!)).join('\n');
    for (const p of PROPOSALS) expect(cells).toContain(p.number);
    expect(harness.opened).toEqual([]);
  },
);

// ------------------------------------------------------------------ refusals of the service, read-only

withProposals(
  'Ablehnung ohne Begründung und Quartierslabor-Anregung ohne Labor werden am Feld abgelehnt',
  async ({ page, harness, storePath }) => {
    await openApp(page, harness);
    await openTab(page, 'Anregungen');
    await proposalsTable(page).getByRole('link', { name: 'A-2025-001', exact: true }).click();
    const editor = page.getByRole('form', { name: 'Anregung A-2025-001' });
    await editor.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'abgelehnt' });
    await editor.getByRole('combobox', { name: 'Quartierslabor' }).selectOption({ label: '– keine Angabe –' });
    await editor.getByRole('button', { name: 'Anregung speichern' }).first().click();
    await expectFieldError(
      editor.getByRole('textbox', { name: 'Begründung (Pflicht bei Ablehnung)' }),
      'Für eine Ablehnung ist eine Begründung erforderlich.',
    );
    await expectFieldError(
      editor.getByRole('combobox', { name: 'Quartierslabor' }),
      'Bitte das Quartierslabor angeben, aus dem die Anregung stammt.',
    );
    expect((await stored(storePath)).proposals.find((p) => p.number === 'A-2025-001')).toMatchObject({
      state: 'eingegangen',
      labId: LAB_NORD.id,
      version: 1,
    });

    await editor.getByRole('combobox', { name: 'Quartierslabor' }).selectOption({ label: LAB_NORD.name });
    await editor.getByRole('textbox', { name: 'Begründung (Pflicht bei Ablehnung)' }).fill('Der Weg liegt auf privatem Grund.');
    await editor.getByRole('textbox', { name: 'Text der Rückmeldung' }).fill('Vielen Dank; leider ist die Stadt hier nicht zuständig.');
    await editor.getByRole('textbox', { name: 'Rückmeldung gegeben am' }).fill('15.01.2026');
    await editor.getByRole('button', { name: 'Anregung speichern' }).first().click();
    await expect(page.getByRole('status').filter({ hasText: 'Anregung A-2025-001 wurde gespeichert.' })).toBeVisible();
    expect((await stored(storePath)).proposals.find((p) => p.number === 'A-2025-001')).toMatchObject({
      state: 'abgelehnt',
      stateReason: 'Der Weg liegt auf privatem Grund.',
      feedbackOn: '2026-01-15',
    });
    // A rejected Anregung can only go back to "in Prüfung".
    await expect(editor.getByRole('combobox', { name: 'Status' }).locator('option')).toHaveText(['abgelehnt', 'in Prüfung']);
  },
);

registerWith([...PROPOSALS, ANONYMISED])(
  'Anonymisierte Anregung ist nur lesbar und hat keinen Kontaktbereich',
  async ({ page, harness }) => {
    await openApp(page, harness);
    await openTab(page, 'Anregungen');
    await proposalsTable(page).getByRole('link', { name: 'A-2024-001', exact: true }).click();
    const editor = page.getByRole('form', { name: 'Anregung A-2024-001' });
    await expect(editor.getByText('Diese Anregung ist anonymisiert')).toBeVisible();
    await expect(editor.getByRole('textbox', { name: 'Text der Anregung' })).toBeDisabled();
    await expect(editor.getByRole('button', { name: 'Anregung speichern' }).first()).toBeDisabled();
    await expect(page.getByText('Kontakt für Rückmeldung (personenbezogen)')).toHaveCount(0);
  },
);
