import { promises as fs } from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { accessibilityViolations, expect, openApp, test } from './fixtures';
import { nav } from './helpers';

/**
 * "Rückmeldung als Brief (Word)" on the sample register: Anregung A-2026-002 has the contact "Erika
 * Beispiel" but no feedback text yet, so the button first says why it is not possible; with the text saved
 * the letter is written beside the register (a neutral file name, the export in the audit trail without
 * the name), and "Rückmeldung heute als versendet eintragen" stores today as the feedback date.
 */

interface StoredLetterData {
  proposals: { id: string; number: string; feedbackText: string; feedbackOn: string | null }[];
  audit: { action: string; changes: { field: string; old: unknown; new: unknown }[] }[];
}

async function stored(storePath: string): Promise<StoredLetterData> {
  return JSON.parse(await fs.readFile(storePath, 'utf8')) as StoredLetterData;
}

/** Today as the app stores it (the clerk's local calendar day). */
function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const FEEDBACK = 'Die Beleuchtung am Nordmarkt wird im Frühjahr erneuert; vielen Dank für den Hinweis.';

test('Rückmeldung als Brief: erst mit gespeichertem Text, Datei neben dem Register, Export protokolliert, dann als versendet eintragen', async ({
  page,
  harness,
  storePath,
}) => {
  await openApp(page, harness);
  await nav(page, 'Gremien & Beteiligung').click();
  await page.getByRole('tab', { name: 'Anregungen', exact: true }).click();
  await page
    .getByRole('table', { name: 'Anregungen mit Quelle, Ort, Zuständigkeit, Status und Rückmeldung' })
    .getByRole('link', { name: 'A-2026-002', exact: true })
    .click();
  const editor = page.getByRole('form', { name: 'Anregung A-2026-002' });
  await expect(editor).toBeVisible();

  await page.getByText('Kontakt für Rückmeldung (personenbezogen) – hinterlegt', { exact: true }).click();
  await expect(page.getByRole('form', { name: 'Kontakt für Rückmeldung' }).getByRole('textbox', { name: 'Name' })).toHaveValue(
    'Erika Beispiel',
  );
  const letter = page.getByRole('group', { name: 'Rückmeldung als Brief' });
  const button = letter.getByRole('button', { name: 'Rückmeldung als Brief (Word) …' });
  // No feedback text yet: the button is off and says why; the export will be recorded.
  await expect(button).toBeDisabled();
  await expect(button).toHaveAccessibleDescription(/braucht die Anregung einen Text der Rückmeldung/);
  await expect(letter).toContainText('im Änderungsprotokoll des Registers vermerkt');
  expect(await accessibilityViolations(page)).toEqual([]);

  // Typed but not saved: the letter would show the saved state, so save first.
  await editor.getByRole('textbox', { name: 'Text der Rückmeldung' }).fill(FEEDBACK);
  await expect(button).toHaveAccessibleDescription(/Speichern Sie zuerst die Änderungen an der Anregung/);
  await editor.getByRole('button', { name: 'Anregung speichern' }).first().click();
  await expect(page.getByRole('status').filter({ hasText: 'Anregung A-2026-002 wurde gespeichert.' })).toBeVisible();
  await expect(button).toBeEnabled();

  await button.click();
  const notice = letter.getByRole('status').filter({ hasText: 'Der Brief wurde gespeichert unter' });
  await expect(notice).toBeVisible();
  const file = (await notice.locator('.path').textContent())!.trim();
  expect(file).toBe(path.join(path.dirname(storePath), 'Rueckmeldung_A-2026-002.docx'));
  const bytes = await fs.readFile(file);
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  expect(harness.opened).toEqual([file]);
  const text = (await mammoth.extractRawText({ buffer: bytes })).value.replace(/\u2011/g, '-');
  expect(text).toContain('Guten Tag Erika Beispiel,');
  expect(text).toContain(FEEDBACK);
  const entry = (await stored(storePath)).audit.at(-1)!;
  expect(entry).toMatchObject({ action: 'export', changes: [{ field: 'personalDataExport', new: 'Rueckmeldung_A-2026-002.docx' }] });
  expect(JSON.stringify(entry)).not.toContain('Erika');
  expect(await accessibilityViolations(page)).toEqual([]);

  // Entered as sent today through the ordinary save: the register file has the date.
  const markSent = letter.getByRole('button', { name: 'Rückmeldung heute als versendet eintragen' });
  await expect(markSent).toHaveAccessibleDescription(/nach Ablauf der Löschfrist/);
  await markSent.click();
  await expect(letter.getByRole('status').filter({ hasText: 'Die Rückmeldung ist als am' })).toBeVisible();
  // The button is gone; the focus continues at the message.
  await expect(letter.locator('.focus-target')).toBeFocused();
  await expect(markSent).toHaveCount(0);
  const today = localToday();
  const [y, m, d] = today.split('-');
  await expect(editor.getByRole('textbox', { name: 'Rückmeldung gegeben am' })).toHaveValue(`${d}.${m}.${y}`);
  const proposal = (await stored(storePath)).proposals.find((p) => p.number === 'A-2026-002')!;
  expect(proposal).toMatchObject({ feedbackOn: today, feedbackText: FEEDBACK });
  expect(await accessibilityViolations(page)).toEqual([]);
});
