import { promises as fs } from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import type { Locator, Page } from '@playwright/test';
import { accessibilityViolations, expect, openApp, test } from './fixtures';
import { nav } from './helpers';

/**
 * The structured text editor of the Ratsvorlage: typing with Word's shortcuts, pasting from Word and
 * LibreOffice (real clipboard events with text/html in chromium, under the app's CSP), limits, the
 * completeness check, preview, stored blocks and the Word export re-read by mammoth.
 */
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/clipboard');
const editorForm = (page: Page) => page.getByRole('form', { name: 'Vorlage bearbeiten' });
const statementBox = (page: Page) => editorForm(page).getByRole('textbox', { name: 'Sachverhalt / Begründung' });
const toolbar = (page: Page) => editorForm(page).getByRole('group', { name: 'Formatierung für „Sachverhalt / Begründung“' });
const status = (page: Page) => editorForm(page).locator('#f-statement-status');

async function createSubmission(page: Page, choice: string): Promise<void> {
  await nav(page, 'Ratsvorlagen').click();
  await page.getByRole('button', { name: 'Neue Vorlage' }).click();
  const panel = page.getByRole('form', { name: 'Neue Vorlage anlegen' });
  await panel.getByRole('radio', { name: choice }).check();
  await panel.getByRole('button', { name: 'Vorlage anlegen' }).click();
  await expect(editorForm(page)).toBeVisible();
}

/** A paste as the browser delivers it: a ClipboardEvent whose DataTransfer holds text/html and text/plain. */
async function paste(box: Locator, data: { html?: string; text?: string; image?: boolean }): Promise<void> {
  await box.evaluate((el, d) => {
    // Browser globals, typed by hand: the test files are compiled without the DOM library.
    interface Transfer {
      setData(type: string, value: string): void;
      items: { add(file: unknown): void };
    }
    const w = globalThis as unknown as {
      DataTransfer: new () => Transfer;
      File: new (bits: unknown[], name: string, options: { type: string }) => unknown;
      ClipboardEvent: new (type: string, init: { clipboardData: Transfer; bubbles: boolean; cancelable: boolean }) => Event;
    };
    const transfer = new w.DataTransfer();
    if (d.html !== undefined) transfer.setData('text/html', d.html);
    if (d.text !== undefined) transfer.setData('text/plain', d.text);
    if (d.image)
      transfer.items.add(new w.File([new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10])], 'Bildschirmfoto.png', { type: 'image/png' }));
    (el as unknown as EventTarget).dispatchEvent(
      new w.ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
    );
  }, data);
}

async function clear(page: Page, box: Locator): Promise<void> {
  await box.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
}

test('Einfügen aus Word: Überschriften, Listen, Tabelle, Fett/Kursiv bleiben; Vorschau, gespeicherte Blöcke und Word-Datei zeigen denselben Text', async ({
  page,
  harness,
  storePath,
  dir,
}) => {
  await openApp(page, harness);
  await createSubmission(page, 'Sachstandsbericht Masterplan');
  const box = statementBox(page);
  await clear(page, box);
  await paste(box, { html: await fs.readFile(path.join(FIXTURES, 'word-sachverhalt.html'), 'utf8'), text: 'Ausgangslage …' });

  // In the editor: real structure, not markup.
  await expect(box.locator('h3')).toHaveText('Ausgangslage');
  await expect(box.locator('h4')).toHaveText('Handlungsfelder');
  await expect(box.locator('h5')).toHaveText('Nächste Schritte');
  await expect(box.locator('ul > li')).toHaveText([
    'Prävention im Quartier',
    'Ordnung im öffentlichen Raum',
    'Innenstadt',
    'Brückstraße',
    'Beteiligung der Bezirke',
  ]);
  await expect(box.locator('ol > li')).toHaveText(['Abstimmung mit den Bezirksvertretungen', 'Bericht an den Rat']);
  await expect(box.locator('strong', { hasText: 'Fortschreibung' })).toBeVisible();
  await expect(box.locator('table tr')).toHaveCount(3);
  await expect(box).not.toContainText('Gestrichener Satz');
  await expect(box).not.toContainText('EM1');
  // What was left out is said, in German, next to the text.
  await expect(status(page)).toHaveText(
    /^Eingefügt\. Bilder wurden nicht übernommen – bitte fügen Sie sie als Anlage bei \(Abschnitt „Anlagen“\)\. Verschachtelte Listen wurden auf eine Ebene gebracht/,
  );

  // The live preview renders the same blocks.
  const preview = page.getByRole('region', { name: 'Vorschau' });
  await expect(preview.getByRole('heading', { name: 'Handlungsfelder' })).toBeVisible();
  await expect(preview.getByRole('listitem').filter({ hasText: 'Brückstraße' })).toBeVisible();
  await expect(preview.getByRole('cell', { name: 'Summe' })).toBeVisible();

  // Complete the submission and save.
  const form = editorForm(page);
  await form.getByRole('textbox', { name: 'Drucksache-Nr.' }).fill('12880-26');
  await form.getByRole('combobox', { name: 'federführend' }).selectOption({ label: 'Ordnungsamt (FB 32)' });
  await page.keyboard.press('Control+s');
  await expect(page.getByRole('status').filter({ hasText: /Ratsvorlage .* gespeichert\./ })).toBeVisible();
  const stored = (
    JSON.parse(await fs.readFile(storePath, 'utf8')) as { submissions: { printNumberBase: string | null; statement: { type: string }[] }[] }
  ).submissions.find((s) => s.printNumberBase === '12880-26')!;
  expect(stored.statement.map((b) => b.type)).toEqual([
    'heading',
    'paragraph',
    'heading',
    'bulletList',
    'heading',
    'numberedList',
    'table',
    'paragraph',
  ]);

  // Word: exported (as draft if the check still finds something), re-read by mammoth.
  await page.getByRole('button', { name: 'Exportieren (Word) …' }).click();
  const draft = page.getByRole('button', { name: 'Als Entwurf exportieren' });
  const notice = page.getByRole('status').filter({ hasText: /Gespeichert unter .*\.docx$/ });
  await expect(draft.or(notice)).toBeVisible();
  if (await draft.isVisible()) await draft.click();
  await expect(notice).toBeVisible();
  const file = await notice.locator('.path').innerText();
  expect(path.dirname(file)).toBe(dir);
  const { value: html } = await mammoth.convertToHtml({ path: file });
  expect(html).toMatch(/<h\d>[^<]*Ausgangslage<\/h\d>/);
  expect(html).toMatch(/<h\d>[^<]*Handlungsfelder<\/h\d>/);
  expect(html).toContain('<strong>Fortschreibung</strong>');
  expect(html).toContain('<em>jährlich</em>');
  expect(html).toContain('<li>Innenstadt</li>');
  expect(html).toContain('<li>Bericht an den Rat</li>');
  expect(html).toMatch(/<td><p>Beleuchtung(<br \/>|<\/p><p>)Brückstraße<\/p><\/td>/);
  expect(html).not.toContain('Gestrichener');
});

test('Tastatur und Screenreader: Strg+B/I, Strg+Alt+1–3, Listen, Tabelle mit Tab; Schaltflächen mit Zustand; axe mit Inhalt', async ({
  page,
  harness,
  storePath,
}) => {
  await openApp(page, harness);
  await createSubmission(page, 'Leere Vorlage');
  const box = statementBox(page);
  await expect(box).toHaveAttribute('aria-labelledby', 'f-statement-label');
  await box.click();
  await page.keyboard.press('Control+Alt+1');
  await page.keyboard.type('Stand der Umsetzung');
  await expect(toolbar(page).getByRole('button', { name: 'Überschrift 1 (Strg+Alt+1)' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Die Umsetzung ist ');
  await page.keyboard.press('Control+b');
  await expect(toolbar(page).getByRole('button', { name: 'Fett (Strg+B)' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.type('gut');
  await page.keyboard.press('Control+b');
  await page.keyboard.type(' angelaufen:');
  await page.keyboard.press('Enter');
  // The old markup's line starts still work while typing.
  await page.keyboard.type('- erster Punkt');
  await page.keyboard.press('Enter');
  await page.keyboard.type('zweiter Punkt ');
  await page.keyboard.press('Control+i');
  await page.keyboard.type('mit Betonung');
  await page.keyboard.press('Control+i');
  await expect(toolbar(page).getByRole('button', { name: 'Aufzählung' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter'); // an empty item ends the list
  await page.keyboard.press('Control+Alt+2');
  await page.keyboard.type('Kosten');
  await page.keyboard.press('Enter');
  // A table from the toolbar; Tab moves between cells, and out of the text after the last one.
  await toolbar(page)
    .getByRole('button', { name: /^Tabelle einfügen/ })
    .click();
  await expect(box).toBeFocused();
  await page.keyboard.type('Jahr');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Betrag');
  await page.keyboard.press('Tab');
  await page.keyboard.type('2026');
  await page.keyboard.press('Tab');
  await page.keyboard.type('12.500,00 €');
  await toolbar(page).getByRole('button', { name: 'Zeile hinzufügen (unterhalb)' }).click();
  await page.keyboard.type('2027');
  await toolbar(page).getByRole('button', { name: 'Spalte hinzufügen (rechts)' }).click();
  await page.keyboard.type('Hinweis');
  await toolbar(page).getByRole('button', { name: 'Spalte entfernen' }).click();
  await page.keyboard.press('Shift+Tab');
  await expect(box.locator('table tr')).toHaveCount(3);
  await expect(box.locator('table tr').first().locator('td')).toHaveCount(2);
  await expect(toolbar(page).getByRole('button', { name: 'Überschrift 1 (Strg+Alt+1)' })).toBeDisabled(); // no headings in cells

  expect(await accessibilityViolations(page), 'Editor mit Inhalt').toEqual([]);

  // Tab after the last cell leaves the text (no keyboard trap).
  await box.locator('table tr').last().locator('td').last().click();
  await page.keyboard.press('Tab');
  await expect(box).not.toBeFocused();

  await page.keyboard.press('Control+s');
  await expect(page.getByRole('status').filter({ hasText: /Ratsvorlage .* gespeichert\./ })).toBeVisible();
  const stored = (
    JSON.parse(await fs.readFile(storePath, 'utf8')) as { submissions: { statement: unknown[]; updatedAt: string }[] }
  ).submissions
    .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt))
    .at(-1)!;
  const plain = (text: string) => ({ text, bold: false, italic: false });
  expect(stored.statement).toEqual([
    { type: 'heading', level: 1, text: 'Stand der Umsetzung' },
    { type: 'paragraph', runs: [plain('Die Umsetzung ist '), { text: 'gut', bold: true, italic: false }, plain(' angelaufen:')] },
    {
      type: 'bulletList',
      items: [[plain('erster Punkt')], [plain('zweiter Punkt '), { text: 'mit Betonung', bold: false, italic: true }]],
    },
    { type: 'heading', level: 2, text: 'Kosten' },
    {
      type: 'table',
      rows: [
        ['Jahr', 'Betrag'],
        ['2026', '12.500,00 €'],
        ['2027', ''],
      ],
    },
  ]);
});

test('Grenzen: 40.000 Zeichen, 500 Tabellenzeilen, zu breite Tabelle, nur ein Bild – klare Meldungen, nichts geht verloren', async ({
  page,
  harness,
}) => {
  await openApp(page, harness);
  await createSubmission(page, 'Leere Vorlage');
  const box = statementBox(page);
  await box.click();
  await page.keyboard.type('Vorhandener Text.');
  await page.keyboard.press('Enter');

  // Only an image (a screenshot): refused with the hint to use Anlagen; the text stays.
  await paste(box, { image: true });
  await expect(status(page)).toHaveText(
    'Nicht eingefügt: Bilder können in den Text nicht eingefügt werden. Bitte fügen Sie das Bild als Anlage bei (Abschnitt „Anlagen“). Der bisherige Text ist unverändert.',
  );
  await expect(box).toHaveText('Vorhandener Text.');

  // 21 columns: more than the model holds — refused as a whole.
  const wide = `<table><tr>${Array.from({ length: 21 }, (_, i) => `<td>S${i + 1}</td>`).join('')}</tr></table>`;
  await paste(box, { html: wide });
  await expect(status(page)).toHaveText(
    'Nicht eingefügt: Die Tabelle hätte mehr als 20 Spalten. Bitte teilen Sie sie auf. Der bisherige Text ist unverändert.',
  );
  await expect(box.locator('table')).toHaveCount(0);

  // 500 rows from LibreOffice-like HTML, then 40,000 characters of plain text: both arrive whole.
  const rows = Array.from({ length: 500 }, (_, i) => `<tr><td><p>${i + 1}</p></td><td><p>Zeile ${i + 1}</p></td></tr>`).join('');
  await paste(box, { html: `<table>${rows}</table>` });
  await expect(box.locator('table tr')).toHaveCount(500);
  await expect(box.locator('table tr').last()).toHaveText('500Zeile 500');
  await page.keyboard.press('Control+End');
  const words = Array.from({ length: 4000 }, (_, i) => `Wort${String(i).padStart(5, '0')}`).join(' ') + '.';
  expect(words.length).toBe(40_000);
  await paste(box, { text: `${words}\n` });
  await expect(status(page)).toHaveText('Eingefügt.');
  await expect(box).toContainText('Wort03999');
  await expect(box).toContainText('Vorhandener Text.');
  const preview = page.getByRole('region', { name: 'Vorschau' });
  await expect(preview).toContainText('Wort03999');
  await expect(preview.getByRole('row')).toHaveCount(500);
});

test('Vollständigkeit: ein leerer Sachverhalt im neuen Editor wird gemeldet, mit Text nicht mehr', async ({ page, harness }) => {
  await openApp(page, harness);
  await createSubmission(page, 'Leere Vorlage');
  const check = page.getByRole('region', { name: 'Prüfung vor der Ausgabe' });
  await expect(check.getByRole('link', { name: /Der Sachverhalt ist leer\./ })).toBeVisible();
  const box = statementBox(page);
  // Only an empty heading is still empty.
  await box.click();
  await page.keyboard.press('Control+Alt+1');
  await expect(check.getByRole('link', { name: /Der Sachverhalt ist leer\./ })).toBeVisible();
  await page.keyboard.type('Anlass');
  await expect(check.getByRole('link', { name: /Der Sachverhalt ist leer\./ })).toHaveCount(0);
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await expect(check.getByRole('link', { name: /Der Sachverhalt ist leer\./ })).toBeVisible();
  // The link leads into the editor.
  await check.getByRole('link', { name: /Der Sachverhalt ist leer\./ }).click();
  await expect(box).toBeFocused();
});

test('Bildschirmfotos des Editors mit Inhalt (1366×768 und 1920×1080), ohne CSP-Verstoß', async ({ page, harness }, testInfo) => {
  await openApp(page, harness);
  await createSubmission(page, 'Sachstandsbericht Masterplan');
  const box = statementBox(page);
  await clear(page, box);
  await paste(box, { html: await fs.readFile(path.join(FIXTURES, 'libreoffice-sachverhalt.html'), 'utf8') });
  await box.locator('h3').first().click();
  for (const [width, height] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.locator('#sec-statement-title').scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath(`editor-${width}x${height}.png`) });
  }
  // CSP violations are console errors, which the page fixture turns into a failure.
});

test('Prüfpaket: die Prüferin schlägt einen neuen Sachverhalt im Editor vor; beim Einlesen Alt/Neu je Absatz, dann übernommen', async ({
  page,
  dir,
  startExtraHarness,
}) => {
  let packagePath = '';
  const clerk = await startExtraHarness({ exportDir: path.join(dir, 'ausgang'), pickReviewPackage: () => packagePath });
  const subject = /Sachstandsbericht 2024$/;
  const itemLabel = /Sachstandsbericht 2024“/;
  await openApp(page, clerk);
  await nav(page, 'Prüfungen').click();
  await page.getByRole('button', { name: 'Neues Prüfpaket …' }).click();
  const form = page.getByRole('form', { name: 'Neues Prüfpaket' });
  await form.getByRole('textbox', { name: 'Prüfer/in (Name)' }).fill('Dr. Petra Beispiel');
  await form.getByRole('checkbox', { name: itemLabel }).check();
  await form.getByRole('button', { name: 'Prüfpaket speichern …' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Das Prüfpaket für Dr. Petra Beispiel wurde gespeichert' })).toBeVisible();
  packagePath = path.join(dir, 'ausgang', (await fs.readdir(path.join(dir, 'ausgang')))[0]!);

  // The reviewer proposes a new text in the same structured editor.
  const reviewer = await startExtraHarness({ storePath: path.join(dir, 'prueferin', 'register.json'), reviewPackage: packagePath });
  await page.goto(reviewer.url);
  await page.getByRole('navigation', { name: 'Einträge im Prüfpaket' }).getByRole('button', { name: itemLabel }).click();
  await page
    .getByRole('group', { name: 'Aktionen zu „Sachverhalt / Begründung“' })
    .getByRole('button', { name: 'Änderung vorschlagen' })
    .click();
  const proposal = page.getByRole('form', { name: 'Vorschlag für „Sachverhalt / Begründung“' });
  const box = proposal.getByRole('textbox', { name: 'Vorschlag für „Sachverhalt / Begründung“' });
  await box.click();
  await page.keyboard.press('Control+End');
  // The text ends with a numbered list: Enter starts an item, Enter on the empty item ends the list.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+b');
  await page.keyboard.type('Neuer Schlussabsatz der Prüferin.');
  expect(await accessibilityViolations(page), 'Vorschlag im Editor').toEqual([]);
  await proposal.getByRole('button', { name: 'Vorschlag speichern' }).click();
  await expect(page.getByText(/Vorgeschlagen: .*Neuer Schlussabsatz der Prüferin\./s)).toBeVisible();
  await page.getByRole('button', { name: 'Prüfung abschließen …' }).click();
  await page.getByRole('dialog', { name: 'Prüfung abschließen' }).getByRole('button', { name: 'Prüfung abschließen' }).click();
  await expect(page.getByText(/Die Prüfung wurde am .* abgeschlossen/)).toBeVisible();

  // The clerk sees old/new per block before taking it over.
  await openApp(page, clerk);
  await nav(page, 'Prüfungen').click();
  await page.getByRole('button', { name: 'Rückläufer einlesen …' }).click();
  const preview = page.getByRole('region', { name: 'Vorschau: Prüfung durch Dr. Petra Beispiel' });
  const changes = preview.getByRole('list', { name: 'Änderungen am Text „Sachverhalt / Begründung“, Absatz für Absatz' });
  await expect(changes.getByRole('listitem').filter({ hasText: '+ eingefügt: Neuer Schlussabsatz der Prüferin.' })).toBeVisible();
  await expect(
    changes
      .getByRole('listitem')
      .filter({ hasText: /^unverändert:/ })
      .first(),
  ).toBeVisible();
  expect(await accessibilityViolations(page), 'Vorschau mit Alt/Neu je Absatz').toEqual([]);
  await preview.getByRole('button', { name: 'Übernehmen' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Anmerkungen wurden übernommen/ })).toBeVisible();
  const stored = JSON.parse(await fs.readFile(path.join(dir, 'register.json'), 'utf8')) as {
    submissions: { subject: string; statement: { type: string; runs?: { text: string; bold: boolean }[] }[] }[];
  };
  const statement = stored.submissions.find((s) => subject.test(s.subject))!.statement;
  expect(statement.at(-1)).toEqual({ type: 'paragraph', runs: [{ text: 'Neuer Schlussabsatz der Prüferin.', bold: true, italic: false }] });
});
