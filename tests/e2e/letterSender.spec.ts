import { promises as fs } from 'node:fs';
import path from 'node:path';
import { accessibilityViolations, expect, openApp, test } from './fixtures';
import { nav } from './helpers';

/**
 * Einstellungen → "Absender für Briefe": the shipped values are marked as example data; a wrong
 * Postleitzahl or e-mail address is refused at its field in German; saved values replace the example and
 * stay after leaving the screen. Screenshots at 1366×768 and 1920×1080 go to /tmp/i13b-shots/.
 */
test('Absender für Briefe: Beispielangaben markiert, Prüfung am Feld, gespeichert und barrierefrei', async ({ page, harness }) => {
  await openApp(page, harness);
  await nav(page, 'Einstellungen').click();
  const section = page.getByRole('region', { name: 'Absender für Briefe' });
  await expect(section.getByRole('status').filter({ hasText: 'Beispielangaben' })).toBeVisible();
  await expect(section.getByRole('textbox', { name: 'Behörde (z. B. Stadt Dortmund)' })).toHaveValue('Stadt Dortmund');
  await expect(section.getByRole('textbox', { name: 'Straße und Hausnummer oder Postfach' })).toHaveValue('Friedensplatz 1');
  expect(await accessibilityViolations(page)).toEqual([]);
  for (const [width, height] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `/tmp/i13b-shots/einstellungen-absender-${width}x${height}.png` });
  }

  await section.getByRole('textbox', { name: 'Postleitzahl' }).fill('4413');
  await section.getByRole('textbox', { name: 'E-Mail' }).fill('kein-at-zeichen');
  await section.getByRole('button', { name: 'Absender speichern' }).click();
  await expect(section.getByRole('textbox', { name: 'Postleitzahl' })).toHaveAccessibleDescription(
    /Bitte eine Postleitzahl aus fünf Ziffern angeben, z\. B\. 44135\./,
  );
  await expect(section.getByRole('textbox', { name: 'E-Mail' })).toHaveAccessibleDescription(
    /Bitte eine E-Mail-Adresse wie name@stadtdo\.de angeben\./,
  );
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.screenshot({ path: '/tmp/i13b-shots/einstellungen-absender-fehler-1920x1080.png' });

  await section.getByRole('textbox', { name: 'Postleitzahl' }).fill('44135');
  await section.getByRole('textbox', { name: 'E-Mail' }).fill('kommunale-sicherheit@stadtdo.de');
  await section.getByRole('textbox', { name: 'Ansprechpartner/in (Vor- und Nachname)' }).fill('Marion Beispiel');
  await section.getByRole('button', { name: 'Absender speichern' }).click();
  await expect(section.getByRole('status').filter({ hasText: 'Absender gespeichert.' })).toBeVisible();
  await expect(section.getByText('Beispielangaben')).toHaveCount(0);

  await nav(page, 'Maßnahmen').click();
  await nav(page, 'Einstellungen').click();
  await expect(page.getByRole('textbox', { name: 'Ansprechpartner/in (Vor- und Nachname)' })).toHaveValue('Marion Beispiel');
  await expect(page.getByText('Beispielangaben')).toHaveCount(0);
});

test('Einstellungen: ungespeicherte Eingaben in einem der beiden Formulare halten beim Verlassen auf; jedes speichert nur seine Felder', async ({
  page,
  harness,
  dir,
}) => {
  const settingsFile = path.join(dir, 'einstellungen', 'einstellungen.json');
  const stored = async () =>
    JSON.parse(await fs.readFile(settingsFile, 'utf8')) as { displayName: string; letterSender: { contactName: string } };
  await openApp(page, harness);
  await nav(page, 'Einstellungen').click();
  const nameBefore = (await stored()).displayName;
  const sender = page.getByRole('region', { name: 'Absender für Briefe' });
  const dialog = page.getByRole('dialog', { name: 'Ungespeicherte Änderungen' });

  // Input in the sender form alone keeps the user from leaving unasked.
  await sender.getByRole('textbox', { name: 'Ansprechpartner/in (Vor- und Nachname)' }).fill('Marion Beispiel');
  await nav(page, 'Maßnahmen').click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Weiter bearbeiten' }).click();
  await expect(sender.getByRole('textbox', { name: 'Ansprechpartner/in (Vor- und Nachname)' })).toHaveValue('Marion Beispiel');

  // Saving the sender does not save the other form's unsaved name, and does not throw that input away.
  const nameField = page.getByRole('textbox', { name: 'Anzeigename im Änderungsprotokoll' });
  await nameField.fill('Noch nicht gespeichert');
  await sender.getByRole('button', { name: 'Absender speichern' }).click();
  await expect(sender.getByRole('status').filter({ hasText: 'Absender gespeichert.' })).toBeVisible();
  expect(await stored()).toMatchObject({ displayName: nameBefore, letterSender: { contactName: 'Marion Beispiel' } });
  await expect(nameField).toHaveValue('Noch nicht gespeichert');

  // The name is still unsaved: leaving asks again; discarding leaves the stored name as it was.
  await nav(page, 'Maßnahmen').click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Änderungen verwerfen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Maßnahmen' })).toBeVisible();
  expect((await stored()).displayName).toBe(nameBefore);
});
