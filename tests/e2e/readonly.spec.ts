import { promises as fs } from 'node:fs';
import os from 'node:os';
import type { Bridge } from '@shared/contract';
import { emptyMeasureFields } from '@shared/register/measure';
import { accessibilityViolations, expect, openApp, test } from './fixtures';
import { escapeRegExp, measureCount, readStore, writeSampleCopy } from './helpers';

/** One writer per register: a second window opens read-only, and a stale lock can be taken over. */

test('Zweite Sitzung auf derselben Datei: nur Lesen, Halter genannt, Schreiben abgelehnt, barrierefrei', async ({ page, harness, startExtraHarness, storePath }) => {
  // The first session (the `harness` fixture) holds the lock.
  expect(harness.session.describe()).toMatchObject({ state: 'open', readOnly: false });
  const second = await startExtraHarness();
  await openApp(page, second);

  const banner = page.getByRole('alert').filter({ hasText: 'Nur Lesen' });
  await expect(banner).toBeVisible();
  // "Nur Lesen:" once, then who holds it where since when.
  const since = /\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}/.source;
  await expect(banner).toHaveText(
    new RegExp(`^Nur Lesen: Das Register ist geöffnet von ${escapeRegExp(os.userInfo().username)} auf ${escapeRegExp(os.hostname())} seit ${since}\\. Änderungen sind erst möglich, wenn dort geschlossen wird\\.$`),
  );
  await expect(banner.getByRole('button', { name: 'Sperre übernehmen …' })).toHaveCount(0);
  await expect(page.getByRole('banner').getByText('Nur Lesen', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Neue Maßnahme' })).toBeDisabled();
  await expect(measureCount(page)).toHaveText('36 Maßnahmen');

  // Ctrl+N does nothing in a read-only window.
  await page.keyboard.press('Control+n');
  await expect(page.getByRole('heading', { level: 1, name: 'Maßnahmen' })).toBeVisible();

  // A measure can be read, not edited or deleted.
  await page.getByRole('link', { name: 'Präventionsrat Hörde' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'HF1-02 Präventionsrat Hörde' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Bearbeiten' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'In den Papierkorb …' })).toBeDisabled();
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Zurück zur Liste' }).click();
  await expect(measureCount(page)).toHaveText('36 Maßnahmen');
  expect(await accessibilityViolations(page)).toEqual([]);

  // Even a direct call through the bridge is refused by the main side.
  const before = await fs.readFile(storePath);
  const fields = { ...emptyMeasureFields((await readStore(storePath)).actionFields[0]!.id, 'HF1-99'), title: 'Darf nicht gespeichert werden' };
  const result = await page.evaluate((f) => (globalThis as unknown as { masterplan: Bridge }).masterplan.createMeasure({ fields: f }), fields);
  expect(result).toEqual({ ok: false, error: { code: 'READ_ONLY', message: 'Das Register ist nur zum Lesen geöffnet. Die Änderung wurde nicht gespeichert.' } });
  expect((await fs.readFile(storePath)).equals(before)).toBe(true);

  // The same payload is accepted by the session that holds the lock (so it was valid).
  const ok = await fetch(new URL('/api/createMeasure', harness.url), { method: 'POST', headers: { 'content-type': 'application/json', 'x-harness-token': harness.token }, body: JSON.stringify({ fields }) }).then((r) => r.json());
  expect(ok).toMatchObject({ ok: true, value: { value: { title: 'Darf nicht gespeichert werden' } } });
});

test.describe('veraltete Sperre', () => {
  test('Banner nennt die veraltete Sperre, „Sperre übernehmen …“ mit Rückfrage macht das Register bearbeitbar', async ({ page, startExtraHarness, storePath }) => {
    await writeSampleCopy(storePath);
    const old = new Date(Date.now() - 60 * 60 * 1000).toISOString();
    const lock = { user: 'Herr Abgestürzt', host: 'RECHNER-ALT', pid: 4711, instanceId: 'fremde-sitzung-1', since: old, heartbeatAt: old };
    await fs.writeFile(`${storePath}.lock`, JSON.stringify(lock));
    const before = await fs.readFile(storePath);

    const h = await startExtraHarness();
    await openApp(page, h);
    const banner = page.getByRole('alert').filter({ hasText: 'Nur Lesen' });
    await expect(banner).toHaveText(/^Nur Lesen: Die Sperre von Herr Abgestürzt auf RECHNER-ALT ist veraltet \(letztes Lebenszeichen \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}\)\. Vermutlich ist das Programm dort abgestürzt\. ?Sperre übernehmen …$/);
    await expect(page.getByRole('button', { name: 'Neue Maßnahme' })).toBeDisabled();
    expect(await accessibilityViolations(page)).toEqual([]);

    // Cancelling the confirmation changes nothing.
    await banner.getByRole('button', { name: 'Sperre übernehmen …' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nur Lesen' });
    await expect(dialog).toHaveAccessibleDescription(/^Die Sperre von Herr Abgestürzt auf RECHNER-ALT übernehmen\?/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Abbrechen' }).click();
    await expect(dialog).toBeHidden();
    await expect(banner).toBeVisible();
    expect(JSON.parse(await fs.readFile(`${storePath}.lock`, 'utf8'))).toEqual(lock);

    await banner.getByRole('button', { name: 'Sperre übernehmen …' }).click();
    await dialog.getByRole('button', { name: 'Sperre übernehmen' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Nur Lesen' })).toHaveCount(0);
    await expect(page.getByRole('banner').getByText('Nur Lesen', { exact: true })).toHaveCount(0);
    const newLock = JSON.parse(await fs.readFile(`${storePath}.lock`, 'utf8')) as typeof lock;
    expect(newLock.instanceId).not.toBe(lock.instanceId);
    expect(newLock.host).toBe(os.hostname());
    expect((await fs.readFile(storePath)).equals(before)).toBe(true);

    // Editing works now, and is saved.
    await expect(page.getByRole('button', { name: 'Neue Maßnahme' })).toBeEnabled();
    await page.getByRole('button', { name: 'Neue Maßnahme' }).click();
    await page.getByRole('textbox', { name: 'Titel', exact: true }).fill('Nach Übernahme angelegt');
    await page.getByRole('button', { name: 'Maßnahme speichern' }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'HF1-13 Nach Übernahme angelegt' })).toBeVisible();
    expect((await readStore(storePath)).measures.some((m) => m.title === 'Nach Übernahme angelegt')).toBe(true);
  });
});

// The read-only window's status poll must only look at the lock file, never create it (an orphaned lock
// would block everybody until it goes stale); once the holder has closed, editing can be enabled.
test('Schließt der Halter, hinterlässt das Lese-Fenster beim Nachfragen keine verwaiste Sperre', async ({ page, harness, startExtraHarness, storePath }) => {
  const second = await startExtraHarness();
  await openApp(page, second);
  await expect(page.getByRole('alert').filter({ hasText: 'Nur Lesen' })).toBeVisible();
  await harness.close();
  await expect(fs.access(`${storePath}.lock`)).rejects.toThrow();

  // What the read-only window's 10-second poll does.
  const session = await page.evaluate(() => (globalThis as unknown as { masterplan: Bridge }).masterplan.getSession({}));
  expect(session.ok).toBe(true);
  const lockNow = await fs.readFile(`${storePath}.lock`, 'utf8').catch(() => null);
  const stillReadOnly = session.ok && session.value.state === 'open' && session.value.readOnly;
  // Either the window took the lock over properly (and may edit), or it left the file alone.
  expect(stillReadOnly ? lockNow : null).toBeNull();
  expect(session.ok && session.value.state === 'open' && session.value.lockHolder).toBeNull();

  // The banner says the register was closed there and offers editing without a take-over dialog.
  await page.reload();
  await expect(page.getByRole('alert').filter({ hasText: 'geschlossen' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('button', { name: 'Maßnahmen', exact: true }).click();
  await page.getByRole('button', { name: 'Bearbeiten ermöglichen' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Nur Lesen' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Neue Maßnahme' })).toBeEnabled();
  await expect(fs.access(`${storePath}.lock`)).resolves.toBeUndefined();
  await second.close();
  await expect(fs.access(`${storePath}.lock`)).rejects.toThrow();
});
