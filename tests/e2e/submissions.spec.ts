import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { startHarness } from '../harness/server';
import { accessibilityViolations, closeHarness, expect, openApp, test } from './fixtures';
import { readSample, nav } from './helpers';

/** Ratsvorlagen end to end: starting points, editor, live check, preview, versions, export, Gremien. */

interface StoredRun {
  text: string;
  bold: boolean;
  italic: boolean;
}
type StoredBlock =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; runs: StoredRun[] }
  | { type: 'bulletList' | 'numberedList'; items: StoredRun[][] }
  | { type: 'table'; rows: string[][] };
interface StoredSubmission {
  id: string;
  subject: string;
  printNumberBase: string | null;
  statement: StoredBlock[];
  linkedMeasureIds: string[];
  climateImpact: string | null;
  climateReason: string;
  leadOrgUnitId: string | null;
  version: number;
  deletedAt: string | null;
}

async function storedSubmissions(storePath: string): Promise<StoredSubmission[]> {
  return (JSON.parse(await fs.readFile(storePath, 'utf8')) as { submissions: StoredSubmission[] }).submissions;
}

const editorForm = (page: Page) => page.getByRole('form', { name: 'Vorlage bearbeiten' });
const checkPanel = (page: Page) => page.getByRole('region', { name: 'Prüfung vor der Ausgabe' });

/** From the list: "Neue Vorlage", pick a starting point, create; waits for the editor. */
async function createSubmission(page: Page, choice: string): Promise<void> {
  await nav(page, 'Ratsvorlagen').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ratsvorlagen' })).toBeVisible();
  await page.getByRole('button', { name: 'Neue Vorlage' }).click();
  const panel = page.getByRole('form', { name: 'Neue Vorlage anlegen' });
  await panel.getByRole('radio', { name: choice }).check();
  await panel.getByRole('button', { name: 'Vorlage anlegen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Ratsvorlage:/ })).toBeVisible();
  await expect(editorForm(page)).toBeVisible();
}

async function saveWithKeyboard(page: Page): Promise<void> {
  await page.keyboard.press('Control+s');
  await expect(page.getByRole('status').filter({ hasText: /Ratsvorlage .* gespeichert\./ })).toBeVisible();
}

/** A harness whose file dialog for attachments answers with a small PDF in the test folder. */
const testWithAttachment = test.extend<{ attachmentFile: string }>({
  attachmentFile: async ({ dir }, use) => {
    const file = path.join(dir, 'Lageplan Brückstraße.pdf');
    await fs.writeFile(file, Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(3000, 32)]));
    await use(file);
  },
  harness: async ({ dir, storePath, attachmentFile }, use) => {
    const harness = await startHarness({ storePath, settingsDir: path.join(dir, 'einstellungen'), pickAttachment: () => attachmentFile });
    await use(harness);
    await closeHarness(harness);
  },
});

function pathFromNotice(notice: Locator): Promise<string> {
  return notice.locator('.path').innerText();
}

test('Vorlage „Sachstandsbericht Masterplan“: Text mit Liste und Fettdruck, zwei Maßnahmen verknüpfen, Klimaschutz, speichern', async ({
  page,
  harness,
  storePath,
}) => {
  const sample = await readSample();
  const [first, second] = ['HF1-01', 'HF1-02'].map((n) => sample.measures.find((m) => m.number === n)!);
  await openApp(page, harness);
  await createSubmission(page, 'Sachstandsbericht Masterplan');
  const form = editorForm(page);
  // The template pre-filled subject, Beratungsfolge and Beschlussvorschlag.
  await expect(form.getByRole('textbox', { name: 'Betreff' })).toHaveValue('Masterplan Kommunale Sicherheit – Sachstandsbericht');
  await expect(form.getByRole('group', { name: 'Beratung 3' }).getByRole('combobox', { name: 'Gremium' })).toHaveValue('gremium-rat');

  await form.getByRole('textbox', { name: 'Betreff' }).fill('Masterplan Kommunale Sicherheit – Sachstandsbericht 2026');
  await form.getByRole('textbox', { name: 'Drucksache-Nr.' }).fill('12877-26');
  await form.getByRole('combobox', { name: 'federführend' }).selectOption({ label: 'Ordnungsamt (FB 32)' });

  // Sachverhalt in the structured editor (the template's text replaced): the old markup's line starts and
  // Word's shortcuts while typing, then a bold paragraph through the toolbar.
  const statement = form.getByRole('textbox', { name: 'Sachverhalt / Begründung' });
  await statement.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await page.keyboard.type('# Stand der Umsetzung');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Die Umsetzung ist ');
  await page.keyboard.press('Control+b');
  await page.keyboard.type('gut');
  await page.keyboard.press('Control+b');
  await page.keyboard.type(' angelaufen:');
  await page.keyboard.press('Enter');
  await page.keyboard.type('- erster Punkt');
  await page.keyboard.press('Enter');
  await page.keyboard.type('zweiter Punkt ');
  await page.keyboard.press('Control+i');
  await page.keyboard.type('mit Betonung');
  await page.keyboard.press('Control+i');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await form
    .getByRole('group', { name: 'Formatierung für „Sachverhalt / Begründung“' })
    .getByRole('button', { name: 'Fett (Strg+B)' })
    .click();
  await expect(statement).toBeFocused();
  await page.keyboard.type('Fazit');
  await expect(statement.locator('p').last()).toHaveText('Fazit');
  await expect(statement.locator('p').last().locator('strong')).toHaveText('Fazit');

  // The live preview renders the blocks as HTML: heading, list items, bold text.
  const preview = page.getByRole('region', { name: 'Vorschau' });
  await expect(preview.getByRole('heading', { name: 'Stand der Umsetzung' })).toBeVisible();
  await expect(preview.getByRole('listitem').filter({ hasText: 'erster Punkt' })).toBeVisible();
  await expect(preview.locator('strong', { hasText: 'Fazit' })).toBeVisible();

  // Two measures through the picker's search.
  const picker = form.getByRole('searchbox', { name: 'Maßnahmen suchen' });
  await picker.fill(first!.number);
  await form.getByRole('checkbox', { name: `${first!.number} ${first!.title}` }).check();
  await picker.fill('präventionsrat hoerde');
  await form.getByRole('checkbox', { name: `${second!.number} ${second!.title}` }).check();
  const linked = form.getByRole('table', { name: '2 verknüpfte Maßnahmen' });
  await expect(linked.getByRole('row')).toHaveCount(3);
  await expect(linked.getByRole('cell', { name: second!.title })).toBeVisible();

  // Klimaschutz: a choice plus its reason.
  await form.getByRole('group', { name: 'Auswirkungen auf den Klimaschutz', exact: true }).getByRole('radio', { name: 'positiv' }).check();
  await form.getByRole('textbox', { name: 'Begründung zum Klimaschutz *' }).fill('Mehr Aufenthaltsqualität zu Fuß statt im Auto.');
  await expect(checkPanel(page)).toContainText('Vollständig');

  await saveWithKeyboard(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Ratsvorlage: DS-Nr. 12877-26 „Masterplan Kommunale Sicherheit – Sachstandsbericht 2026“',
  );

  const [stored] = (await storedSubmissions(storePath)).filter((s) => s.printNumberBase === '12877-26');
  expect(stored).toBeDefined();
  expect(stored!.subject).toBe('Masterplan Kommunale Sicherheit – Sachstandsbericht 2026');
  expect(stored!.linkedMeasureIds.sort()).toEqual([first!.id, second!.id].sort());
  expect(stored!.climateImpact).toBe('positiv');
  expect(stored!.climateReason).toBe('Mehr Aufenthaltsqualität zu Fuß statt im Auto.');
  // The text is stored as structured blocks, not as markup.
  expect(stored!.statement).toEqual([
    { type: 'heading', level: 1, text: 'Stand der Umsetzung' },
    {
      type: 'paragraph',
      runs: [
        { text: 'Die Umsetzung ist ', bold: false, italic: false },
        { text: 'gut', bold: true, italic: false },
        { text: ' angelaufen:', bold: false, italic: false },
      ],
    },
    {
      type: 'bulletList',
      items: [
        [{ text: 'erster Punkt', bold: false, italic: false }],
        [
          { text: 'zweiter Punkt ', bold: false, italic: false },
          { text: 'mit Betonung', bold: false, italic: true },
        ],
      ],
    },
    { type: 'paragraph', runs: [{ text: 'Fazit', bold: true, italic: false }] },
  ]);

  // The list finds it by a word of the Sachverhalt, umlaut-folded.
  await page.getByRole('button', { name: 'Zurück zur Liste' }).first().click();
  await page.getByRole('searchbox', { name: 'Suche' }).fill('umsetzung ANGELAUFEN');
  const table = page.getByRole('table', { name: 'Ratsvorlagen' });
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('row').nth(1)).toContainText('12877-26');
  await expect(table.getByRole('row').nth(1)).toContainText('Mitteilung / Kenntnisnahme');
});

test('Prüfung vor der Ausgabe listet fehlende Angaben live; ein Link setzt den Fokus ins Feld', async ({ page, harness }) => {
  await openApp(page, harness);
  await createSubmission(page, 'Leere Vorlage');
  const panel = checkPanel(page);
  await expect(panel.getByRole('link')).toHaveText([
    'Betreff: Der Betreff fehlt.',
    'federführend: Die federführende Stelle fehlt.',
    'Beschlussvorschlag: Eine Beschlussvorlage braucht einen Beschlussvorschlag.',
    'Sachverhalt / Begründung: Der Sachverhalt ist leer.',
    'Auswirkungen auf den Klimaschutz: Bitte die Auswirkungen auf den Klimaschutz angeben (positiv, negativ oder keine).',
    'Begründung zum Klimaschutz: Die Einschätzung zum Klimaschutz braucht eine Begründung – auch bei „keine“.',
    'Beratungsfolge: Die Beratungsfolge ist leer.',
  ]);

  const form = editorForm(page);
  await panel.getByRole('link', { name: 'Betreff: Der Betreff fehlt.' }).click();
  await expect(form.getByRole('textbox', { name: 'Betreff' })).toBeFocused();
  await page.keyboard.type('Antwort auf die Anfrage zur Brückstraße');
  await expect(panel.getByRole('link', { name: /^Betreff:/ })).toHaveCount(0);

  await panel.getByRole('link', { name: /^Auswirkungen auf den Klimaschutz:/ }).click();
  await expect(form.getByRole('radio', { name: 'positiv' })).toBeFocused();
  await panel.getByRole('link', { name: /^Beratungsfolge:/ }).click();
  await expect(form.getByRole('button', { name: 'Gremium zur Beratungsfolge hinzufügen' })).toBeFocused();

  // A malformed Drucksache-Nr. is named in German, both live and when saving.
  await form.getByRole('textbox', { name: 'Drucksache-Nr.' }).fill('1234-18');
  await expect(
    panel.getByRole('link', { name: 'Drucksache-Nr.: Die Drucksache-Nr. hat die Form 12345-18 oder 12345-18-E1.' }),
  ).toBeVisible();
  await page.keyboard.press('Control+s');
  const summary = page.getByRole('alert').filter({ hasText: 'Die Vorlage wurde nicht gespeichert.' });
  await expect(summary).toBeFocused();
  await summary.getByRole('link', { name: /^Drucksache-Nr\.:/ }).click();
  await expect(form.getByRole('textbox', { name: 'Drucksache-Nr.' })).toBeFocused();
  expect(await accessibilityViolations(page), 'Editor mit offenen Punkten').toEqual([]);

  // Leaving with unsaved input asks first.
  await nav(page, 'Ratsvorlagen').click();
  await expect(page.getByRole('dialog', { name: 'Ungespeicherte Änderungen' })).toBeVisible();
  await page.getByRole('button', { name: 'Weiter bearbeiten' }).click();
  await expect(form).toBeVisible();
});

test('Versionen: zwei Versionen vergleichen und eine frühere wiederherstellen', async ({ page, harness, storePath }) => {
  await openApp(page, harness);
  await createSubmission(page, 'Mitteilung Evaluationsbericht');
  const form = editorForm(page);
  await form.getByRole('textbox', { name: 'Betreff' }).fill('Evaluationsbericht 2026');
  const statement = form.getByRole('textbox', { name: 'Sachverhalt / Begründung' });
  await statement.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await page.keyboard.press('Control+Alt+1');
  await page.keyboard.type('Auftrag');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Der Rat hat die Evaluation beauftragt.');
  await saveWithKeyboard(page);

  await page.getByRole('tab', { name: 'Versionen' }).click();
  const versions = page.getByRole('tabpanel', { name: 'Versionen' });
  await expect(versions.getByRole('row')).toHaveCount(3);
  await expect(versions.getByRole('row').nth(1)).toContainText(/Version 2 \(aktuell\)\s*\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}/);
  await expect(versions.getByRole('checkbox', { name: 'Version 1 zum Vergleich auswählen' })).toBeChecked();
  await expect(versions.getByRole('checkbox', { name: 'Version 2 zum Vergleich auswählen' })).toBeChecked();
  await versions.getByRole('button', { name: 'Vergleichen' }).click();
  await expect(versions.getByRole('heading', { name: 'Unterschiede zwischen Version 1 und Version 2' })).toBeFocused();

  const subject = versions.locator('.field-diff').filter({ has: page.getByRole('heading', { name: 'Betreff', exact: true }) });
  await expect(subject.getByRole('listitem')).toHaveText([
    '− entfernt: Masterplan Kommunale Sicherheit – Evaluationsbericht',
    '+ eingefügt: Evaluationsbericht 2026',
  ]);
  const text = versions.locator('.field-diff').filter({ has: page.getByRole('heading', { name: 'Sachverhalt / Begründung' }) });
  await expect(text.getByRole('listitem').filter({ hasText: '+ eingefügt: Der Rat hat die Evaluation beauftragt.' })).toBeVisible();
  await expect(text.getByRole('listitem').filter({ hasText: '− entfernt: Vorgehen der Evaluation' })).toBeVisible();
  expect(await accessibilityViolations(page), 'Versionsvergleich').toEqual([]);

  await versions.getByRole('button', { name: 'Diese Version wiederherstellen (Version 1)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Version wiederherstellen' });
  await expect(dialog).toContainText('Der jetzige Stand bleibt als Version erhalten');
  await dialog.getByRole('button', { name: 'Diese Version wiederherstellen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Version 1 wurde als neue Version gespeichert.' })).toBeVisible();
  await expect(versions.getByRole('row').nth(1)).toContainText('Version 3 (aktuell)');

  await page.getByRole('tab', { name: 'Bearbeiten' }).click();
  await expect(form.getByRole('textbox', { name: 'Betreff' })).toHaveValue('Masterplan Kommunale Sicherheit – Evaluationsbericht');
  const stored = (await storedSubmissions(storePath)).find((s) => s.subject === 'Masterplan Kommunale Sicherheit – Evaluationsbericht');
  expect(stored?.version).toBe(3);
});

test('Word-Export: erst die offenen Punkte, dann die Datei neben dem Register (ZIP, beginnt mit „PK“)', async ({ page, harness, dir }) => {
  await openApp(page, harness);
  await createSubmission(page, 'Sachstandsbericht Masterplan');
  const form = editorForm(page);

  // Not released, no lead office, a template section left empty: the export refuses and lists why,
  // each point linked to its field.
  await page.getByRole('button', { name: 'Exportieren (Word) …' }).click();
  const panel = checkPanel(page);
  await expect(panel.getByText('Beim Export gemeldet:')).toBeVisible();
  await expect(panel.locator('.export-problems').getByRole('link')).toHaveText([
    'Status: Die Vorlage ist noch nicht freigegeben (Status „Entwurf“). Sie kann nur als Entwurf ausgegeben werden.',
    'federführend: Die federführende Stelle fehlt.',
    'Sachverhalt / Begründung: Der Abschnitt „Stand der Umsetzung“ ist leer – bitte ausfüllen oder die Überschrift entfernen.',
  ]);
  await panel.locator('.export-problems').getByRole('link').nth(1).click();
  await expect(form.getByRole('combobox', { name: 'federführend' })).toBeFocused();

  // A draft can be exported while incomplete.
  await page.getByRole('button', { name: 'Als Entwurf exportieren' }).click();
  const notice = page.getByRole('status').filter({ hasText: 'Gespeichert unter' });
  await expect(notice).toBeVisible();
  const draftPath = await pathFromNotice(notice);
  expect(path.dirname(draftPath)).toBe(dir);
  expect((await fs.readFile(draftPath)).subarray(0, 2).toString('latin1')).toBe('PK');

  // Completed (unsaved input is saved first): OParl JSON, which writes its Word file beside it.
  await form.getByRole('combobox', { name: 'federführend' }).selectOption({ label: 'Ordnungsamt (FB 32)' });
  await form.getByRole('textbox', { name: 'Drucksache-Nr.' }).fill('12999-26');
  await form
    .getByRole('textbox', { name: 'Sachverhalt / Begründung' })
    .fill('# Ausgangslage\n\nBeschluss von 2019.\n\n# Stand der Umsetzung\n\nAlles im Plan.\n\n# Ausblick\n\nBericht 2027.');
  await form.getByLabel('Status', { exact: true }).selectOption({ label: 'freigegeben' });
  await expect(panel).toContainText('Vollständig');
  // OParl needs the OParl-Basisadresse of the Einstellungen; without it a German refusal, nothing written
  // (the OParl file itself is checked against the official schemas in the unit tests).
  await page.getByRole('button', { name: 'OParl-JSON exportieren …' }).click();
  await expect(page.getByRole('alert')).toContainText('Für OParl fehlt die OParl-Basisadresse (Einstellungen)');

  // Word, exported and opened (the save dialog allowed replacing the file of the same name).
  await page.getByRole('button', { name: 'Exportieren und öffnen' }).click();
  const exported = page.getByRole('status').filter({ hasText: /Gespeichert unter .*DS_12999-26_.*\.docx$/ });
  await expect(exported).toBeVisible();
  const file = await pathFromNotice(exported);
  expect(path.dirname(file)).toBe(dir);
  const bytes = await fs.readFile(file);
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  expect(bytes.length).toBeGreaterThan(2000);
  expect(harness.opened).toContain(file);
});

test('Ergänzung (-E1), Kopie und Papierkorb der Ratsvorlagen', async ({ page, harness }) => {
  await openApp(page, harness);
  await createSubmission(page, 'Fortschreibung des Masterplans');
  const form = editorForm(page);
  await form.getByRole('textbox', { name: 'Drucksache-Nr.' }).fill('13001-26');
  await saveWithKeyboard(page);

  await nav(page, 'Ratsvorlagen').click();
  await page.getByRole('button', { name: 'Neue Vorlage' }).click();
  const panel = page.getByRole('form', { name: 'Neue Vorlage anlegen' });
  await panel
    .getByRole('combobox', { name: 'Ursprungsvorlage (mit Drucksache-Nr.)' })
    .selectOption({ label: '13001-26 – Fortschreibung des Masterplans Kommunale Sicherheit' });
  await expect(panel.getByRole('radio', { name: 'Ergänzung (-E1) zu …' })).toBeChecked();
  await panel.getByRole('button', { name: 'Vorlage anlegen' }).click();
  await expect(form.getByRole('textbox', { name: 'Drucksache-Nr.' })).toHaveValue('13001-26-E1');
  await expect(form.getByRole('combobox', { name: 'Vorlagenart' })).toHaveValue('stellungnahme');
  // The Beratungsfolge was taken over; rows move with their buttons.
  await expect(form.getByRole('group', { name: 'Beratung 2' }).getByRole('combobox', { name: 'Gremium' })).toHaveValue('gremium-bv-in');
  await form.getByRole('button', { name: 'Beratung 2 nach unten verschieben' }).click();
  await expect(form.getByRole('group', { name: 'Beratung 3' }).getByRole('combobox', { name: 'Gremium' })).toHaveValue('gremium-bv-in');
  await expect(form.getByRole('button', { name: 'Beratung 3 nach unten verschieben' })).toBeFocused();
  await saveWithKeyboard(page);

  await page.getByRole('button', { name: 'In den Papierkorb …' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'In den Papierkorb' }).click();
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: 'DS-Nr. 13001-26-E1 „Fortschreibung des Masterplans Kommunale Sicherheit“ liegt jetzt im Papierkorb.' }),
  ).toBeVisible();
  const trash = page.getByRole('region', { name: 'Papierkorb der Ratsvorlagen' });
  await trash
    .getByRole('button', { name: 'DS-Nr. 13001-26-E1 „Fortschreibung des Masterplans Kommunale Sicherheit“ wiederherstellen' })
    .click();
  await expect(page.getByRole('status').filter({ hasText: 'wurde wiederhergestellt' })).toBeVisible();
  await expect(trash.getByText('Der Papierkorb der Ratsvorlagen ist leer.')).toBeVisible();

  await page.getByRole('button', { name: 'Neue Vorlage' }).click();
  await panel
    .getByRole('combobox', { name: 'Zu kopierende Vorlage' })
    .selectOption({ label: '13001-26 – Fortschreibung des Masterplans Kommunale Sicherheit' });
  await panel.getByRole('button', { name: 'Vorlage anlegen' }).click();
  await expect(form.getByRole('textbox', { name: 'Betreff' })).toHaveValue('Fortschreibung des Masterplans Kommunale Sicherheit (Kopie)');
  await expect(form.getByRole('textbox', { name: 'Drucksache-Nr.' })).toHaveValue('');
});

test('Barrierefreiheit (axe) der Ratsvorlagen und Gremien; Gremium in Verwendung wird nicht gelöscht', async ({ page, harness }) => {
  const check = async (what: string) => expect(await accessibilityViolations(page), what).toEqual([]);
  await openApp(page, harness);
  await nav(page, 'Ratsvorlagen').click();
  await check('Liste');
  await page.getByRole('button', { name: 'Neue Vorlage' }).click();
  await expect(page.getByRole('form', { name: 'Neue Vorlage anlegen' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Sachstandsbericht Masterplan' })).toBeFocused();
  await check('Auswahl des Ausgangspunkts');
  // Esc closes the panel and returns to its button; keyboard only from there.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('form', { name: 'Neue Vorlage anlegen' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Neue Vorlage' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('radio', { name: 'Sachstandsbericht Masterplan' })).toBeFocused();
  await page.getByRole('form', { name: 'Neue Vorlage anlegen' }).getByRole('button', { name: 'Vorlage anlegen' }).click();
  const form = editorForm(page);
  await expect(form).toBeVisible();
  // Every row kind and section open, so their controls are checked too.
  await form.getByRole('radio', { name: 'ja, wie folgt' }).check();
  await form.getByRole('button', { name: 'Abschnitt hinzufügen' }).click();
  await form.getByRole('button', { name: 'Mitzeichnung hinzufügen' }).click();
  await form.getByRole('textbox', { name: 'Betreff' }).fill('');
  await check('Editor mit offenen Punkten');
  await page.getByRole('button', { name: 'Zurück zur Liste' }).first().click();
  await expect(page.getByRole('dialog', { name: 'Ungespeicherte Änderungen' })).toBeVisible();
  await page.getByRole('button', { name: 'Änderungen verwerfen' }).click();
  await expect(page.getByRole('table', { name: 'Ratsvorlagen' })).toBeVisible();
  await check('Liste mit Vorlage');

  await nav(page, 'Gremien & Beteiligung').click();
  await page.getByRole('tab', { name: 'Gremien', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Gremien', exact: true })).toBeVisible();
  await check('Gremien');
  await page.getByRole('button', { name: 'Gremium hinzufügen' }).click();
  await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toBeFocused();
  await check('Gremium anlegen');
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Bezirksvertretung Hombruch');
  await page.getByRole('textbox', { name: 'Kurzname' }).fill('BV Hom');
  await page.getByRole('combobox', { name: 'Art' }).selectOption({ label: 'Bezirksvertretung' });
  await page.getByRole('button', { name: 'Gremium speichern' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Gremium gespeichert.' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'Bezirksvertretung Hombruch' })).toContainText('BV Hom');

  // The Sachstandsbericht template put the Rat into a Beratungsfolge: deleting it is refused, in German.
  await page.getByRole('button', { name: 'Rat der Stadt löschen' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Löschen' }).click();
  await expect(page.getByRole('alert')).toContainText(/Das Gremium kann nicht gelöscht werden: Es wird an \d+ Stellen? verwendet/);
  await expect(page.getByRole('row').filter({ hasText: 'Rat der Stadt' })).toBeVisible();
  await page.getByRole('button', { name: 'Bezirksvertretung Hombruch löschen' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Löschen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Gremium gelöscht.' })).toBeVisible();
  await check('Gremien nach Löschen');
});

testWithAttachment(
  'Anlage hinzufügen (Titel, Größe in KB), in der Vorschau gelistet, wieder entfernen',
  async ({ page, harness, storePath }) => {
    await openApp(page, harness);
    await createSubmission(page, 'Leere Vorlage');
    const form = editorForm(page);
    await form.getByRole('textbox', { name: 'Titel der neuen Anlage (optional)' }).fill('Lageplan Brückstraße');
    await form.getByRole('button', { name: 'Anlage hinzufügen …' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Anlage „Lageplan Brückstraße“ wurde aufgenommen.' })).toBeVisible();
    const table = form.getByRole('table', { name: 'Anlagen' });
    await expect(table.getByRole('row').nth(1)).toContainText('Lageplan Brückstraße');
    await expect(table.getByRole('row').nth(1)).toContainText('Lageplan Brückstraße.pdf');
    await expect(table.getByRole('row').nth(1)).toContainText('3 KB');
    await expect(form.getByRole('textbox', { name: 'Titel der neuen Anlage (optional)' })).toHaveValue('');
    await expect(
      page.getByRole('region', { name: 'Vorschau' }).getByRole('listitem').filter({ hasText: 'Lageplan Brückstraße' }),
    ).toBeVisible();
    // Stored at once, with size and hash.
    const attachments = async () =>
      (
        JSON.parse(await fs.readFile(storePath, 'utf8')) as {
          submissions: { attachments: { title: string; size: number; sha256: string }[] }[];
        }
      ).submissions.flatMap((s) => s.attachments);
    expect(await attachments()).toContainEqual(
      expect.objectContaining({ title: 'Lageplan Brückstraße', size: 3009, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }),
    );

    // Removing takes effect with the next save; the focus stays in the section.
    await table.getByRole('button', { name: 'Anlage „Lageplan Brückstraße“ aus der Liste entfernen' }).click();
    await expect(form.getByRole('heading', { name: 'Anlagen' })).toBeFocused();
    await expect(form.getByText('Noch keine Anlagen.')).toBeVisible();
    await saveWithKeyboard(page);
    expect((await attachments()).filter((a) => a.title === 'Lageplan Brückstraße')).toEqual([]);
  },
);
