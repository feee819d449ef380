import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Bridge } from '@shared/contract';
import type { Harness } from '../harness/server';
import { accessibilityViolations, expect, openApp, test } from './fixtures';
import { measureCount, readStore, writeSampleCopy } from './helpers';

/**
 * Mehrplatzbetrieb: two windows (two harnesses = two app instances) on one register file, both writing
 * through the short write lock and the journal. A change in one appears in the other without reloading.
 */
const JOURNAL = { storeOptions: { journalFromBytes: 0 } };
// The window asks every 3 s; allow a few rounds on a loaded machine.
const FOLLOW = { timeout: 15_000 };

async function asClerk(dir: string, n: number, name: string): Promise<string> {
  const settingsDir = path.join(dir, `sachbearbeitung-${n}`);
  await fs.mkdir(settingsDir, { recursive: true });
  await fs.writeFile(path.join(settingsDir, 'einstellungen.json'), JSON.stringify({ displayName: name }));
  return settingsDir;
}

test('Zwei Arbeitsplätze: beide bearbeiten, Änderungen erscheinen beim anderen ohne Neuladen, Anwesenheit sichtbar', async ({
  page,
  dir,
  storePath,
  startExtraHarness,
}) => {
  await writeSampleCopy(storePath);
  const anna: Harness = await startExtraHarness({ ...JOURNAL, settingsDir: await asClerk(dir, 1, 'Anna Amsel') });
  const bernd: Harness = await startExtraHarness({ ...JOURNAL, settingsDir: await asClerk(dir, 2, 'Bernd Birke') });
  const pageB = await page.context().newPage();
  await openApp(page, anna);
  await openApp(pageB, bernd);
  for (const p of [page, pageB]) {
    await expect(p.getByRole('alert').filter({ hasText: 'Nur Lesen' })).toHaveCount(0);
    await expect(p.getByRole('button', { name: 'Neue Maßnahme' })).toBeEnabled();
  }
  await expect(measureCount(pageB)).toHaveText('36 Maßnahmen');

  // Anna creates a measure in her window.
  await page.getByRole('button', { name: 'Neue Maßnahme' }).click();
  await page.getByRole('textbox', { name: 'Titel', exact: true }).fill('Von Anna angelegt');
  await page.getByRole('button', { name: 'Maßnahme speichern' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: /Von Anna angelegt/ })).toBeVisible();

  // Bernd's list shows it without a reload, and his status bar says who changed the register when.
  await expect(measureCount(pageB)).toHaveText('37 Maßnahmen', FOLLOW);
  await expect(pageB.getByRole('link', { name: 'Von Anna angelegt' })).toBeVisible();
  await expect(pageB.locator('.status-bar')).toContainText(/Geändert von Anna Amsel um \d{2}:\d{2}/);

  // Who works on the register: both, with computer and since when.
  const presence = pageB.getByRole('button', { name: '2 Personen arbeiten am Register' });
  await expect(presence).toBeVisible(FOLLOW);
  await presence.click();
  const panel = pageB.getByRole('dialog', { name: 'Wer arbeitet am Register' });
  await expect(panel.getByRole('listitem')).toHaveCount(2);
  await expect(panel).toContainText(`Anna Amsel auf ${os.hostname()}`);
  await expect(panel).toContainText('(Sie)');
  expect(await accessibilityViolations(pageB)).toEqual([]);
  await panel.getByRole('button', { name: 'Schließen' }).click();

  // Bernd changes another measure; it lands next to Anna's (no lost update).
  await pageB.getByRole('link', { name: 'Präventionsrat Hörde' }).click();
  await pageB.getByRole('button', { name: 'Bearbeiten' }).click();
  await pageB.getByRole('textbox', { name: 'Titel', exact: true }).fill('Präventionsrat Hörde (von Bernd)');
  await pageB.getByRole('button', { name: 'Maßnahme speichern' }).first().click();
  await expect(pageB.getByRole('heading', { level: 1, name: /Präventionsrat Hörde \(von Bernd\)/ })).toBeVisible();
  await page
    .getByRole('button', { name: 'Zurück zur Liste' })
    .click()
    .catch(() => undefined);
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('button', { name: 'Maßnahmen', exact: true }).click();
  await expect(page.getByRole('link', { name: 'Präventionsrat Hörde (von Bernd)' })).toBeVisible(FOLLOW);
  const stored = await readStore(storePath);
  expect(stored.measures.filter((m) => m.title === 'Von Anna angelegt' || m.title === 'Präventionsrat Hörde (von Bernd)')).toHaveLength(2);
  expect(await accessibilityViolations(page)).toEqual([]);
  await pageB.close();
});

test('Ein offenes Formular erfährt, dass der Eintrag anderswo geändert wurde; Speichern wird abgelehnt, die Eingabe bleibt', async ({
  page,
  dir,
  storePath,
  startExtraHarness,
}) => {
  await writeSampleCopy(storePath);
  const anna = await startExtraHarness({ ...JOURNAL, settingsDir: await asClerk(dir, 1, 'Anna Amsel') });
  const bernd = await startExtraHarness({ ...JOURNAL, settingsDir: await asClerk(dir, 2, 'Bernd Birke') });
  await openApp(page, bernd);
  await page.getByRole('link', { name: 'Präventionsrat Hörde' }).click();
  await page.getByRole('button', { name: 'Bearbeiten' }).click();
  const title = page.getByRole('textbox', { name: 'Titel', exact: true });
  await title.fill('Bernds Entwurf');

  // Meanwhile Anna changes the same measure (through her window's services).
  const doc = anna.session.requireOpen().store.doc;
  const measure = doc.measures.find((m) => m.title === 'Präventionsrat Hörde')!;
  const { id, version, createdAt: _c, updatedAt: _u, deletedAt: _d, ...fields } = measure;
  const response = await fetch(new URL('/api/updateMeasure', anna.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-harness-token': anna.token },
    body: JSON.stringify({ id, version, fields: { ...fields, title: 'Annas Fassung' } }),
  });
  expect(await response.json()).toMatchObject({ ok: true });

  await expect(page.getByText('inzwischen an einem anderen Arbeitsplatz geändert')).toBeVisible(FOLLOW);
  await expect(title).toHaveValue('Bernds Entwurf');
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Maßnahme speichern' }).first().click();
  await expect(page.getByText('Der Eintrag wurde inzwischen geändert').first()).toBeVisible();
  await expect(title).toHaveValue('Bernds Entwurf');
  expect((await readStore(storePath)).measures.find((m) => m.id === id)?.title).toBe('Annas Fassung');
});

test('Eine ältere Programmversion mit Sitzungssperre: hier nur Lesen mit Erklärung; Schreiben abgelehnt', async ({
  page,
  storePath,
  startExtraHarness,
}) => {
  await writeSampleCopy(storePath);
  const now = new Date().toISOString();
  await fs.writeFile(
    `${storePath}.lock`,
    JSON.stringify({ user: 'Herr Alt', host: 'RECHNER-ALT', pid: 4711, instanceId: 'alt-1', since: now, heartbeatAt: now }),
  );
  const h = await startExtraHarness();
  await openApp(page, h);
  const banner = page.getByRole('alert').filter({ hasText: 'Nur Lesen' });
  await expect(banner).toContainText('Herr Alt');
  await expect(page.getByRole('button', { name: 'Neue Maßnahme' })).toBeDisabled();
  const before = await fs.readFile(storePath);
  const result = await page.evaluate(() =>
    (globalThis as unknown as { masterplan: Bridge }).masterplan.deleteMeasure({ id: '00000000-0000-4000-8000-000000000000', version: 1 }),
  );
  expect(result).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
  expect((await fs.readFile(storePath)).equals(before)).toBe(true);
  expect(await accessibilityViolations(page)).toEqual([]);
});
