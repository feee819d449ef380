import { promises as fs } from 'node:fs';
import path from 'node:path';
import { CURRENT_SCHEMA_VERSION } from '@shared/register/register';
import { startHarness } from '../harness/server';
import { accessibilityViolations, expect, openApp, test } from './fixtures';
import { currentEdition, measureCount, readStore, writeSampleCopy } from './helpers';

/** Files that cannot be opened, restoring a backup, opening another register, malformed calls. */

const CORRUPT = '{"schemaVersion": 2, "measures": [';

/** A register file with one valid start backup beside it (made by opening and closing it once). */
async function registerWithBackup(dir: string, storePath: string): Promise<string[]> {
  await writeSampleCopy(storePath);
  const once = await startHarness({ storePath, settingsDir: path.join(dir, 'einstellungen-vorher') });
  await once.session.completeStart(); // the page would call it after its first screen
  await once.close();
  const backups = await fs.readdir(path.join(dir, 'register-Sicherungen'));
  expect(backups).toEqual([expect.stringMatching(/^register_.*_start\.json$/)]);
  return backups;
}

test('Beschädigte Registerdatei: Fehlerseite nennt Datei und Sicherung, verändert nichts, Wiederherstellen öffnet das Register', async ({
  page,
  dir,
  storePath,
  startExtraHarness,
}) => {
  await registerWithBackup(dir, storePath);
  await fs.writeFile(storePath, CORRUPT);

  const h = await startExtraHarness();
  await page.goto(h.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Das Register kann nicht geöffnet werden' })).toBeVisible();
  const message = page.getByRole('alert');
  await expect(message).toContainText('Das Register „register.json“ kann nicht geöffnet werden.');
  await expect(message).toContainText('beschädigt');
  await expect(message).toContainText(/Sie können die Sicherung vom \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2} öffnen\./);
  const backups = page.getByRole('region', { name: 'Verfügbare Sicherungen' });
  const restore = backups.getByRole('button', { name: /^Sicherung vom \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2} wiederherstellen$/ });
  await expect(restore).toHaveCount(1);
  await expect(backups.getByText('(beim Start)')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Andere Datei öffnen …' })).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);

  // Just showing the error leaves the damaged file exactly as it was, and no lock behind.
  expect(await fs.readFile(storePath, 'utf8')).toBe(CORRUPT);
  await expect(fs.access(`${storePath}.lock`)).rejects.toThrow();

  await restore.click();
  // A confirmation names what is replaced and where the old content is kept; cancelling changes nothing.
  const dialog = page.getByRole('dialog', { name: 'Sicherung wiederherstellen?' });
  await expect(dialog).toContainText('„register.json“ wird durch die Sicherung vom');
  await expect(dialog).toContainText('register-Sicherungen');
  await dialog.getByRole('button', { name: 'Abbrechen' }).click();
  expect(await fs.readFile(storePath, 'utf8')).toBe(CORRUPT);
  await restore.click();
  await dialog.getByRole('button', { name: 'Wiederherstellen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('button', { name: 'Maßnahmen', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Maßnahmen' })).toBeVisible();
  await expect(measureCount(page)).toHaveText('36 Maßnahmen');
  const backupDir = path.join(dir, 'register-Sicherungen');
  const kept = (await fs.readdir(backupDir)).filter((n) => /^register_.*_beschaedigt\.json$/.test(n));
  expect(kept).toHaveLength(1);
  expect(await fs.readFile(path.join(backupDir, kept[0]!), 'utf8')).toBe(CORRUPT);
  expect(currentEdition(await readStore(storePath)).measures).toHaveLength(36);
});

test('Datei nicht lesbar (Ordner statt Datei): nur „Erneut versuchen“, keine Wiederherstellung; danach öffnet sie unverändert', async ({
  page,
  dir,
  storePath,
  startExtraHarness,
}) => {
  await registerWithBackup(dir, storePath);
  const original = await fs.readFile(storePath, 'utf8');
  await fs.rename(storePath, `${storePath}.weg`);
  await fs.mkdir(storePath);
  const h = await startExtraHarness();
  await page.goto(h.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Das Register kann nicht geöffnet werden' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Am Inhalt der Datei ist nichts beschädigt');
  await expect(page.getByRole('region', { name: 'Verfügbare Sicherungen' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /wiederherstellen/ })).toHaveCount(0);
  expect(await accessibilityViolations(page)).toEqual([]);
  await fs.rmdir(storePath);
  await fs.rename(`${storePath}.weg`, storePath);
  await page.getByRole('button', { name: 'Erneut versuchen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible();
  const after = JSON.parse(await fs.readFile(storePath, 'utf8')) as { registerId: string };
  expect(after.registerId).toBe((JSON.parse(original) as { registerId: string }).registerId);
});

test('Datei aus einer neueren Programmversion wird nicht geöffnet und nicht verändert', async ({ page, storePath, startExtraHarness }) => {
  const doc = await writeSampleCopy(storePath, { schemaVersion: 99 });
  const before = await fs.readFile(storePath);
  const h = await startExtraHarness();
  await page.goto(h.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Das Register kann nicht geöffnet werden' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText(
    `Die Datei wurde mit einer neueren Programmversion gespeichert (Format 99, dieses Programm kennt bis Format ${CURRENT_SCHEMA_VERSION}).`,
  );
  await expect(page.getByRole('alert')).toContainText('Es gibt keine gültige Sicherung dieser Datei.');
  await expect(page.getByRole('region', { name: 'Verfügbare Sicherungen' })).toHaveCount(0);
  expect(await accessibilityViolations(page)).toEqual([]);
  expect((await fs.readFile(storePath)).equals(before)).toBe(true);
  expect(doc.schemaVersion).toBe(99);
});

test('„Register öffnen…“ über das Menü und Strg+O öffnen eine andere Registerdatei', async ({
  page,
  dir,
  storePath,
  startExtraHarness,
}) => {
  const otherPath = path.join(dir, 'andere', 'Bezirk-Nord.json');
  await writeSampleCopy(otherPath, { name: 'Register Innenstadt-Nord', isSample: false });
  // The file dialog answers: first the other file, then the first one again, then "cancelled".
  const answers = [otherPath, storePath, null];
  const h = await startExtraHarness({ pickRegister: (mode) => (mode === 'open' ? (answers.shift() ?? null) : null) });
  await openApp(page, h);
  const header = page.getByRole('banner');
  await expect(header).toContainText('Masterplan Kommunale Sicherheit – Beispielregister');

  await page.evaluate(() => (globalThis as unknown as { __harnessMenu: (c: string) => void }).__harnessMenu('openRegister'));
  await expect(header).toContainText('Register Innenstadt-Nord');
  await expect(header.getByText('Beispieldaten')).toHaveCount(0);
  await expect(page.getByRole('contentinfo')).toContainText(`Registerdatei: ${otherPath}`);
  await expect(page.getByRole('contentinfo')).toContainText('Echte Daten');
  await expect(measureCount(page)).toHaveText('36 Maßnahmen');
  // This window is now listed as working on the other file (presence, docs/multi-user.md), no longer on the first.
  expect(await fs.readdir(`${otherPath}.presence`)).toHaveLength(1);
  expect(await fs.readdir(`${storePath}.presence`)).toEqual([]);

  await page.keyboard.press('Control+o');
  await expect(header).toContainText('Masterplan Kommunale Sicherheit – Beispielregister');
  await expect(page.getByRole('contentinfo')).toContainText(`Registerdatei: ${storePath}`);
  expect(await fs.readdir(`${otherPath}.presence`)).toEqual([]);

  // A cancelled dialog keeps the current register and shows no error.
  await page.keyboard.press('Control+o');
  await expect.poll(() => answers.length).toBe(0);
  await expect(header).toContainText('Masterplan Kommunale Sicherheit – Beispielregister');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('„Neues Register …“ aus den Einstellungen legt ein leeres Register an, eine vorhandene Datei wird nicht überschrieben', async ({
  page,
  dir,
  storePath,
  startExtraHarness,
}) => {
  const newPath = path.join(dir, 'neu', 'Register-2027.json');
  const answers = [storePath, newPath];
  const h = await startExtraHarness({ pickRegister: (mode) => (mode === 'new' ? (answers.shift() ?? null) : null) });
  await openApp(page, h);
  const before = await fs.readFile(storePath);
  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  await nav.getByRole('button', { name: 'Einstellungen' }).click();

  // The chosen file exists: refused with a German message, nothing overwritten.
  await page.getByRole('button', { name: 'Neues Register …' }).click();
  const dialog = page.getByRole('dialog', { name: 'Fehler' });
  await expect(dialog).toHaveAccessibleDescription('An diesem Ort gibt es bereits eine Datei. Bitte wählen Sie einen anderen Namen.');
  expect(await accessibilityViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Schließen' }).click();
  expect((await fs.readFile(storePath)).equals(before)).toBe(true);

  await nav.getByRole('button', { name: 'Einstellungen' }).click();
  await page.getByRole('button', { name: 'Neues Register …' }).click();
  await expect(measureCount(page)).toHaveText('0 Maßnahmen');
  await expect(page.getByText('Keine Maßnahme passt zu Suche und Filtern.')).toBeVisible();
  await expect(page.getByRole('contentinfo')).toContainText(`Registerdatei: ${newPath}`);
  await expect(page.getByRole('contentinfo')).toContainText('Echte Daten');
  const created = await readStore(newPath);
  expect(created).toMatchObject({ isSample: false, measures: [] });
  expect(created.actionFields.map((f) => f.code)).toEqual(['HF1', 'HF2', 'HF3']);
  expect(created.orgUnits.length).toBeGreaterThan(0);
});

test('Ungültige Anfragen über die Brücke werden mit deutscher Meldung abgelehnt, nichts wird geschrieben', async ({
  page,
  harness,
  storePath,
}) => {
  await openApp(page, harness);
  const before = await fs.readFile(storePath);
  const result = await page.evaluate(() =>
    (globalThis as unknown as { masterplan: Record<string, (r: unknown) => Promise<unknown>> }).masterplan.updateMeasure!({ id: 5 }),
  );
  expect(result).toMatchObject({
    ok: false,
    error: { code: 'BAD_REQUEST', message: 'Die Anfrage hatte ein ungültiges Format und wurde nicht ausgeführt.' },
  });

  const others = await page.evaluate(async () => {
    const api = (globalThis as unknown as { masterplan: Record<string, (r: unknown) => Promise<unknown>> }).masterplan;
    return Promise.all([
      api.deleteMeasure!({ id: '../register', version: 1 }),
      api.createMeasure!({ fields: { title: 'nur ein Titel' } }),
      api.restoreBackup!({ backupPath: '/etc/passwd' }),
      api.getMeasure!({ id: 'gibt-es-nicht' }),
    ]);
  });
  expect(others).toEqual([
    expect.objectContaining({
      ok: false,
      error: expect.objectContaining({
        code: 'BAD_REQUEST',
        message: 'Die Anfrage hatte ein ungültiges Format und wurde nicht ausgeführt.',
      }),
    }),
    expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'BAD_REQUEST' }) }),
    expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'BAD_REQUEST' }) }),
    { ok: false, error: { code: 'NOT_FOUND', message: 'Der Eintrag wurde nicht gefunden. Vielleicht wurde er inzwischen gelöscht.' } },
  ]);
  expect((await fs.readFile(storePath)).equals(before)).toBe(true);
  // The app itself is unaffected.
  await expect(measureCount(page)).toHaveText('36 Maßnahmen');
});
