import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { accessibilityViolations, expect, openApp, test } from './fixtures';
import { readStore, nav } from './helpers';

/**
 * Offline review end to end with two app instances: the clerk's (a harness on the register) creates a
 * package; the reviewer's (a second harness started in review mode on that file, as a double-click on the
 * .mpreview does) comments, proposes a change, approves and returns it; the clerk reads it back, sees
 * the thread at the measure, replies, resolves, and undoes the import as a whole.
 */

const saved = (page: Page) => page.getByRole('status').filter({ hasText: /^Gespeichert um \d\d:\d\d$/ });

interface StoredReviews {
  reviews: {
    packages: { id: string; reviewer: string }[];
    comments: { kind: string; text: string; outcome: string | null; resolvedAt: string | null; parentId: string | null }[];
    votes: { vote: string }[];
    imports: { undoneAt: string | null }[];
  };
  measures: { number: string; title: string; version: number }[];
  audit: { action: string; reviewPackageId?: string }[];
}

const TITLE = 'Videobeobachtung Brückstraße';
const PROPOSED = 'Videobeobachtung Brückstraße und Umfeld';

test('Prüfpaket erstellen, im Prüfmodus prüfen, zurückgeben, einlesen und rückgängig machen', async ({ page, dir, startExtraHarness }) => {
  const check = async (what: string) => expect(await accessibilityViolations(page), what).toEqual([]);
  let packagePath = '';
  const clerk = await startExtraHarness({ exportDir: path.join(dir, 'ausgang'), pickReviewPackage: () => packagePath });
  const storePath = path.join(dir, 'register.json');

  // 1. The clerk creates a package with two measures.
  await openApp(page, clerk);
  await nav(page, 'Prüfungen').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Prüfungen' })).toBeVisible();
  await expect(page.getByText('Es wurden noch keine Prüfpakete erstellt.')).toBeVisible();
  await page.getByRole('button', { name: 'Neues Prüfpaket …' }).click();
  const form = page.getByRole('form', { name: 'Neues Prüfpaket' });
  await form.getByRole('button', { name: 'Prüfpaket speichern …' }).click();
  await expect(form.getByRole('alert')).toContainText('Bitte den Namen der prüfenden Person eingeben.');
  await check('Neues Prüfpaket mit Fehlern');
  await form.getByRole('textbox', { name: 'Prüfer/in (Name)' }).fill('Dr. Petra Beispiel');
  await form.getByRole('textbox', { name: 'fällig am' }).fill('31.12.2030');
  await form
    .getByRole('textbox', { name: 'Nachricht an die prüfende Person (optional)' })
    .fill('Bitte vor der Sitzung des Lenkungskreises prüfen.');
  await form.getByRole('checkbox', { name: `HF2-01 ${TITLE}` }).check();
  await form.getByRole('checkbox', { name: /^HF1-02 / }).check();
  await expect(form.getByRole('status')).toHaveText('2 Einträge ausgewählt');
  await form.getByRole('button', { name: 'Prüfpaket speichern …' }).click();
  const created = page.getByRole('status').filter({ hasText: 'Das Prüfpaket für Dr. Petra Beispiel wurde gespeichert' });
  await expect(created).toBeVisible();
  const files = await fs.readdir(path.join(dir, 'ausgang'));
  expect(files).toEqual([expect.stringMatching(/^Pruefpaket_Dr._Petra_Beispiel_\d{4}-\d{2}-\d{2}\.mpreview$/)]);
  packagePath = path.join(dir, 'ausgang', files[0]!);
  await expect(page.getByRole('table', { name: 'Versandte Prüfpakete' })).toContainText('versandt, noch nicht zurück');
  await check('Prüfungen mit versandtem Paket');
  expect(((await readStore(storePath)) as unknown as StoredReviews).reviews.packages).toHaveLength(1);

  // 2. The reviewer's instance opens the package in review mode (no register there).
  const reviewer = await startExtraHarness({ storePath: path.join(dir, 'prueferin', 'register.json'), reviewPackage: packagePath });
  await page.goto(reviewer.url);
  await expect(page.getByText('Prüfexemplar – fällig am 31.12.2030')).toBeVisible();
  await expect(page.getByText('Prüfer/in: Dr. Petra Beispiel')).toBeVisible();
  const items = page.getByRole('navigation', { name: 'Einträge im Prüfpaket' });
  await items.getByRole('button', { name: new RegExp(TITLE) }).click();
  await expect(page.getByRole('heading', { level: 1, name: `HF2-01 ${TITLE}` })).toBeVisible();
  await check('Prüfmodus');

  // A comment on the field "Titel", a proposal for it, and the vote.
  const titleActions = page.getByRole('group', { name: 'Aktionen zu „Titel“' });
  await titleActions.getByRole('button', { name: 'Kommentieren' }).click();
  await page.getByRole('textbox', { name: 'Kommentar zu „Titel“' }).fill('Der Titel sollte das Umfeld nennen.');
  await page.getByRole('form', { name: 'Kommentar zu „Titel“' }).getByRole('button', { name: 'Kommentar speichern' }).click();
  await expect(saved(page)).toBeVisible();
  await titleActions.getByRole('button', { name: 'Änderung vorschlagen' }).click();
  const proposal = page.getByRole('form', { name: 'Vorschlag für „Titel“' });
  await proposal.getByRole('textbox', { name: 'Vorschlag für „Titel“' }).fill(PROPOSED);
  await check('Prüfmodus mit Vorschlagsformular');
  await proposal.getByRole('button', { name: 'Vorschlag speichern' }).click();
  await expect(page.getByText(`Vorgeschlagen: ${PROPOSED}`)).toBeVisible();
  await page.getByRole('radio', { name: 'freigegeben' }).check();
  await page.getByRole('textbox', { name: 'Begründung' }).fill('Fachlich abgestimmt.');
  await page.getByRole('button', { name: 'Votum speichern' }).click();
  await expect(page.getByText('Ihr Votum: freigegeben')).toBeVisible();
  await check('Prüfmodus mit Anmerkungen');

  // The work is in the package file and survives closing the window.
  await page.reload();
  await items.getByRole('button', { name: new RegExp(TITLE) }).click();
  await expect(page.getByText('Ihr Votum: freigegeben')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Ihre Anmerkungen zu diesem Eintrag' }).getByRole('listitem')).toHaveCount(3);

  // "Prüfung abschließen" makes it the returned package.
  await page.getByRole('button', { name: 'Prüfung abschließen …' }).click();
  await page.getByRole('dialog', { name: 'Prüfung abschließen' }).getByRole('button', { name: 'Prüfung abschließen' }).click();
  await expect(page.getByText(/Die Prüfung wurde am .* abgeschlossen/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Votum speichern' })).toHaveCount(0);
  await check('Prüfmodus abgeschlossen');
  const returned = JSON.parse(await fs.readFile(packagePath, 'utf8')) as { state: string; entries: unknown[] };
  expect(returned.state).toBe('returned');
  expect(returned.entries).toHaveLength(3);

  // 3. Back at the clerk's: read the returned package, preview, apply.
  await openApp(page, clerk);
  await nav(page, 'Prüfungen').click();
  await page.getByRole('button', { name: 'Rückläufer einlesen …' }).click();
  const preview = page.getByRole('region', { name: 'Vorschau: Prüfung durch Dr. Petra Beispiel' });
  const table = preview.getByRole('table', { name: 'Alle Anmerkungen im Paket und was beim Übernehmen geschieht' });
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(table).toContainText('wird als Kommentar übernommen');
  await expect(table).toContainText('Eintrag unverändert – Vorschlag kann übernommen werden');
  await expect(table).toContainText('Votum wird übernommen');
  await expect(table).toContainText(PROPOSED);
  await expect(table.getByRole('radio', { name: 'übernehmen', exact: true })).toBeChecked();
  await check('Vorschau des Rücklaufs');
  await preview.getByRole('button', { name: 'Übernehmen' }).click();
  await expect(page.getByRole('status').filter({ hasText: '3 von 3 Anmerkungen wurden übernommen' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Versandte Prüfpakete' })).toContainText('zurück, eingelesen am');
  await check('Prüfungen mit eingelesenem Paket');
  let stored = (await readStore(storePath)) as unknown as StoredReviews;
  expect(stored.measures.find((m) => m.number === 'HF2-01')!.title).toBe(PROPOSED);
  expect(stored.reviews.votes.map((v) => v.vote)).toEqual(['freigegeben']);
  expect(stored.reviews.comments.map((c) => [c.kind, c.outcome])).toEqual([
    ['comment', null],
    ['suggestion', 'applied'],
  ]);
  expect(stored.audit.filter((a) => a.reviewPackageId === stored.reviews.packages[0]!.id).map((a) => a.action)).toEqual([
    'create',
    'comment',
    'vote',
    'update',
    'import',
  ]);

  // Reading it a second time changes nothing.
  await page.getByRole('button', { name: 'Rückläufer einlesen …' }).click();
  await expect(page.getByText(/Dieses Prüfpaket wurde bereits am .* eingelesen/)).toBeVisible();
  await page.getByRole('button', { name: 'Übernehmen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Das Paket war bereits eingelesen; es wurde nichts geändert.' })).toBeVisible();

  // 4. The measure shows the vote and the comment thread; reply and resolve.
  await nav(page, 'Maßnahmen').click();
  await page.getByRole('searchbox', { name: 'Suche' }).fill(PROPOSED);
  await page.getByRole('link', { name: PROPOSED, exact: true }).click();
  const reviews = page.getByRole('region', { name: /^Prüfungen und Kommentare/ });
  await expect(reviews.getByRole('heading')).toHaveText('Prüfungen und Kommentare (1 offen)');
  await expect(reviews).toContainText('Votum von Dr. Petra Beispiel: freigegeben');
  const thread = reviews.getByRole('article', { name: 'Kommentar – Dr. Petra Beispiel' });
  await thread.getByRole('textbox', { name: 'Antwort' }).fill('Übernommen, danke.');
  await thread.getByRole('button', { name: 'Antworten' }).click();
  await expect(thread).toContainText('Übernommen, danke.');
  await thread.getByRole('button', { name: 'Als erledigt markieren' }).click();
  await expect(reviews.getByRole('heading')).toHaveText('Prüfungen und Kommentare');
  await check('Maßnahme mit Prüfkommentaren');

  // 5. Undo the import as a whole.
  await nav(page, 'Prüfungen').click();
  await page.getByRole('button', { name: 'Import rückgängig machen … (Prüfung durch Dr. Petra Beispiel)' }).click();
  await expect(page.getByRole('dialog', { name: 'Import rückgängig machen' })).toContainText('1 Antwort(en)');
  await page.getByRole('dialog').getByRole('button', { name: 'Import rückgängig machen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Der Import wurde rückgängig gemacht.' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Versandte Prüfpakete' })).toContainText('versandt, noch nicht zurück');
  stored = (await readStore(storePath)) as unknown as StoredReviews;
  expect(stored.measures.find((m) => m.number === 'HF2-01')!.title).toBe(TITLE);
  expect(stored.reviews.comments).toEqual([]);
  expect(stored.reviews.votes).toEqual([]);
  expect(stored.reviews.imports.map((i) => i.undoneAt !== null)).toEqual([true]);
});

test('Ein verändertes oder fremdes Prüfpaket wird mit deutscher Meldung abgelehnt', async ({ page, dir, startExtraHarness }) => {
  const packagePath = path.join(dir, 'paket.mpreview');
  const clerk = await startExtraHarness({ pickReviewPackage: () => packagePath, pickReviewTarget: () => packagePath });
  await openApp(page, clerk);
  await nav(page, 'Prüfungen').click();
  await page.getByRole('button', { name: 'Neues Prüfpaket …' }).click();
  const form = page.getByRole('form', { name: 'Neues Prüfpaket' });
  await form.getByRole('textbox', { name: 'Prüfer/in (Name)' }).fill('Amtsleitung 32');
  await form.getByRole('checkbox', { name: /^HF1-01 / }).check();
  await form.getByRole('button', { name: 'Prüfpaket speichern …' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'wurde gespeichert' })).toBeVisible();
  const before = await fs.readFile(path.join(dir, 'register.json'), 'utf8');

  // Not returned yet.
  await page.getByRole('button', { name: 'Rückläufer einlesen …' }).click();
  await expect(page.getByRole('alert')).toContainText('noch nicht abgeschlossen');

  // Changed by hand: refused, nothing applied.
  const text = await fs.readFile(packagePath, 'utf8');
  await fs.writeFile(
    packagePath,
    text.replace('"state":"open"', '"state":"returned"').replace('"returnedAt":null', '"returnedAt":"2030-01-01T10:00:00.000Z"'),
  );
  await page.getByRole('button', { name: 'Rückläufer einlesen …' }).click();
  await expect(page.getByRole('alert')).toContainText('außerhalb des Programms verändert (die Prüfsumme stimmt nicht)');

  // Truncated: the same in review mode.
  await fs.writeFile(packagePath, text.slice(0, 500));
  await page.getByRole('button', { name: 'Prüfpaket öffnen (Prüfmodus) …' }).click();
  await expect(page.getByRole('alert')).toContainText('beschädigt oder unvollständig (Zeile 1, Zeichen 501)');
  expect(await fs.readFile(path.join(dir, 'register.json'), 'utf8')).toBe(before);
  expect(await accessibilityViolations(page)).toEqual([]);
});
