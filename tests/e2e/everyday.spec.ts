import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { E2E_USER_NAME } from '../harness/server';
import { accessibilityViolations, expect, openApp, test } from './fixtures';
import { openMeasure, readStore } from './helpers';

/**
 * Everyday work (issue 15): the Verlauf in German, who is working (first start), lenient date entry with
 * a calendar, "Status ändern" in a small dialog. Each at the office laptop's 1366×768 and at 1920×1080.
 */
const SHOTS = '/tmp/i15b-shots';
const ISO_DATE = /\d{4}-\d{2}-\d{2}/;
const KEYS = /\b(in_umsetzung|in_planung|verzoegert|zurueckgestellt|aenderungen|massnahme|foerdermittel)\b/;

async function shot(page: Page, name: string) {
  await fs.mkdir(SHOTS, { recursive: true });
  const { width } = page.viewportSize()!;
  await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`) });
}

for (const viewport of [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
]) {
  test.describe(`${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('Status ändern im Dialog per Tastatur; der Verlauf zeigt Wörter, deutsche Daten, keine Schlüssel', async ({
      page,
      harness,
      storePath,
    }) => {
      await openApp(page, harness);
      await openMeasure(page, 'Präventionsrat Hörde');
      const open = page.getByRole('button', { name: 'Status ändern …' });
      await open.focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: 'Status von HF1-02 ändern' });
      await expect(dialog).toBeVisible();
      await expect(dialog.getByRole('combobox', { name: 'Neuer Status' })).toBeFocused();
      expect(await accessibilityViolations(page)).toEqual([]);

      // "eingestellt" needs a reason: refused at the field, nothing saved.
      const before = await fs.readFile(storePath);
      await dialog.getByRole('combobox', { name: 'Neuer Status' }).selectOption({ label: 'eingestellt (0 %)' });
      await dialog.getByRole('textbox', { name: 'Begründung zum Status (erforderlich)' }).fill('');
      const end = dialog.getByRole('textbox', { name: 'Tatsächliches Ende' });
      await end.fill('31.3.27');
      await end.press('Tab');
      await expect(end).toHaveValue('31.03.2027');
      await shot(page, 'status-dialog');
      await dialog.getByRole('button', { name: 'Status speichern' }).click();
      await expect(dialog.getByText(/Für den Status „eingestellt“ ist eine Begründung erforderlich/)).toBeVisible();
      expect((await fs.readFile(storePath)).equals(before)).toBe(true);

      await dialog.getByRole('textbox', { name: 'Begründung zum Status (erforderlich)' }).fill('Aufgegangen im Quartiersmanagement.');
      await dialog.getByRole('button', { name: 'Status speichern' }).press('Enter');
      await expect(dialog).toBeHidden();
      await expect(page.getByRole('status').filter({ hasText: 'Status von HF1-02 ist jetzt „eingestellt“.' })).toBeVisible();
      await expect(open).toBeFocused();

      const stored = (await readStore(storePath)).measures.find((m) => m.number === 'HF1-02')!;
      expect(stored).toMatchObject({ status: 'eingestellt', actualEnd: '2027-03-31' });

      await page.getByRole('tab', { name: 'Verlauf' }).click();
      const history = page.getByRole('table', { name: 'Änderungen an dieser Maßnahme, neueste zuerst' });
      const row = history.getByRole('row').filter({ hasText: 'Status' }).first();
      await expect(row).toContainText('eingestellt');
      await expect(row.getByRole('cell').nth(1)).toHaveText(E2E_USER_NAME);
      await expect(history.getByRole('row').filter({ hasText: 'Tatsächliches Ende' })).toContainText('31.03.2027');
      const text = await history.innerText();
      expect(text).not.toMatch(ISO_DATE);
      expect(text).not.toMatch(KEYS);
      await shot(page, 'verlauf');
      // The raw values stay in the stored audit entry.
      const audit = (await readStore(storePath)).audit.filter((a) => a.entityId === stored.id).at(-1)!;
      expect(audit.changes).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: 'actualEnd', new: '2027-03-31' }),
          expect.objectContaining({ field: 'status', new: 'eingestellt' }),
        ]),
      );
    });

    test('Datumseingabe: 1.6.27, 2027-06-01, heute, +14 werden TT.MM.JJJJ; Unsinn bekommt eine deutsche Meldung; Kalender per Tastatur', async ({
      page,
      harness,
    }) => {
      await openApp(page, harness);
      await openMeasure(page, 'Präventionsrat Hörde');
      await page.getByRole('button', { name: 'Bearbeiten' }).click();
      const field = page.getByRole('textbox', { name: 'Geplanter Beginn' });
      const pad = (n: number) => String(n).padStart(2, '0');
      const german = (d: Date) => `${pad(d.getDate())}.${pad(d.getMonth() + 1)}.${d.getFullYear()}`;
      const today = new Date();
      const inTwoWeeks = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 14);
      for (const [typed, shown] of [
        ['1.6.27', '01.06.2027'],
        ['01.06.2027', '01.06.2027'],
        ['2027-06-01', '01.06.2027'],
        ['heute', german(today)],
        ['+14', german(inTwoWeeks)],
      ] as const) {
        await field.fill(typed);
        await field.press('Tab');
        await expect(field, typed).toHaveValue(shown);
        await expect(field).not.toHaveAttribute('aria-invalid', 'true');
      }
      await field.fill('abc');
      await field.press('Tab');
      await expect(field).toHaveAttribute('aria-invalid', 'true');
      await expect(page.getByText('„abc“ ist kein Datum. Bitte z. B. 31.12.2025 eingeben')).toBeVisible();
      await shot(page, 'date-error');

      // The calendar: opened from its button, days by arrow keys, Enter takes the day, focus returns.
      await field.fill('1.6.27');
      await page.getByRole('button', { name: 'Kalender für „Geplanter Beginn“ öffnen' }).click();
      const calendar = page.getByRole('dialog', { name: 'Datum wählen: Geplanter Beginn' });
      await expect(calendar).toBeVisible();
      await expect(calendar.getByText('Juni 2027')).toBeVisible();
      await expect(calendar.getByRole('button', { name: 'Dienstag, 1. Juni 2027, gewählt' })).toBeFocused();
      expect(await accessibilityViolations(page)).toEqual([]);
      await shot(page, 'calendar');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowDown');
      await expect(calendar.getByRole('button', { name: 'Mittwoch, 9. Juni 2027' })).toBeFocused();
      await page.keyboard.press('PageDown');
      await expect(calendar.getByText('Juli 2027')).toBeVisible();
      await page.keyboard.press('Enter');
      await expect(calendar).toBeHidden();
      await expect(field).toHaveValue('09.07.2027');
      await expect(field).toBeFocused();
      // Esc closes without a change.
      await page.getByRole('button', { name: 'Kalender für „Geplanter Beginn“ öffnen' }).click();
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('Escape');
      await expect(field).toHaveValue('09.07.2027');
    });

    test('F1 öffnet die Anleitung zur Ansicht; eine überfällige Maßnahme sagt es auf ihrer Seite, Angaben ohne Formularhinweise', async ({
      page,
      harness,
    }) => {
      await openApp(page, harness);
      await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('button', { name: 'Ratsvorlagen' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Ratsvorlagen' })).toBeVisible();
      await page.keyboard.press('F1');
      await expect(page.getByRole('heading', { level: 1, name: 'Hilfe' })).toBeVisible();
      const guide = page.getByRole('heading', { level: 3, name: /Wie lege ich eine Ratsvorlage an\?/ });
      await expect(guide).toBeFocused();
      await expect(guide).toContainText('zu dieser Ansicht');
      expect(await accessibilityViolations(page)).toEqual([]);
      await shot(page, 'help');

      await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('button', { name: 'Prüfungen' }).click();
      await page.keyboard.press('F1');
      await expect(page.getByRole('heading', { level: 3, name: /Wie schicke ich ein Prüfpaket\?/ })).toBeFocused();

      await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('button', { name: 'Maßnahmen', exact: true }).click();
      await openMeasure(page, 'Frauen-Nachttaxi');
      await expect(page.getByText(/Überfällig: .*(überschritten|über der Frist)/)).toBeVisible();
      await expect(page.getByRole('definition').filter({ hasText: /Richtwert \d+ %/ })).toBeVisible();
      await expect(page.getByRole('term').filter({ hasText: /\(optional\)|durch Komma/ })).toHaveCount(0);
      await shot(page, 'overdue');
    });

    test('Prüfmeldungen: negativer Betrag und „abc“ verschieden, Zusammenfassung in Formularreihenfolge mit den Überschriften des Formulars', async ({
      page,
      harness,
    }) => {
      await openApp(page, harness);
      await page.getByRole('button', { name: 'Neue Maßnahme' }).click();
      const form = page.getByRole('form', { name: 'Neue Maßnahme' });
      await form.getByRole('button', { name: 'Jahr hinzufügen' }).click();
      await form.getByRole('button', { name: 'Jahr hinzufügen' }).click();
      await form.getByRole('textbox', { name: 'Jahr', exact: true }).nth(0).fill('2027');
      await form.getByRole('textbox', { name: 'Jahr', exact: true }).nth(1).fill('2028');
      await form.getByRole('group', { name: 'Jahr 2027' }).getByRole('textbox', { name: 'geplant (€)' }).fill('-500');
      await form.getByRole('group', { name: 'Jahr 2028' }).getByRole('textbox', { name: 'geplant (€)' }).fill('abc');
      await page.getByRole('button', { name: 'Maßnahme speichern' }).first().click();
      const summary = page.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie' });
      await expect(summary).toBeFocused();
      const links = summary.getByRole('link');
      await expect(links).toHaveText([
        'Titel: Bitte einen Titel eingeben.',
        'Jahr 2027, geplant (€): Der Betrag darf nicht negativ sein. Bitte 0 oder einen Betrag wie 12.500,00 eingeben.',
        'Jahr 2028, geplant (€): Bitte einen Betrag wie 12.500,00 eingeben.',
      ]);
      await shot(page, 'validation');
    });

    test('Erster Start: fragt Name und Dienststelle (nie root), danach stehen sie in Statusleiste und Einstellungen', async ({
      page,
      startExtraHarness,
      dir,
    }) => {
      const harness = await startExtraHarness({ displayName: null });
      await page.goto(harness.url);
      const dialog = page.getByRole('dialog', { name: 'Willkommen beim Masterplan-Register' });
      await expect(dialog).toBeVisible();
      const name = dialog.getByRole('textbox', { name: 'Ihr Name' });
      await expect(name).toBeFocused();
      // This machine's account is "root" (or a login): never offered as a person's name.
      expect((await name.inputValue()).toLowerCase()).not.toBe('root');
      await expect(page.getByRole('contentinfo')).toContainText('Name nicht angegeben');
      await expect(page.getByRole('contentinfo')).not.toContainText('root');
      expect(await accessibilityViolations(page)).toEqual([]);
      await shot(page, 'first-start');

      await name.fill('');
      await page.keyboard.press('Enter');
      await expect(dialog.getByText('Bitte geben Sie Ihren Namen ein.')).toBeVisible();
      await name.fill('Max Beispiel');
      await dialog.getByRole('textbox', { name: 'Dienststelle' }).fill('FB 32 Ordnungsamt');
      await dialog.getByRole('button', { name: 'Speichern und beginnen' }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByRole('contentinfo')).toContainText('Bearbeiter/in: Max Beispiel (FB 32 Ordnungsamt)');
      const settingsFile = path.join(dir, 'einstellungen-2', 'einstellungen.json');
      expect(JSON.parse(await fs.readFile(settingsFile, 'utf8'))).toMatchObject({
        displayName: 'Max Beispiel',
        office: 'FB 32 Ordnungsamt',
      });

      // Asked once: the next start has the name.
      await page.reload();
      await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible();
      await expect(dialog).toBeHidden();
    });
  });
}
