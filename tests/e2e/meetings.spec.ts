import { promises as fs } from 'node:fs';
import { E2E_USER_NAME } from '../harness/server';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import mammoth from 'mammoth';
import { accessibilityViolations, expect, openApp, test } from './fixtures';
import { nav } from './helpers';

/**
 * Gremien & Beteiligung: members of the Vollversammlung, a session from the standard TOPs to the
 * Niederschrift, a recommendation made at a TOP, the Word documents of a session, the field-level German
 * errors, and axe on every screen. The register file on disk is the proof that work was saved.
 */

interface StoredMeeting {
  id: string;
  bodyId: string;
  number: string;
  date: string;
  startTime: string | null;
  endTime: string | null;
  place: string;
  attendance: { members: number | null; guests: number | null; organisations: string[] };
  agenda: {
    id: string;
    number: string;
    title: string;
    kind: string;
    isPublic: boolean;
    measureIds: string[];
    minutes: string;
    result: string;
  }[];
  deletedAt: string | null;
}
interface StoredParticipation {
  bodyMembers: {
    id: string;
    bodyId: string;
    organisation: string;
    delegate: string;
    deputy: string;
    role: string;
    termStart: string | null;
    termEnd: string | null;
  }[];
  meetings: StoredMeeting[];
  recommendations: {
    id: string;
    number: string;
    bodyId: string;
    meetingId: string | null;
    agendaItemId: string | null;
    date: string;
    addressee: string;
    addresseeBodyId: string | null;
    title: string;
    state: string;
  }[];
}

const VV = 'Vollversammlung Masterplan Kommunale Sicherheit';
const MEASURE = { id: 'm-hf1-02', number: 'HF1-02', title: 'Präventionsrat Hörde' };

async function stored(storePath: string): Promise<StoredParticipation> {
  return JSON.parse(await fs.readFile(storePath, 'utf8')) as StoredParticipation;
}

const topGroup = (page: Page, number: string) => page.getByRole('group', { name: new RegExp(`^TOP ${number.replace('.', '\\.')}(:|$)`) });
const minutesOf = (page: Page, number: string) => page.getByRole('region', { name: new RegExp(`^TOP ${number.replace('.', '\\.')}(:|$)`) });

async function openTab(page: Page, tab: 'Gremien' | 'Sitzungen' | 'Empfehlungen'): Promise<void> {
  await nav(page, 'Gremien & Beteiligung').click();
  await page.getByRole('tab', { name: tab, exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: tab, exact: true })).toBeVisible();
}

/** A new Vollversammlung session with date, times and place; the standard TOPs come pre-filled. */
async function startSession(page: Page, options: { number?: string; date?: string } = {}): Promise<void> {
  await openTab(page, 'Sitzungen');
  await page.getByRole('button', { name: 'Neue Sitzung' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Neue Sitzung' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Gremium' })).toHaveValue('gremium-vollversammlung');
  if (options.number) await page.getByRole('textbox', { name: 'Sitzung', exact: true }).fill(options.number);
  await page.getByRole('textbox', { name: 'Datum', exact: true }).fill(options.date ?? '12.03.2026');
  await page.getByRole('textbox', { name: 'Beginn', exact: true }).fill('16:00');
  await page.getByRole('textbox', { name: 'Ende', exact: true }).fill('18:30');
  await page.getByRole('textbox', { name: 'Ort', exact: true }).fill('Rathaus, Saal Westfalia');
}

/** Adds a TOP (it gets the next number) with a subject; returns its group. */
async function addTop(page: Page, title: string, number: string): Promise<Locator> {
  await page.getByRole('button', { name: 'TOP hinzufügen' }).click();
  const group = topGroup(page, number);
  await expect(group.getByRole('textbox', { name: 'Gegenstand' })).toBeFocused();
  await group.getByRole('textbox', { name: 'Gegenstand' }).fill(title);
  return topGroup(page, number);
}

async function saveSession(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sitzung speichern' }).first().click();
  await expect(page.getByRole('status').filter({ hasText: /Sitzung .*gespeichert\./ })).toBeVisible();
}

test('Sitzung der Vollversammlung: Regularien vorbelegt, TOP mit Maßnahme, Anwesenheit, Niederschrift – gespeichert und nach Neuladen da', async ({
  page,
  harness,
  storePath,
}) => {
  await openApp(page, harness);
  await startSession(page);
  // The sample holds the 1st and 2nd session of the Vollversammlung: the next number is suggested.
  await expect(page.getByRole('textbox', { name: 'Sitzung', exact: true })).toHaveValue('3. Sitzung');
  // Dortmund's opening items are there, numbered 1–4.
  await expect(topGroup(page, '1')).toHaveAccessibleName('TOP 1: Benennung eines Mitglieds zur Mitunterzeichnung der Niederschrift');
  await expect(topGroup(page, '2')).toHaveAccessibleName('TOP 2: Hinweis auf das Mitwirkungsverbot gem. §§ 31 und 43 Abs. 2 GO NRW');
  await expect(topGroup(page, '3')).toHaveAccessibleName('TOP 3: Feststellung der Tagesordnung');
  await expect(topGroup(page, '4')).toHaveAccessibleName('TOP 4: Genehmigung der Niederschrift über die letzte Sitzung');

  const top5 = await addTop(page, 'Sachstand Präventionsrat Hörde', '5');
  await top5.getByRole('button', { name: 'Maßnahmen auswählen … (TOP 5)' }).click();
  await expect(top5.getByRole('searchbox', { name: 'Maßnahmen suchen' })).toBeFocused();
  await page.keyboard.type(MEASURE.number);
  await top5.getByRole('checkbox', { name: `${MEASURE.number} ${MEASURE.title}` }).check();
  await top5.getByRole('button', { name: 'Auswahl schließen' }).click();
  await expect(top5.getByRole('list', { name: 'Verknüpfte Maßnahmen' })).toContainText(`${MEASURE.number} ${MEASURE.title}`);

  await page.getByRole('textbox', { name: 'Anwesende Mitglieder (Anzahl)' }).fill('24');
  await page.getByRole('textbox', { name: 'Gäste und Verwaltung (Anzahl)' }).fill('6');
  await page.getByRole('button', { name: 'Organisation hinzufügen' }).click();
  await expect(page.getByRole('textbox', { name: 'Organisation 1' })).toBeFocused();
  await page.keyboard.type('Polizeipräsidium Dortmund');

  const minutes = minutesOf(page, '5');
  await minutes
    .getByRole('textbox', { name: 'Verlauf (Niederschrift)' })
    .fill('Die Geschäftsführung berichtet über die ersten Sitzungen des Präventionsrats.');
  await minutes.getByRole('textbox', { name: 'Ergebnis', exact: true }).fill('Einstimmig zur Kenntnis genommen.');
  await saveSession(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`3. Sitzung – ${VV}`);

  // On disk, at once.
  const doc = await stored(storePath);
  expect(doc.meetings).toHaveLength(3);
  const meeting = doc.meetings.find((m) => m.number === '3. Sitzung')!;
  expect(meeting).toMatchObject({
    bodyId: 'gremium-vollversammlung',
    date: '2026-03-12',
    startTime: '16:00',
    endTime: '18:30',
    place: 'Rathaus, Saal Westfalia',
    attendance: { members: 24, guests: 6, organisations: ['Polizeipräsidium Dortmund'] },
  });
  expect(meeting.agenda.map((a) => [a.number, a.kind])).toEqual([
    ['1', 'standard'],
    ['2', 'standard'],
    ['3', 'standard'],
    ['4', 'standard'],
    ['5', 'sache'],
  ]);
  expect(meeting.agenda[4]).toMatchObject({
    title: 'Sachstand Präventionsrat Hörde',
    isPublic: true,
    measureIds: [MEASURE.id],
    minutes: 'Die Geschäftsführung berichtet über die ersten Sitzungen des Präventionsrats.',
    result: 'Einstimmig zur Kenntnis genommen.',
  });

  // A fresh start of the app shows it in the list; the row opens by keyboard.
  await openApp(page, harness);
  await openTab(page, 'Sitzungen');
  // Newest first: the 2nd session (December 2026), this one, the 1st (November 2025).
  const rows = page.getByRole('table', { name: 'Sitzungen, neueste zuerst' }).getByRole('row');
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(1)).toContainText('2. Sitzung');
  await expect(rows.nth(3)).toContainText('1. Sitzung');
  const row = rows.nth(2);
  await expect(row).toContainText(VV);
  await expect(row).toContainText('12.03.2026');
  await expect(row).toContainText('16:00–18:30 Uhr');
  await expect(row).toContainText('Rathaus, Saal Westfalia');
  await expect(row.getByRole('cell').nth(5)).toHaveText('5');
  await expect(row).toContainText('geplant');
  await row.getByRole('link', { name: /^3\. Sitzung/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`3. Sitzung – ${VV}`);
  await expect(page.getByRole('textbox', { name: 'Datum', exact: true })).toHaveValue('12.03.2026');
  await expect(page.getByRole('textbox', { name: 'Anwesende Mitglieder (Anzahl)' })).toHaveValue('24');
  await expect(page.getByRole('textbox', { name: 'Organisation 1' })).toHaveValue('Polizeipräsidium Dortmund');
  await expect(topGroup(page, '5').getByRole('list', { name: 'Verknüpfte Maßnahmen' })).toContainText(MEASURE.title);
  await expect(minutesOf(page, '5').getByRole('textbox', { name: 'Ergebnis', exact: true })).toHaveValue(
    'Einstimmig zur Kenntnis genommen.',
  );

  // The Verlauf (loaded when opened) tells the creation in words: body by name, date as TT.MM.JJJJ, agenda
  // and attendance summed up – never as JSON.
  const history = page.getByRole('table', { name: 'Änderungen an dieser Sitzung, neueste zuerst' });
  await expect(history).toHaveCount(0);
  await page
    .locator('summary')
    .filter({ hasText: /^Verlauf$/ })
    .click();
  const newValue = (label: string) =>
    history
      .getByRole('row')
      .filter({ has: page.locator('td:nth-child(4)').getByText(label, { exact: true }) })
      .getByRole('cell')
      .nth(5);
  await expect(history.getByRole('row').nth(1).getByRole('cell')).toHaveText([
    /^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}$/,
    E2E_USER_NAME,
    'angelegt',
    'Gremium',
    '(leer)',
    VV,
  ]);
  await expect(newValue('Datum')).toHaveText('12.03.2026');
  await expect(newValue('Beginn')).toHaveText('16:00 Uhr');
  await expect(newValue('Status')).toHaveText('geplant');
  await expect(newValue('Anwesenheit')).toHaveText('24 Mitglieder, 6 Gäste, 1 Organisation');
  await expect(newValue('Tagesordnung')).toHaveText('5 Tagesordnungspunkte');

  // A TOP more and one retitled: the open Verlauf follows the save and names the TOPs.
  await addTop(page, 'Verschiedenes', '6');
  await topGroup(page, '5').getByRole('textbox', { name: 'Gegenstand' }).fill('Sachstand Präventionsrat Hörde und Phoenix-See');
  await saveSession(page);
  await expect(history.getByRole('row').nth(1).getByRole('cell')).toHaveText([
    /^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}$/,
    E2E_USER_NAME,
    'geändert',
    'Tagesordnung',
    '5 Tagesordnungspunkte',
    '6 Tagesordnungspunkte – neu: TOP 6; geändert: TOP 5',
  ]);
  await expect(history).not.toContainText('{');
  await expect(history).not.toContainText('"');
  expect(await accessibilityViolations(page)).toEqual([]);
});

test('Empfehlung zu einem TOP anlegen: vorbelegt mit Sitzung, TOP, Gremium und Datum, danach im Reiter Empfehlungen', async ({
  page,
  harness,
  storePath,
}) => {
  await openApp(page, harness);
  await startSession(page);
  await addTop(page, 'Beleuchtung von Angsträumen', '5');
  // The session is not saved yet: creating the recommendation saves it first.
  await minutesOf(page, '5').getByRole('button', { name: 'Empfehlung zu diesem TOP anlegen (TOP 5)' }).click();
  const form = page.getByRole('form', { name: 'Neue Empfehlung' });
  await expect(form).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Die Sitzung wurde zuerst gespeichert' })).toBeVisible();
  await expect(form.getByRole('textbox', { name: 'Nummer', exact: true })).toBeFocused();
  await expect(form.getByRole('textbox', { name: 'Nummer', exact: true })).toHaveValue('E-2026-01');
  await expect(form.getByRole('combobox', { name: 'Gremium' })).toHaveValue('gremium-vollversammlung');
  await expect(form.getByRole('combobox', { name: 'Sitzung' }).locator('option:checked')).toHaveText('3. Sitzung vom 12.03.2026');
  await expect(form.getByRole('combobox', { name: 'TOP' }).locator('option:checked')).toHaveText('TOP 5: Beleuchtung von Angsträumen');
  await expect(form.getByRole('textbox', { name: 'Datum', exact: true })).toHaveValue('12.03.2026');

  await form.getByRole('combobox', { name: 'Empfehlung an' }).selectOption({ label: 'Ausschuss' });
  await form
    .getByRole('combobox', { name: 'Ausschuss' })
    .selectOption({ label: 'Ausschuss für Bürgerdienste, öffentliche Ordnung, Anregungen und Beschwerden' });
  await form.getByRole('textbox', { name: 'Titel', exact: true }).fill('Beleuchtung im Umfeld Nordmarkt verbessern');
  await form
    .getByRole('textbox', { name: 'Wortlaut der Empfehlung' })
    .fill('Die Vollversammlung empfiehlt dem Ausschuss, die Beleuchtung am Nordmarkt zu prüfen.');
  await form.getByRole('button', { name: 'Empfehlung speichern' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Empfehlung „E-2026-01“ gespeichert.' })).toBeVisible();
  await expect(form).toHaveCount(0);
  await expect(minutesOf(page, '5').getByRole('listitem')).toHaveText('E-2026-01 Beleuchtung im Umfeld Nordmarkt verbessern (offen)');
  await expect(minutesOf(page, '5').getByRole('button', { name: 'Empfehlung zu diesem TOP anlegen (TOP 5)' })).toBeFocused();

  const doc = await stored(storePath);
  const meeting = doc.meetings.find((m) => m.number === '3. Sitzung')!;
  expect(doc.recommendations.filter((r) => r.meetingId === meeting.id)).toEqual([
    expect.objectContaining({
      number: 'E-2026-01',
      bodyId: 'gremium-vollversammlung',
      meetingId: meeting.id,
      agendaItemId: meeting.agenda[4]!.id,
      date: '2026-03-12',
      addressee: 'ausschuss',
      addresseeBodyId: 'gremium-aboeab',
      state: 'offen',
    }),
  ]);

  // The TOP with a recommendation cannot be removed (the link would dangle).
  await topGroup(page, '5').getByRole('button', { name: 'TOP 5 entfernen' }).click();
  await expect(page.getByRole('dialog')).toContainText('TOP 5 kann nicht entfernt werden: 1 Empfehlung verweist darauf.');
  await page.getByRole('dialog').getByRole('button').click();
  await expect(topGroup(page, '5')).toBeVisible();

  await openTab(page, 'Empfehlungen');
  const row = page.getByRole('table', { name: 'Empfehlungen' }).getByRole('row').nth(1);
  await expect(row.getByRole('rowheader')).toHaveText('E-2026-01');
  await expect(row).toContainText('12.03.2026');
  await expect(row).toContainText('VollV, 3. Sitzung, TOP 5');
  await expect(row).toContainText('Ausschuss: ABÖAB');
  await expect(row).toContainText('Beleuchtung im Umfeld Nordmarkt verbessern');
  await expect(row).toContainText('offen');

  // What became of it: edit state and handling in the tab; the next number is suggested for a new one.
  await row.getByRole('button', { name: 'Empfehlung E-2026-01 bearbeiten' }).click();
  const edit = page.getByRole('form', { name: 'Empfehlung E-2026-01 bearbeiten' });
  await edit.getByRole('combobox', { name: 'Status', exact: true }).selectOption({ label: 'in Bearbeitung' });
  await edit.getByRole('textbox', { name: 'Was daraus wurde' }).fill('Prüfauftrag an das Tiefbauamt; Bericht im Ausschuss im Juni.');
  await edit.getByRole('button', { name: 'Empfehlung speichern' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Empfehlung „E-2026-01“ gespeichert.' })).toBeVisible();
  await expect(row).toContainText('in Bearbeitung');
  await expect(row).toContainText('Prüfauftrag an das Tiefbauamt');
  await expect(row.getByRole('button', { name: 'Empfehlung E-2026-01 bearbeiten' })).toBeFocused();
  // The sample's recommendations went to a committee and the administration, none to the council.
  await page.getByRole('combobox', { name: 'an', exact: true }).selectOption({ label: 'Rat' });
  await expect(page.getByText('Keine Empfehlung passt zu Suche und Filtern.')).toBeVisible();
  await page.getByRole('button', { name: 'Filter zurücksetzen' }).click();
  await page.getByRole('button', { name: 'Neue Empfehlung' }).click();
  await expect(page.getByRole('form', { name: 'Neue Empfehlung' }).getByRole('textbox', { name: 'Nummer', exact: true })).toHaveValue(
    /^E-\d{4}-\d{2}$/,
  );
  expect((await stored(storePath)).recommendations.find((r) => r.number === 'E-2026-01')).toMatchObject({ state: 'in_bearbeitung' });
});

test('Mitglieder der Vollversammlung: hinzufügen, bearbeiten, ehemalige getrennt, löschen; Organisationen als Schnellauswahl in der Sitzung', async ({
  page,
  harness,
  storePath,
}) => {
  await openApp(page, harness);
  await openTab(page, 'Gremien');
  const members = page.getByRole('region', { name: `Mitglieder: ${VV}` });
  await expect(members).toBeVisible();
  await expect(
    members.getByText(/Ihre Namen werden nach Ende der Amtszeit und Ablauf der Aufbewahrungsfrist \(12 Monate\) entfernt/).first(),
  ).toBeVisible();
  const current = members.getByRole('table', { name: 'Aktuelle Mitglieder' });
  const former = members.getByRole('table', { name: 'Ehemalige Mitglieder (Amtszeit beendet)' });
  // The sample: eleven serving organisations and the Jugendring, whose term ended in 2024.
  await expect(current.getByRole('row')).toHaveCount(12);
  await expect(former.getByRole('row').filter({ hasText: 'Jugendring Dortmund' })).toContainText('ehemalig');
  await expect(page.getByRole('button', { name: `Mitglieder (12): ${VV}` })).toHaveAttribute('aria-pressed', 'true');
  const sampleCount = (await stored(storePath)).bodyMembers.length;

  await members.getByRole('button', { name: 'Mitglied hinzufügen' }).click();
  const form = members.getByRole('form', { name: 'Neues Mitglied' });
  await expect(form.getByRole('textbox', { name: 'Organisation', exact: true })).toBeFocused();
  await form.getByRole('combobox', { name: 'Organisationseinheit (optional)' }).selectOption({ label: 'Ordnungsamt (FB 32)' });
  await expect(form.getByRole('textbox', { name: 'Organisation', exact: true })).toHaveValue('Ordnungsamt (FB 32)');
  await form.getByRole('textbox', { name: 'Delegierte/r' }).fill('Erika Beispiel');
  await form.getByRole('combobox', { name: 'Funktion' }).selectOption({ label: 'Beratendes Mitglied' });
  await form.getByRole('textbox', { name: 'Amtszeit ab' }).fill('01.01.2025');
  await form.getByRole('button', { name: 'Mitglied speichern' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Mitglied „Ordnungsamt (FB 32)“ gespeichert.' })).toBeVisible();
  const row = current.getByRole('row').filter({ hasText: 'Ordnungsamt (FB 32)' });
  await expect(row).toContainText('Erika Beispiel');
  await expect(row).toContainText('Beratendes Mitglied');
  await expect(row).toContainText('seit 01.01.2025');
  await expect(row).toContainText('aktuell');
  await expect(row.getByRole('button', { name: 'Mitglied Ordnungsamt (FB 32) bearbeiten' })).toBeFocused();
  await expect(page.getByRole('button', { name: `Mitglieder (13): ${VV}` })).toBeVisible();

  await members.getByRole('button', { name: 'Mitglied hinzufügen' }).click();
  await expect(form.getByRole('textbox', { name: 'Organisation', exact: true })).toBeFocused();
  await page.keyboard.type('Stadtsportbund Dortmund');
  await form.getByRole('textbox', { name: 'Delegierte/r' }).fill('Max Muster');
  await form.getByRole('textbox', { name: 'Amtszeit ab' }).fill('01.11.2020');
  await form.getByRole('textbox', { name: 'Amtszeit bis' }).fill('31.10.2019');
  await form.getByRole('button', { name: 'Mitglied speichern' }).click();
  // The end before the start is refused at the field, in German; nothing is written.
  const end = form.getByRole('textbox', { name: 'Amtszeit bis' });
  await expect(end).toHaveAttribute('aria-invalid', 'true');
  await expect(end).toHaveAccessibleDescription(
    'TT.MM.JJJJ – auch 1.6.27, 2027-06-01, heute oder +14 Fehler: Das Ende liegt vor dem Beginn.',
  );
  await expect(end).toBeFocused();
  expect((await stored(storePath)).bodyMembers).toHaveLength(sampleCount + 1);
  await end.fill('31.10.2025');
  await form.getByRole('button', { name: 'Mitglied speichern' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Mitglied „Stadtsportbund Dortmund“ gespeichert.' })).toBeVisible();
  // The term ended: listed with the former members, by text.
  const sportRow = former.getByRole('row').filter({ hasText: 'Stadtsportbund Dortmund' });
  await expect(sportRow).toContainText('ehemalig');
  await expect(sportRow).toContainText('01.11.2020 – 31.10.2025');

  // Edit: a deputy is added and the member serves again (term open).
  await sportRow.getByRole('button', { name: 'Mitglied Stadtsportbund Dortmund bearbeiten' }).click();
  const editForm = members.getByRole('form', { name: 'Mitglied „Stadtsportbund Dortmund“ bearbeiten' });
  await editForm.getByRole('textbox', { name: 'Stellvertretung' }).fill('Sabine Beispiel');
  await editForm.getByRole('textbox', { name: 'Amtszeit bis' }).fill('');
  await editForm.getByRole('button', { name: 'Mitglied speichern' }).click();
  await expect(current.getByRole('row').filter({ hasText: 'Stadtsportbund Dortmund' })).toContainText('Sabine Beispiel');
  await expect(former.getByRole('row').filter({ hasText: 'Stadtsportbund Dortmund' })).toHaveCount(0);
  const mine = (await stored(storePath)).bodyMembers.filter(
    (m) => ['Ordnungsamt (FB 32)', 'Stadtsportbund Dortmund'].includes(m.organisation) && m.bodyId === 'gremium-vollversammlung',
  );
  expect(mine.map((m) => [m.organisation, m.delegate, m.deputy, m.role, m.termStart, m.termEnd]).sort()).toEqual([
    ['Ordnungsamt (FB 32)', 'Erika Beispiel', '', 'beratend', '2025-01-01', null],
    ['Stadtsportbund Dortmund', 'Max Muster', 'Sabine Beispiel', 'mitglied', '2020-11-01', null],
  ]);

  // A session of the Vollversammlung offers the serving members' organisations (never names) as quick picks.
  await startSession(page);
  await page.getByRole('button', { name: 'Stadtsportbund Dortmund als anwesend eintragen' }).click();
  await expect(page.getByRole('textbox', { name: 'Organisation 1' })).toHaveValue('Stadtsportbund Dortmund');
  await expect(page.getByRole('button', { name: 'Stadtsportbund Dortmund als anwesend eintragen' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Jugendring Dortmund als anwesend eintragen' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Alle Mitgliedsorganisationen eintragen' }).click();
  const attendance = page.getByRole('region', { name: 'Anwesenheit' });
  await expect(attendance.getByRole('textbox', { name: /^Organisation \d+$/ })).toHaveCount(13);
  await expect(attendance.getByRole('textbox', { name: 'Organisation 13' })).toHaveValue('Ordnungsamt (FB 32)');
  await expect(attendance).not.toContainText('Erika Beispiel');
  await page.getByRole('button', { name: 'Zurück zur Liste' }).first().click();
  await expect(page.getByRole('dialog', { name: 'Ungespeicherte Änderungen' })).toBeVisible();
  await page.getByRole('button', { name: 'Änderungen verwerfen' }).click();

  // Delete asks first; the entry is gone from list and file.
  await openTab(page, 'Gremien');
  await members.getByRole('button', { name: 'Mitglied Stadtsportbund Dortmund löschen' }).click();
  await expect(page.getByRole('dialog', { name: 'Mitglied löschen' })).toContainText('„Stadtsportbund Dortmund“');
  await page.getByRole('dialog').getByRole('button', { name: 'Mitglied löschen' }).click();
  await expect(members.getByRole('status').filter({ hasText: 'Mitglied gelöscht.' })).toBeVisible();
  await expect(members.getByRole('row').filter({ hasText: 'Stadtsportbund Dortmund' })).toHaveCount(0);
  await expect(members.getByRole('button', { name: 'Mitglied hinzufügen' })).toBeFocused();
  expect((await stored(storePath)).bodyMembers.map((m) => m.organisation)).not.toContain('Stadtsportbund Dortmund');
  expect((await stored(storePath)).bodyMembers).toHaveLength(sampleCount + 1);
});

test('Einladung und Niederschrift als Word-Dateien im Exportordner', async ({ page, harness, storePath }) => {
  await openApp(page, harness);
  await startSession(page);
  await addTop(page, 'Sachstand Quartierslabore', '5');
  await minutesOf(page, '5').getByRole('textbox', { name: 'Ergebnis', exact: true }).fill('Zur Kenntnis genommen.');
  await saveSession(page);

  const exported = async (button: string): Promise<string> => {
    await page.getByRole('button', { name: button, exact: true }).click();
    const notice = page.getByRole('status').filter({ hasText: 'Gespeichert unter' });
    await expect(notice).toBeVisible();
    const file = (await notice.locator('.path').textContent())!.trim();
    expect(file.endsWith('.docx')).toBe(true);
    expect(path.dirname(file)).toBe(path.dirname(storePath));
    const bytes = await fs.readFile(file);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    return file;
  };
  const invitation = await exported('Einladung (Word)');
  // A session still "geplant" has no minutes: refused in German, nothing written.
  await page.getByRole('button', { name: 'Niederschrift (Word) und öffnen', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Die Sitzung am 12.03.2026 hat noch nicht stattgefunden (Stand „geplant“).');
  expect(harness.opened).toEqual([]);
  await page.getByRole('combobox', { name: 'Status', exact: true }).selectOption({ label: 'durchgeführt' });
  await saveSession(page);
  const minutes = await exported('Niederschrift (Word) und öffnen');
  expect(invitation).not.toBe(minutes);
  expect(harness.opened).toEqual([minutes]);
});

test('Niederschrift abschließen: Unterschriften in Namensteilen, Rückfrage (axe), danach festgehalten, gesperrt und ohne ENTWURF', async ({
  page,
  harness,
  storePath,
}) => {
  await openApp(page, harness);
  await startSession(page, { number: '7. Sitzung' });
  await addTop(page, 'Sachstand Nordmarkt', '5');
  const person = (name: string) => page.getByRole('group', { name, exact: true });
  await person('Vorsitz').getByRole('textbox', { name: 'Titel' }).fill('Dr.');
  await person('Vorsitz').getByRole('textbox', { name: 'Vorname' }).fill('Marion');
  await person('Vorsitz').getByRole('textbox', { name: 'Nachname' }).fill('Beispiel');
  await person('Schriftführung').getByRole('textbox', { name: 'Vorname' }).fill('Sabine');
  await person('Schriftführung').getByRole('textbox', { name: 'Nachname' }).fill('Probst');
  await page.getByRole('button', { name: 'Person zur Mitunterzeichnung hinzufügen' }).click();
  await expect(person('Mitunterzeichnung 1').getByRole('textbox', { name: 'Vorname' })).toBeFocused();
  await page.keyboard.type('Peter');
  await person('Mitunterzeichnung 1').getByRole('textbox', { name: 'Nachname' }).fill('Hartmann');
  // "abgeschlossen" is not offered: only finalising sets it.
  const state = page.getByRole('combobox', { name: 'Status', exact: true });
  await expect(state.getByRole('option')).toHaveText(['geplant', 'eingeladen', 'durchgeführt']);
  await state.selectOption({ label: 'durchgeführt' });
  await saveSession(page);
  expect(await accessibilityViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Niederschrift abschließen …' }).click();
  const dialog = page.getByRole('dialog', { name: 'Niederschrift abschließen' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Niederschrift der Sitzung „7. Sitzung');
  expect(await accessibilityViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Abschließen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Niederschrift abgeschlossen.' })).toBeVisible();
  await expect(page.getByText(/Die Niederschrift ist am \d\d\.\d\d\.\d{4} von .+ abgeschlossen worden\./)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Niederschrift abschließen …' })).toHaveCount(0);
  await expect(person('Vorsitz').getByRole('textbox', { name: 'Nachname' })).toBeDisabled();
  await expect(state).toBeDisabled();
  expect(await accessibilityViolations(page)).toEqual([]);

  const saved = (await stored(storePath)).meetings.find((m) => m.number === '7. Sitzung') as StoredMeeting & {
    state: string;
    chair: unknown;
    coSigners: unknown;
    minutesRecord: { finalisedAt: string } | null;
  };
  expect(saved.state).toBe('abgeschlossen');
  expect(saved.chair).toEqual({ title: 'Dr.', given: 'Marion', family: 'Beispiel' });
  expect(saved.coSigners).toEqual([{ title: '', given: 'Peter', family: 'Hartmann' }]);
  expect(saved.minutesRecord).not.toBeNull();

  await page.getByRole('button', { name: 'Niederschrift (Word)', exact: true }).click();
  const notice = page.getByRole('status').filter({ hasText: 'Gespeichert unter' });
  await expect(notice).toBeVisible();
  const text = (await mammoth.extractRawText({ path: (await notice.locator('.path').textContent())!.trim() })).value;
  expect(text).toMatch(/Dr\. Marion Beispiel\s+Vorsitz/);
  expect(text).toMatch(/Peter Hartmann\s+Mitunterzeichnung/);
  expect(text).not.toContain('Beispiel, Marion');
  expect(text).toContain('Abgeschlossen am');
  expect(text).not.toContain('Entwurf:');
});

test('Prüfungen mit deutschen Meldungen am Feld: doppelte TOP-Nummer, Ende vor Beginn, vergebene Sitzungsnummer; Tagesordnung ordnen; Löschen', async ({
  page,
  harness,
  storePath,
}) => {
  await openApp(page, harness);
  const sampleMeetings = (await stored(storePath)).meetings.length;
  await startSession(page);
  await page.getByRole('textbox', { name: 'Beginn', exact: true }).fill('18:00');
  await page.getByRole('textbox', { name: 'Ende', exact: true }).fill('16:00');
  await topGroup(page, '2').getByRole('textbox', { name: 'Nummer', exact: true }).fill('1');
  await page.getByRole('button', { name: 'Sitzung speichern' }).first().click();

  const summary = page.getByRole('alert').filter({ hasText: 'Bitte 2 Angaben prüfen:' });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: 'Ende: Das Ende liegt vor dem Beginn.' })).toBeVisible();
  await expect(summary.getByRole('link', { name: 'TOP 1: Nummer: Die TOP-Nummer „1“ kommt mehrfach vor.' })).toBeVisible();
  const end = page.getByRole('textbox', { name: 'Ende', exact: true });
  await expect(end).toHaveAttribute('aria-invalid', 'true');
  await expect(end).toHaveAccessibleDescription('HH:MM Fehler: Das Ende liegt vor dem Beginn.');
  // The second item numbered "1" carries the error (its group is now "TOP 1: Hinweis …").
  const duplicate = page
    .getByRole('group', { name: /^TOP 1: Hinweis auf das Mitwirkungsverbot/ })
    .getByRole('textbox', { name: 'Nummer', exact: true });
  await expect(duplicate).toHaveAttribute('aria-invalid', 'true');
  await expect(duplicate).toHaveAccessibleDescription(/Fehler: Die TOP-Nummer „1“ kommt mehrfach vor\./);
  await summary.getByRole('link', { name: /^TOP 1: Nummer/ }).click();
  await expect(duplicate).toBeFocused();
  expect((await stored(storePath)).meetings).toHaveLength(sampleMeetings);

  // Fixed; the order is changed with buttons and renumbered.
  await duplicate.fill('2');
  await end.fill('19:00');
  const top5 = await addTop(page, 'Bericht aus den Quartierslaboren', '5');
  await top5.getByRole('button', { name: 'TOP 5 nach oben verschieben' }).click();
  await expect(page.getByRole('button', { name: 'TOP 5 nach oben verschieben' })).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'TOP 5 steht jetzt an Position 4.' })).toBeAttached();
  await page.getByRole('button', { name: 'Neu nummerieren' }).click();
  await expect(page.getByRole('group', { name: /^TOP \d/ }).nth(3)).toHaveAccessibleName('TOP 4: Bericht aus den Quartierslaboren');
  await expect(topGroup(page, '5')).toHaveAccessibleName('TOP 5: Genehmigung der Niederschrift über die letzte Sitzung');
  await saveSession(page);
  const saved = (await stored(storePath)).meetings.find((m) => m.number === '3. Sitzung')!;
  expect(saved.agenda.map((a) => `${a.number} ${a.title}`).slice(3)).toEqual([
    '4 Bericht aus den Quartierslaboren',
    '5 Genehmigung der Niederschrift über die letzte Sitzung',
  ]);

  // The same number twice for one body is refused by the register, at the field; the input stays.
  const number = page.getByRole('textbox', { name: 'Sitzung', exact: true });
  await number.fill('1. Sitzung');
  await page.getByRole('button', { name: 'Sitzung speichern' }).first().click();
  await expect(number).toHaveAttribute('aria-invalid', 'true');
  await expect(number).toHaveAccessibleDescription(/Fehler: Die Sitzung „1\. Sitzung“ gibt es für dieses Gremium bereits\./);
  await expect(number).toHaveValue('1. Sitzung');
  expect((await stored(storePath)).meetings.map((m) => m.number).sort()).toEqual(['1. Sitzung', '2. Sitzung', '3. Sitzung']);

  // The 1st session's Niederschrift is finalised: a record, shown but not changed or deleted; the notice says why.
  // (A session that recommendations refer to is not deleted either: meetings.test.ts, through the service.)
  await page.getByRole('button', { name: 'Zurück zur Liste' }).first().click();
  await page.getByRole('button', { name: 'Änderungen verwerfen' }).click();
  await page.getByRole('link', { name: /^1\. Sitzung/ }).click();
  await expect(page.getByText('Die Niederschrift ist am 20.11.2025 von Sicherheitskoordination abgeschlossen worden.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sitzung löschen' })).toBeDisabled();
  await page.getByRole('button', { name: 'Zurück zur Liste' }).first().click();

  // Without references it goes to the Papierkorb of the list, from where it comes back.
  await page.getByRole('link', { name: /^3\. Sitzung/ }).click();
  await page.getByRole('button', { name: 'Sitzung löschen' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Sitzung löschen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Sitzung „3. Sitzung vom 12.03.2026“ in den Papierkorb gelegt.' })).toBeVisible();
  await expect(page.getByRole('link', { name: /^3\. Sitzung/ })).toHaveCount(0);
  expect((await stored(storePath)).meetings.find((m) => m.number === '3. Sitzung')!.deletedAt).not.toBeNull();
  await page.getByRole('button', { name: 'Sitzung 3. Sitzung vom 12.03.2026 wiederherstellen' }).click();
  await expect(page.getByRole('link', { name: /^3\. Sitzung/ })).toBeVisible();
  expect((await stored(storePath)).meetings.find((m) => m.number === '3. Sitzung')!.deletedAt).toBeNull();
});

test('Versionskonflikt: eine inzwischen anderswo gespeicherte Sitzung wird gemeldet, die Eingaben bleiben; gespeicherter Stand ladbar', async ({
  page,
  harness,
  storePath,
}) => {
  await openApp(page, harness);
  await openTab(page, 'Sitzungen');
  await page.getByRole('link', { name: /^2\. Sitzung/ }).click();
  await expect(page.getByRole('textbox', { name: 'Ort', exact: true })).not.toHaveValue('');
  await page.getByRole('textbox', { name: 'Ort', exact: true }).fill('Dietrich-Keuning-Haus');
  // Meanwhile another window saves the same session (through the same contract).
  await page.evaluate(async () => {
    const bridge = (
      globalThis as unknown as { masterplan: Record<string, (r: unknown) => Promise<{ ok: boolean; value: Record<string, unknown> }>> }
    ).masterplan;
    const current = (await bridge.getMeeting!({ id: 'sitzung-vollv-2' })).value;
    const { id, version, createdAt: _c, updatedAt: _u, deletedAt: _d, minutesRecord: _r, ...fields } = current;
    await bridge.saveMeeting!({ id, version, fields: { ...fields, place: 'Rathaus, Bürgersaal' } });
  });
  await page.getByRole('button', { name: 'Sitzung speichern' }).first().click();
  await expect(page.getByRole('alert')).toContainText('Der Eintrag wurde inzwischen geändert.');
  await expect(page.getByRole('textbox', { name: 'Ort', exact: true })).toHaveValue('Dietrich-Keuning-Haus');
  expect((await stored(storePath)).meetings.find((m) => m.id === 'sitzung-vollv-2')!.place).toBe('Rathaus, Bürgersaal');
  await page.getByRole('button', { name: 'Gespeicherten Stand laden' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Gespeicherten Stand laden' }).click();
  await expect(page.getByRole('textbox', { name: 'Ort', exact: true })).toHaveValue('Rathaus, Bürgersaal');
  await page.getByRole('textbox', { name: 'Ort', exact: true }).fill('Dietrich-Keuning-Haus');
  await saveSession(page);
  expect((await stored(storePath)).meetings.find((m) => m.id === 'sitzung-vollv-2')!.place).toBe('Dietrich-Keuning-Haus');
});

test('Barrierefreiheit (axe): Gremien, Sitzungen (Liste und Editor), Empfehlungen', async ({ page, harness }) => {
  const check = async (what: string) => expect(await accessibilityViolations(page), what).toEqual([]);
  await openApp(page, harness);
  await openTab(page, 'Gremien');
  await check('Gremien');
  await page.getByRole('button', { name: 'Mitglied hinzufügen' }).click();
  await page.getByRole('button', { name: 'Mitglied speichern' }).click();
  await expect(page.getByRole('textbox', { name: 'Organisation', exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('textbox', { name: 'Organisation', exact: true })).toBeFocused();
  await check('Mitglied mit Fehler');
  await page.keyboard.type('Stadtsportbund Dortmund');
  await page.getByRole('button', { name: 'Mitglied speichern' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Mitglied „Stadtsportbund Dortmund“ gespeichert.' })).toBeVisible();
  await check('Gremien mit Mitglied');

  await openTab(page, 'Sitzungen');
  await check('Sitzungen');
  await startSession(page);
  const top5 = await addTop(page, 'Sachstand', '5');
  await top5.getByRole('button', { name: 'Maßnahmen auswählen … (TOP 5)' }).click();
  await top5.getByRole('checkbox').first().check();
  await page.getByRole('button', { name: 'Organisation hinzufügen' }).click();
  await check('Sitzung neu, Auswahl offen');
  await page.getByRole('textbox', { name: 'Ende', exact: true }).fill('25:00');
  await page.getByRole('button', { name: 'Sitzung speichern' }).first().click();
  await expect(page.getByRole('alert').filter({ hasText: 'Bitte' })).toBeVisible();
  await check('Sitzung mit Fehlern');
  await page.getByRole('textbox', { name: 'Ende', exact: true }).fill('18:00');
  await page.getByRole('textbox', { name: 'Organisation 1' }).fill('Cityring Dortmund');
  await saveSession(page);
  await minutesOf(page, '5').getByRole('button', { name: 'Empfehlung zu diesem TOP anlegen (TOP 5)' }).click();
  await expect(page.getByRole('form', { name: 'Neue Empfehlung' })).toBeVisible();
  await check('Sitzung mit Empfehlungsformular');
  await page
    .getByRole('form', { name: 'Neue Empfehlung' })
    .getByRole('textbox', { name: 'Titel', exact: true })
    .fill('Mehr Präsenz am Hauptbahnhof');
  await page
    .getByRole('form', { name: 'Neue Empfehlung' })
    .getByRole('textbox', { name: 'Wortlaut der Empfehlung' })
    .fill('Die Vollversammlung empfiehlt mehr Präsenz.');
  await page.getByRole('form', { name: 'Neue Empfehlung' }).getByRole('button', { name: 'Empfehlung speichern' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Empfehlung „E-2026-01“ gespeichert.' })).toBeVisible();

  await page.getByRole('button', { name: 'Zurück zur Liste' }).first().click();
  await expect(page.getByRole('table', { name: 'Sitzungen, neueste zuerst' })).toBeVisible();
  await check('Sitzungen mit neuer Sitzung');
  await openTab(page, 'Empfehlungen');
  await expect(page.getByRole('table', { name: 'Empfehlungen' })).toBeVisible();
  await check('Empfehlungen');
  await page.getByRole('button', { name: 'Neue Empfehlung' }).click();
  await page
    .getByRole('form', { name: 'Neue Empfehlung' })
    .getByRole('combobox', { name: 'Empfehlung an' })
    .selectOption({ label: 'Ausschuss' });
  await page.getByRole('form', { name: 'Neue Empfehlung' }).getByRole('button', { name: 'Empfehlung speichern' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Bitte' })).toBeVisible();
  await check('Empfehlung mit Fehlern');
  // Esc closes the form (after asking, since input was made) and the focus returns to "Neue Empfehlung".
  await page.getByRole('form', { name: 'Neue Empfehlung' }).getByRole('textbox', { name: 'Titel', exact: true }).focus();
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').getByRole('button', { name: 'Änderungen verwerfen' }).click();
  await expect(page.getByRole('button', { name: 'Neue Empfehlung' })).toBeFocused();
});
