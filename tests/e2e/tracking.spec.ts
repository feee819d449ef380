import { promises as fs } from 'node:fs';
import { E2E_USER_NAME } from '../harness/server';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Bridge } from '@shared/contract';
import { localDay } from '@shared/core/calendar';
import { contactSchema, proposalSchema } from '@shared/participation/labs';
import { bodyMemberSchema } from '@shared/participation/participation';
import { registerDocumentSchema } from '@shared/register/register';
import type { TrackedDecision, TrackedDecisionFields } from '@shared/participation/tracking';
import type { RegisterDocument } from '@shared/register/register';
import { halfYearOf, halfYearRange, isOverdue, trackingRows } from '@shared/participation/trackingReport';
import { accessibilityViolations, expect, openApp, test } from './fixtures';
import { readStore, writeSampleCopy, type StoredRegister, nav } from './helpers';

/** Beschlussverfolgung, half-yearly report, Datenschutz and the Papierkorb of Gremien & Beteiligung, end to end. */

type Stored = StoredRegister & {
  trackedDecisions: TrackedDecision[];
  contacts: { id: string }[];
  bodyMembers: { id: string; delegate: string; deputy: string; anonymisedAt: string | null }[];
  submissions: { id: string; subject: string }[];
  retention: { contactGraceDays: number; memberMonthsAfterTerm: number; proposalYearsAfterClosing: number };
};
const stored = async (storePath: string) => (await readStore(storePath)) as Stored;

const editor = (page: Page) => page.getByRole('form', { name: /^(Neuer Beschluss|Beschluss DS-Nr\.)/ });
const overdueRegion = (page: Page) => page.getByRole('region', { name: /^Überfällig \(\d+\)$/ });
const decisionTable = (page: Page) => page.getByRole('table', { name: 'Beschlüsse in der Beschlussverfolgung' });
const noViolations = async (page: Page, what: string) => expect(await accessibilityViolations(page), what).toEqual([]);

async function openTracking(page: Page): Promise<void> {
  await nav(page, 'Gremien & Beteiligung').click();
  await page.getByRole('tab', { name: 'Beschlussverfolgung' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Beschlussverfolgung' })).toBeVisible();
}

const DECISION: TrackedDecisionFields = {
  printNumber: '13579-24',
  bodyId: 'gremium-rat',
  decidedOn: '2024-03-12',
  kind: 'antrag',
  requestingGroup: 'CDU, SPD, Bündnis 90/Die Grünen',
  subject: 'Beleuchtung von Angsträumen prüfen',
  decisionText: 'Die Verwaltung wird beauftragt, die Beleuchtung an Angsträumen zu prüfen.',
  dueDate: '2024-09-30',
  responsibleOrgUnitId: 'ou-fb32',
  measureIds: [],
  state: 'in_bearbeitung',
  stateText: 'Begehungen laufen.',
};

/** Stores a decision through the bridge (as another window would); returns it as saved. */
async function saveThroughBridge(
  page: Page,
  request: { id: string | null; version: number | null; fields: TrackedDecisionFields },
): Promise<TrackedDecision> {
  const result = await page.evaluate((r) => (globalThis as unknown as { masterplan: Bridge }).masterplan.saveTrackedDecision(r), request);
  if (!result.ok) throw new Error(result.error.message);
  return result.value.value;
}

test('Beschluss mit abgelaufener Frist erfassen: überfällig, dann erledigt; in der Datei mit letzter Aktualisierung', async ({
  page,
  harness,
  storePath,
}) => {
  await openApp(page, harness);
  // The sample register has tracked decisions of its own, some of them overdue today.
  const sample = (await stored(storePath)).trackedDecisions.filter((d) => !d.deletedAt);
  const overdueBefore = sample.filter((d) => isOverdue(d, localDay())).length;
  await openTracking(page);
  await expect(overdueRegion(page)).toHaveAccessibleName(`Überfällig (${overdueBefore})`);
  await expect(page.getByRole('status').filter({ hasText: `${sample.length} Beschlüsse` })).toBeVisible();
  await page.getByRole('button', { name: 'Neuer Beschluss' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Neuer Beschluss' })).toBeVisible();
  const form = editor(page);

  // Saving the empty form names each missing field, in German, and writes nothing.
  const before = await fs.readFile(storePath);
  await form.getByRole('button', { name: 'Speichern' }).first().click();
  const summary = page.getByRole('alert').filter({ hasText: 'Felder müssen noch korrigiert werden' });
  await expect(summary).toContainText('Drucksache-Nr.: Die Drucksache-Nr. hat die Form 12345-18 oder 12345-18-E1.');
  await expect(summary).toContainText('Gremium: Bitte das Gremium angeben.');
  await expect(summary).toContainText('Datum des Beschlusses: Bitte das Datum des Beschlusses angeben.');
  await expect(summary).toContainText('Gegenstand: Bitte den Gegenstand angeben.');
  await expect(summary).toBeFocused();
  await summary.getByRole('link', { name: /^Gremium:/ }).click();
  await expect(form.getByRole('combobox', { name: 'Gremium' })).toBeFocused();
  expect((await fs.readFile(storePath)).equals(before)).toBe(true);

  await form.getByRole('textbox', { name: 'Drucksache-Nr.' }).fill('13579-24');
  await form.getByRole('combobox', { name: 'Gremium' }).selectOption({ label: 'Rat der Stadt' });
  await form.getByRole('textbox', { name: 'Datum des Beschlusses' }).fill('12.03.2024');
  await form.getByRole('combobox', { name: 'Art' }).selectOption({ label: 'Antrag' });
  await form.getByRole('textbox', { name: 'antragstellend' }).fill('CDU, SPD, Bündnis 90/Die Grünen');
  await form.getByRole('textbox', { name: 'Gegenstand' }).fill('Beleuchtung von Angsträumen prüfen');
  await form.getByRole('textbox', { name: 'Frist' }).fill('31.02.2024');
  await form.getByRole('combobox', { name: 'federführend' }).selectOption({ label: 'Ordnungsamt (FB 32)' });
  await form.getByLabel('Status', { exact: true }).selectOption({ label: 'in Bearbeitung' });
  await form.getByRole('textbox', { name: 'Aktueller Stand' }).fill('Begehungen in drei Stadtbezirken laufen.');
  await form.getByRole('searchbox', { name: 'Maßnahmen suchen' }).fill('Brückstraße');
  await form.getByRole('checkbox', { name: /HF2-01 Videobeobachtung Brückstraße/ }).check();
  await expect(form.getByRole('table', { name: 'Verknüpfte Maßnahmen (1)' })).toContainText('Videobeobachtung Brückstraße');

  // An impossible date is refused at its field; the rest of the input stays.
  await page.keyboard.press('Control+s');
  await expect(summary).toHaveCount(0);
  await expect(page.getByRole('alert').filter({ hasText: 'Ein Feld muss noch korrigiert werden' })).toContainText(
    'Frist: Bitte ein gültiges Datum im Format TT.MM.JJJJ eingeben.',
  );
  await expect(form.getByRole('textbox', { name: 'Frist' })).toHaveAttribute('aria-invalid', 'true');
  await noViolations(page, 'Beschluss mit Fehlern');
  await form.getByRole('textbox', { name: 'Frist' }).fill('30.09.2024');
  await page.keyboard.press('Control+s');
  await expect(page.getByRole('status').filter({ hasText: /Beschluss DS-Nr. .* gespeichert\./ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Beschluss DS-Nr. 13579-24' })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: /^\d{2}\.\d{2}\.\d{4}/ })).toContainText(
    localDay().split('-').reverse().join('.'),
  );

  let file = await stored(storePath);
  expect(file.trackedDecisions).toHaveLength(sample.length + 1);
  const hf201 = file.measures.find((m) => m.number === 'HF2-01')!;
  expect(file.trackedDecisions.find((d) => d.printNumber === '13579-24')).toMatchObject({
    printNumber: '13579-24',
    bodyId: 'gremium-rat',
    decidedOn: '2024-03-12',
    kind: 'antrag',
    dueDate: '2024-09-30',
    responsibleOrgUnitId: 'ou-fb32',
    measureIds: [hf201.id],
    state: 'in_bearbeitung',
    lastUpdateOn: localDay(),
    deletedAt: null,
  });

  // In the list: in the overdue section at the top, with the word "überfällig".
  await page.getByRole('button', { name: 'Zurück zur Beschlussverfolgung' }).first().click();
  await expect(overdueRegion(page)).toHaveAccessibleName(`Überfällig (${overdueBefore + 1})`);
  const overdueRow = overdueRegion(page).getByRole('row').filter({ hasText: '13579-24' });
  await expect(overdueRow).toContainText('30.09.2024 überfällig');
  await expect(overdueRow).toContainText('Ordnungsamt (FB 32)');
  const row = decisionTable(page).getByRole('row').filter({ hasText: '13579-24' });
  await expect(row).toContainText('Rat');
  await expect(row).toContainText('12.03.2024');
  await expect(row).toContainText('CDU, SPD, Bündnis 90/Die Grünen');
  await expect(row).toContainText('HF2-01');
  await expect(row).toContainText('überfällig');
  await expect(row).toContainText('in Bearbeitung');
  await noViolations(page, 'Beschlussverfolgung mit überfälligem Beschluss');

  // Filters: "nur überfällige" keeps it, a state it does not have hides it.
  await page.getByRole('checkbox', { name: 'nur überfällige' }).check();
  await expect(decisionTable(page).getByRole('row')).toHaveCount(overdueBefore + 2);
  await expect(page.getByRole('status').filter({ hasText: `${overdueBefore + 1} von ${sample.length + 1} Beschlüssen` })).toBeVisible();
  await page
    .getByRole('search', { name: 'Beschlüsse filtern' })
    .getByRole('combobox', { name: 'Status' })
    .selectOption({ label: 'erledigt' });
  await expect(page.getByText('Kein Beschluss passt zu den Filtern.')).toBeVisible();
  await page.getByRole('button', { name: 'Filter zurücksetzen' }).click();
  await page
    .getByRole('search', { name: 'Beschlüsse filtern' })
    .getByRole('combobox', { name: 'federführend' })
    .selectOption({ label: 'Ordnungsamt (FB 32)' });
  await page.getByRole('searchbox', { name: 'Suche' }).fill('angsträumen rat');
  await expect(decisionTable(page).getByRole('row')).toHaveCount(2);
  await page.getByRole('button', { name: 'Filter zurücksetzen' }).click();

  // Leaving with unsaved input asks first.
  await overdueRegion(page).getByRole('link', { name: 'Beleuchtung von Angsträumen prüfen' }).click();
  // The Verlauf (loaded when opened) shows the creation in words: the Frist as TT.MM.JJJJ, state and kind in German.
  const history = page.getByRole('table', { name: 'Änderungen an diesem Beschluss, neueste zuerst' });
  await expect(history).toHaveCount(0);
  await page
    .locator('summary')
    .filter({ hasText: /^Verlauf$/ })
    .click();
  const timestamp = /^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}$/;
  const historyRow = (label: string) =>
    history.getByRole('row').filter({ has: page.locator('td:nth-child(4)').getByText(label, { exact: true }) });
  await expect(history.getByRole('row').nth(1).getByRole('cell')).toHaveText([
    timestamp,
    E2E_USER_NAME,
    'angelegt',
    'Drucksache-Nr.',
    '(leer)',
    '13579-24',
  ]);
  await expect(historyRow('Frist').getByRole('cell')).toHaveText(['', '', '', 'Frist', '(leer)', '30.09.2024']);
  await expect(historyRow('Gremium').getByRole('cell').last()).toHaveText('Rat der Stadt');
  await expect(historyRow('Art').getByRole('cell').last()).toHaveText('Antrag');
  await expect(historyRow('federführend').getByRole('cell').last()).toHaveText('Ordnungsamt (FB 32)');
  await expect(historyRow('Verknüpfte Maßnahmen').getByRole('cell').last()).toHaveText('HF2-01');
  await expect(historyRow('Status').getByRole('cell').last()).toHaveText('in Bearbeitung');
  await form.getByLabel('Status', { exact: true }).selectOption({ label: 'erledigt' });
  await form.getByRole('textbox', { name: 'Aktueller Stand' }).fill('Beleuchtung an allen Orten verbessert.');
  await page.getByRole('button', { name: 'Zurück zur Beschlussverfolgung' }).first().click();
  const unsaved = page.getByRole('dialog', { name: 'Ungespeicherte Änderungen' });
  await unsaved.getByRole('button', { name: 'Weiter bearbeiten' }).click();
  await expect(form.getByLabel('Status', { exact: true })).toHaveValue('erledigt');
  await form.getByRole('button', { name: 'Speichern' }).first().click();
  await expect(page.getByRole('status').filter({ hasText: /Beschluss DS-Nr. .* gespeichert\./ })).toBeVisible();
  // The open Verlauf follows the save: the state change in German words, by whom.
  await expect(history.getByRole('row').nth(1).getByRole('cell')).toHaveText([
    timestamp,
    E2E_USER_NAME,
    'geändert',
    'Status',
    'in Bearbeitung',
    'erledigt',
  ]);
  await expect(history.getByRole('row').nth(2).getByRole('cell')).toHaveText([
    '',
    '',
    '',
    'Aktueller Stand',
    'Begehungen in drei Stadtbezirken laufen.',
    'Beleuchtung an allen Orten verbessert.',
  ]);
  await noViolations(page, 'Beschluss mit geöffnetem Verlauf');

  await page.getByRole('button', { name: 'Zurück zur Beschlussverfolgung' }).first().click();
  await expect(overdueRegion(page)).toHaveAccessibleName(`Überfällig (${overdueBefore})`);
  await expect(overdueRegion(page)).not.toContainText('13579-24');
  await expect(row).toContainText('erledigt');
  await expect(row).toContainText('Beleuchtung an allen Orten verbessert.');
  await expect(row).not.toContainText('überfällig');
  file = await stored(storePath);
  expect(file.trackedDecisions.find((d) => d.printNumber === '13579-24')).toMatchObject({
    state: 'erledigt',
    stateText: 'Beleuchtung an allen Orten verbessert.',
    lastUpdateOn: localDay(),
    version: 2,
  });
});

test('Halbjahresbericht: Excel-Tabelle neben dem Register, Mitteilung als Ratsvorlage', async ({ page, harness, dir, storePath }) => {
  await openApp(page, harness);
  await saveThroughBridge(page, { id: null, version: null, fields: DECISION });
  await openTracking(page);
  const current = halfYearRange(halfYearOf(localDay())).label;
  const period = page.getByRole('combobox', { name: 'Berichtshalbjahr' });
  await expect(period.locator('option:checked')).toHaveText(current);
  // The same rows as the report: everything open, plus what was finished within the half-year.
  const inPeriod = trackingRows((await readStore(storePath)) as unknown as RegisterDocument, localDay(), halfYearOf(localDay()));
  expect(inPeriod.map((r) => r.printNumber)).toContain('13579-24');
  await expect(page.getByText(`${inPeriod.length} Beschlüsse im ${current}`)).toBeVisible();

  await page.getByRole('checkbox', { name: 'Nach dem Export öffnen' }).uncheck();
  await page.getByRole('button', { name: 'Excel exportieren …' }).click();
  const written = page.getByRole('status').filter({ hasText: /^Erledigt: Gespeichert unter / });
  await expect(written).toBeVisible();
  const files = (await fs.readdir(dir)).filter((f) => f.endsWith('.xlsx'));
  expect(files).toHaveLength(1);
  await expect(written).toContainText(path.join(dir, files[0]!));
  expect((await fs.readFile(path.join(dir, files[0]!))).subarray(0, 2).toString()).toBe('PK');
  expect(harness.opened).toEqual([]);

  await page.getByRole('button', { name: 'Mitteilung entwerfen' }).click();
  const submissionForm = page.getByRole('form', { name: 'Vorlage bearbeiten' });
  await expect(submissionForm).toBeVisible();
  await expect(submissionForm.getByRole('textbox', { name: 'Betreff' })).toHaveValue(new RegExp(current));
  const submissions = (await stored(storePath)).submissions.filter((s) => s.subject.includes(current));
  expect(submissions).toHaveLength(1);
});

test('Datenschutz: nur Lesen im zweiten Fenster; fällige Kontakte und Delegiertennamen löschen bzw. anonymisieren; Fristen ändern', async ({
  page,
  storePath,
  startExtraHarness,
}) => {
  const at = '2024-01-15T09:00:00.000Z';
  const proposal = proposalSchema.parse({
    id: 'anregung-e2e-1',
    version: 1,
    createdAt: at,
    updatedAt: at,
    stateChangedAt: '2024-06-01T09:00:00.000Z',
    deletedAt: null,
    anonymisedAt: null,
    number: 'A-2024-001',
    source: 'eingabe',
    labId: null,
    meetingId: null,
    receivedOn: '2024-01-15',
    text: 'Mehr Licht im Umfeld des Nordmarkts.',
    category: 'Beleuchtung',
    district: 'IN',
    area: 'Umfeld Nordmarkt',
    assignedOrgUnitId: 'ou-fb32',
    state: 'erledigt',
    stateReason: '',
    measureId: null,
    feedbackText: 'Die Beleuchtung wurde verbessert.',
    feedbackOn: '2024-06-01',
  });
  const contact = contactSchema.parse({
    id: 'kontakt-e2e-1',
    proposalId: proposal.id,
    name: 'Erika Mustermann',
    channel: 'email',
    value: 'erika.mustermann@example.org',
    consentGiven: true,
    consentOn: '2024-01-15',
    consentNote: 'schriftlich auf dem Rückmeldebogen',
    createdAt: at,
    updatedAt: at,
  });
  const member = (id: string, delegate: string, deputy: string, termEnd: string | null) =>
    bodyMemberSchema.parse({
      id,
      bodyId: 'gremium-vollversammlung',
      organisation: termEnd ? 'Cityring Dortmund' : 'Polizeipräsidium Dortmund',
      orgUnitId: null,
      delegate,
      deputy,
      role: 'mitglied',
      termStart: '2020-11-01',
      termEnd,
      note: '',
      version: 1,
      createdAt: at,
      updatedAt: at,
      anonymisedAt: null,
    });
  const patch = {
    proposals: [proposal],
    contacts: [contact],
    bodyMembers: [
      member('mitglied-e2e-1', 'Max Beispielmann', 'Petra Vertretung', '2023-10-31'),
      member('mitglied-e2e-2', 'Bleibt Sichtbar', '', null),
    ],
  };
  const written = await writeSampleCopy(storePath, patch as Partial<StoredRegister>);
  expect(registerDocumentSchema.safeParse(written).success).toBe(true);

  const h = await startExtraHarness();
  // A second window opened read-only (by the user's choice: several windows may write since Mehrplatzbetrieb)
  // shows what is due, but changes nothing.
  const second = await startExtraHarness();
  await second.session.open(storePath, 'none', true);
  await openApp(page, second);
  await nav(page, 'Datenschutz').click();
  await expect(
    page.getByText('Das Register ist nur zum Lesen geöffnet: Fristen, Löschungen und Anonymisierungen sind hier nicht möglich.'),
  ).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Fällige Einträge (2)' }).getByRole('checkbox', { name: 'Kontakt zur Anregung A-2024-001 auswählen' }),
  ).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Ausgewählte löschen bzw. anonymisieren …' })).toBeDisabled();
  await expect(page.getByRole('textbox', { name: 'Kontakte für Rückmeldungen löschen nach' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Fristen speichern' })).toBeDisabled();

  await openApp(page, h);
  await nav(page, 'Datenschutz').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Datenschutz' })).toBeVisible();
  await expect(page.getByText('Gespeichert ist 1 Kontakt für Rückmeldungen.')).toBeVisible();
  await expect(page.getByText(/dem Stadtarchiv anzubieten/)).toBeVisible();
  const table = page.getByRole('table', { name: 'Fällige Einträge (2)' });
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('row').nth(1)).toHaveText(
    /Kontakt für Rückmeldung\s*Kontakt zur Anregung A-2024-001\s*30\.08\.2024\s*löschen/,
  );
  await expect(table.getByRole('row').nth(2)).toHaveText(
    /Namen von Delegierten\s*VollV: Delegierte von Cityring Dortmund\s*31\.10\.2024\s*anonymisieren/,
  );
  // The view lists what is due, never the personal data itself.
  await expect(page.getByText('Erika Mustermann')).toHaveCount(0);
  await expect(page.getByText('Max Beispielmann')).toHaveCount(0);
  await noViolations(page, 'Datenschutz mit fälligen Einträgen');

  const apply = page.getByRole('button', { name: 'Ausgewählte löschen bzw. anonymisieren …' });
  await expect(apply).toBeDisabled();
  await table.getByRole('checkbox', { name: 'Alle auswählen' }).check();
  await expect(page.getByRole('status').filter({ hasText: '2 von 2 ausgewählt' })).toBeVisible();
  await apply.click();
  const dialog = page.getByRole('dialog', { name: 'Löschen und anonymisieren' });
  await expect(dialog).toHaveAccessibleDescription(
    '1 Kontakt wird gelöscht und 1 Eintrag wird anonymisiert. Das kann nicht rückgängig gemacht werden.',
  );
  const before = await fs.readFile(storePath);
  await dialog.getByRole('button', { name: 'Abbrechen' }).click();
  expect((await fs.readFile(storePath)).equals(before)).toBe(true);
  await apply.click();
  await dialog.getByRole('button', { name: 'Endgültig löschen bzw. anonymisieren' }).click();
  await expect(page.getByRole('status').filter({ hasText: '1 Kontakt gelöscht, 1 Eintrag anonymisiert.' })).toBeVisible();
  await expect(page.getByText('Zurzeit ist nichts zu löschen oder zu anonymisieren.')).toBeVisible();
  await expect(page.getByText('Es sind keine Kontakte für Rückmeldungen gespeichert.')).toBeVisible();

  const raw = await fs.readFile(storePath, 'utf8');
  for (const gone of ['Erika Mustermann', 'erika.mustermann@example.org', 'Max Beispielmann', 'Petra Vertretung'])
    expect(raw).not.toContain(gone);
  let file = JSON.parse(raw) as Stored;
  expect(file.contacts).toEqual([]);
  expect(file.bodyMembers.find((m) => m.id === 'mitglied-e2e-1')).toMatchObject({
    delegate: '[anonymisiert]',
    deputy: '[anonymisiert]',
    anonymisedAt: expect.any(String),
  });
  expect(file.bodyMembers.find((m) => m.id === 'mitglied-e2e-2')).toMatchObject({ delegate: 'Bleibt Sichtbar', anonymisedAt: null });
  expect(file.audit.filter((a) => a.entityId === 'kontakt-e2e-1').map((a) => a.action)).toEqual(['delete']);
  expect(file.audit.filter((a) => a.entityId === 'mitglied-e2e-1').map((a) => a.action)).toEqual(['anonymise']);

  // Retention periods: a wrong entry is named at its field, a right one is saved and audited.
  const grace = page.getByRole('textbox', { name: 'Kontakte für Rückmeldungen löschen nach' });
  await expect(grace).toHaveValue('90');
  await grace.fill('viele');
  await page.getByRole('button', { name: 'Fristen speichern' }).click();
  await expect(page.getByText('Fehler: Bitte eine ganze Zahl von 0 bis 3.650 eingeben.')).toBeVisible();
  await expect(grace).toBeFocused();
  await grace.fill('30');
  await page.getByRole('textbox', { name: 'Namen von Delegierten anonymisieren nach' }).fill('6');
  await page.getByRole('button', { name: 'Fristen speichern' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Die Aufbewahrungsfristen wurden gespeichert.' })).toBeVisible();
  file = await stored(storePath);
  expect(file.retention).toEqual({ contactGraceDays: 30, memberMonthsAfterTerm: 6, proposalYearsAfterClosing: 5 });
  expect(file.audit.at(-1)).toMatchObject({
    entityType: 'retention',
    action: 'update',
    changes: [
      { field: 'contactGraceDays', old: 90, new: 30 },
      { field: 'memberMonthsAfterTerm', old: 12, new: 6 },
    ],
  });
  await noViolations(page, 'Datenschutz nach dem Löschen');
});

test('Beschluss: Versionskonflikt, Papierkorb mit Rückfrage und Wiederherstellen, barrierefrei', async ({ page, harness, storePath }) => {
  await openApp(page, harness);
  const saved = await saveThroughBridge(page, { id: null, version: null, fields: DECISION });
  await openTracking(page);
  await decisionTable(page).getByRole('link', { name: 'Beleuchtung von Angsträumen prüfen' }).click();
  const form = editor(page);
  await expect(form.getByRole('textbox', { name: 'Gegenstand' })).toHaveValue('Beleuchtung von Angsträumen prüfen');
  await noViolations(page, 'Beschluss bearbeiten');

  // Someone else saves meanwhile: this window's save is refused, the input stays until reloaded.
  await saveThroughBridge(page, { id: saved.id, version: saved.version, fields: { ...DECISION, stateText: 'Anderswo geändert.' } });
  await form.getByRole('textbox', { name: 'Aktueller Stand' }).fill('Hier geändert.');
  await form.getByRole('button', { name: 'Speichern' }).first().click();
  await expect(page.getByRole('alert').filter({ hasText: 'Der Eintrag wurde inzwischen geändert.' })).toBeVisible();
  await expect(form.getByRole('textbox', { name: 'Aktueller Stand' })).toHaveValue('Hier geändert.');
  await page.getByRole('button', { name: 'Gespeicherten Stand laden (Eingaben verwerfen)' }).click();
  await expect(form.getByRole('textbox', { name: 'Aktueller Stand' })).toHaveValue('Anderswo geändert.');

  await form.getByRole('button', { name: 'In den Papierkorb …' }).click();
  const dialog = page.getByRole('dialog', { name: 'In den Papierkorb' });
  await expect(dialog).toHaveAccessibleDescription(
    'Beschluss DS-Nr. 13579-24 „Beleuchtung von Angsträumen prüfen“ in den Papierkorb legen? Er kann dort wiederhergestellt werden.',
  );
  await dialog.getByRole('button', { name: 'In den Papierkorb' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Beschlussverfolgung' })).toBeVisible();
  await expect(decisionTable(page)).toBeVisible();
  await expect(decisionTable(page)).not.toContainText('13579-24');
  expect((await stored(storePath)).trackedDecisions.find((d) => d.id === saved.id)!.deletedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);

  await nav(page, 'Papierkorb').click();
  const group = page.getByRole('region', { name: 'Beschlüsse (Beschlussverfolgung) (1)' });
  await expect(group.getByRole('table', { name: 'Beschlüsse (Beschlussverfolgung) im Papierkorb' })).toContainText(
    'Rat, 12.03.2024, in Bearbeitung',
  );
  await expect(page.getByText('Der Papierkorb ist leer.')).toHaveCount(0);
  await noViolations(page, 'Papierkorb mit Beschluss');
  await group.getByRole('button', { name: 'Beschluss DS-Nr. 13579-24 „Beleuchtung von Angsträumen prüfen“ wiederherstellen' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Beschluss DS-Nr. 13579-24 „Beleuchtung von Angsträumen prüfen“ wurde wiederhergestellt.' }),
  ).toBeVisible();
  await expect(page.getByText('Der Papierkorb ist leer.')).toBeVisible();
  expect((await stored(storePath)).trackedDecisions.find((d) => d.id === saved.id)!.deletedAt).toBeNull();

  await openTracking(page);
  await expect(decisionTable(page).getByRole('row').filter({ hasText: '13579-24' })).toBeVisible();
  await expect(overdueRegion(page).getByRole('row').filter({ hasText: '13579-24' })).toContainText('überfällig');
  await noViolations(page, 'Beschlussverfolgung');
  await page.getByRole('button', { name: 'Neuer Beschluss' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Neuer Beschluss' })).toBeVisible();
  await noViolations(page, 'Neuer Beschluss');
});
