import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Bridge } from '@shared/contract';
import { localDay } from '@shared/core/calendar';
import { formatDate } from '@shared/core/format';
import { E2E_USER_NAME } from '../harness/server';
import { accessibilityViolations, expect, openApp, test } from './fixtures';
import { nav, readStore, tabTo } from './helpers';

/**
 * Edit in place (issue 15): the state of an Anregung and of a tracked decision in one small dialog each,
 * and "Status ändern für Auswahl" in the Maßnahmen list – by keyboard, checked by axe, at the office
 * laptop's 1366×768 and at 1920×1080; each change checked in the stored register and its audit trail.
 */
const SHOTS = '/tmp/x15c-shots';

async function shot(page: Page, name: string) {
  await fs.mkdir(SHOTS, { recursive: true });
  const { width } = page.viewportSize()!;
  await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`) });
}

type Stored = Awaited<ReturnType<typeof readStore>> & {
  proposals: { id: string; number: string; state: string; stateReason: string; version: number }[];
  trackedDecisions: { id: string; printNumber: string; state: string; stateText: string; dueDate: string | null; lastUpdateOn: string }[];
  audit: { entityId: string; entityType: string; action: string; user: string; changes: { field: string; old: unknown; new: unknown }[] }[];
};
const stored = async (storePath: string) => (await readStore(storePath)) as Stored;
const noViolations = async (page: Page, what: string) => expect(await accessibilityViolations(page), what).toEqual([]);

async function openParticipationTab(page: Page, tab: 'Anregungen' | 'Beschlussverfolgung') {
  await nav(page, 'Gremien & Beteiligung').click();
  await page.getByRole('tab', { name: tab, exact: true }).click();
  await expect(page.getByRole('tab', { name: tab, exact: true })).toHaveAttribute('aria-selected', 'true');
}

for (const viewport of [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
]) {
  test.describe(`${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('Anregung: Status ändern im Dialog per Tastatur – Ablehnung nur mit Begründung, gespeichert mit Verlauf', async ({
      page,
      harness,
      storePath,
    }) => {
      await openApp(page, harness);
      await openParticipationTab(page, 'Anregungen');
      await page.getByRole('link', { name: 'A-2026-006', exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Anregung A-2026-006' })).toBeVisible();

      const open = page.getByRole('button', { name: 'Status ändern …' });
      await open.focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: 'Status der Anregung A-2026-006 ändern' });
      await expect(dialog).toBeVisible();
      const state = dialog.getByRole('combobox', { name: 'Neuer Status' });
      await expect(state).toBeFocused();
      // Only the moves the form allows from "eingegangen".
      await expect(state.getByRole('option')).toHaveText(['eingegangen', 'in Prüfung', 'übernommen in Maßnahme', 'erledigt', 'abgelehnt']);
      await noViolations(page, 'Dialog offen');

      // "abgelehnt" without a reason: refused at the field, nothing written.
      const before = JSON.stringify(await stored(storePath));
      await state.selectOption({ label: 'abgelehnt' });
      const reason = dialog.getByRole('textbox', { name: 'Begründung (Pflicht bei Ablehnung)' });
      await reason.fill('');
      await dialog.getByRole('button', { name: 'Status speichern' }).press('Enter');
      await expect(reason).toHaveAttribute('aria-invalid', 'true');
      await expect(reason).toHaveAccessibleDescription(/Begründung/);
      await shot(page, 'anregung-dialog');
      await noViolations(page, 'Dialog mit Fehler');
      expect(JSON.stringify(await stored(storePath))).toBe(before);

      // "übernommen" asks for the measure.
      await state.selectOption({ label: 'übernommen in Maßnahme' });
      await expect(dialog.getByRole('combobox', { name: /Übernommen in Maßnahme/ })).toBeVisible();
      await state.selectOption({ label: 'abgelehnt' });
      await reason.fill('Ein Frühstück organisiert der Stadtteilverein bereits.');
      await reason.press('Tab');
      await page.keyboard.press('Enter');
      await expect(dialog).toBeHidden();
      await expect(page.getByRole('status').filter({ hasText: 'Status der Anregung A-2026-006 ist jetzt „abgelehnt“.' })).toBeVisible();
      await expect(open).toBeFocused();
      await expect(page.getByRole('combobox', { name: /^Status/ })).toHaveValue('abgelehnt');

      const doc = await stored(storePath);
      const proposal = doc.proposals.find((p) => p.number === 'A-2026-006')!;
      expect(proposal).toMatchObject({
        state: 'abgelehnt',
        stateReason: 'Ein Frühstück organisiert der Stadtteilverein bereits.',
        version: 2,
      });
      const entry = doc.audit.filter((a) => a.entityId === proposal.id).at(-1)!;
      expect(entry).toMatchObject({ entityType: 'proposal', action: 'update', user: E2E_USER_NAME });
      expect(entry.changes).toEqual(
        expect.arrayContaining([
          { field: 'state', old: 'eingegangen', new: 'abgelehnt' },
          { field: 'stateReason', old: '', new: 'Ein Frühstück organisiert der Stadtteilverein bereits.' },
        ]),
      );

      // Reopening: from "abgelehnt" only back to "in Prüfung"; Esc closes unchanged.
      await open.press('Enter');
      await expect(dialog.getByRole('combobox', { name: 'Neuer Status' }).getByRole('option')).toHaveText(['abgelehnt', 'in Prüfung']);
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expect(open).toBeFocused();
      await expect(page.getByRole('heading', { level: 1, name: 'Anregung A-2026-006' })).toBeVisible();
    });

    test('Beschluss: Status, Stand und Frist im Dialog – Frist vor dem Beschluss abgelehnt, dann gespeichert mit Verlauf', async ({
      page,
      harness,
      storePath,
    }) => {
      await openApp(page, harness);
      await openParticipationTab(page, 'Beschlussverfolgung');
      await page
        .getByRole('table', { name: 'Beschlüsse in der Beschlussverfolgung' })
        .getByRole('link', { name: /Ausweitung der Präsenzstreifen/ })
        .click();
      await expect(page.getByRole('heading', { level: 1, name: 'Beschluss DS-Nr. 33410-25' })).toBeVisible();

      const open = page.getByRole('button', { name: 'Status ändern …' });
      await tabTo(page, open);
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: 'Status von Beschluss DS-Nr. 33410-25 ändern' });
      await expect(dialog).toBeVisible();
      await expect(dialog).toContainText(`letzte Aktualisierung auf heute (${formatDate(localDay())})`);
      await noViolations(page, 'Dialog offen');

      const before = JSON.stringify(await stored(storePath));
      await dialog.getByRole('combobox', { name: 'Neuer Status' }).selectOption({ label: 'in Bearbeitung' });
      await dialog.getByRole('textbox', { name: 'Aktueller Stand' }).fill('Pilot in der Nordstadt läuft seit Januar.');
      const due = dialog.getByRole('textbox', { name: 'Frist' });
      await due.fill('1.1.25');
      await due.press('Tab');
      await expect(due).toHaveValue('01.01.2025');
      await dialog.getByRole('button', { name: 'Status speichern' }).press('Enter');
      await expect(due).toHaveAttribute('aria-invalid', 'true');
      await shot(page, 'beschluss-dialog');
      await noViolations(page, 'Dialog mit Fehler');
      expect(JSON.stringify(await stored(storePath))).toBe(before);

      await due.fill('30.6.27');
      await dialog.getByRole('button', { name: 'Status speichern' }).press('Enter');
      await expect(dialog).toBeHidden();
      await expect(
        page.getByRole('status').filter({ hasText: 'Status von Beschluss DS-Nr. 33410-25 ist jetzt „in Bearbeitung“.' }),
      ).toBeVisible();
      await expect(open).toBeFocused();

      const doc = await stored(storePath);
      const decision = doc.trackedDecisions.find((d) => d.printNumber === '33410-25')!;
      expect(decision).toMatchObject({
        state: 'in_bearbeitung',
        stateText: 'Pilot in der Nordstadt läuft seit Januar.',
        dueDate: '2027-06-30',
        lastUpdateOn: localDay(),
      });
      // One audited change: the dialog's save only (not also the editor's form behind it).
      const entries = (d: Stored) => d.audit.filter((a) => a.entityId === decision.id);
      expect(entries(doc)).toHaveLength(entries(JSON.parse(before) as Stored).length + 1);
      const entry = entries(doc).at(-1)!;
      expect(entry).toMatchObject({ entityType: 'trackedDecision', action: 'update', user: E2E_USER_NAME });
      expect(entry.changes).toEqual(
        expect.arrayContaining([
          { field: 'state', old: 'offen', new: 'in_bearbeitung' },
          { field: 'dueDate', old: '2025-09-30', new: '2027-06-30' },
        ]),
      );

      // Esc closes the dialog only: the editor behind it stays (its own Esc would go back to the list).
      await open.press('Enter');
      await expect(dialog).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expect(open).toBeFocused();
      await expect(page.getByRole('heading', { level: 1, name: 'Beschluss DS-Nr. 33410-25' })).toBeVisible();
    });

    test('Maßnahmen: Auswahl per Tastatur, Status ändern für Auswahl – alles oder nichts, eine Verlaufszeile je Maßnahme', async ({
      page,
      harness,
      storePath,
    }) => {
      await openApp(page, harness);
      const table = page.getByRole('table', { name: 'Register der Maßnahmen' });
      // Space on the checkbox, Shift+Leertaste and Strg+Leertaste on the row's link.
      const box = table.getByRole('checkbox', { name: 'HF1-04 Nachbarschaftsbüro Bövinghausen auswählen' });
      await box.focus();
      await page.keyboard.press('Space');
      await expect(box).toBeChecked();
      await table.getByRole('link', { name: 'Aufsuchende Jugendarbeit Scharnhorst-Ost' }).focus();
      await page.keyboard.press('Shift+Space');
      await table.getByRole('link', { name: /^Schulwegsicherheit/ }).focus();
      await page.keyboard.press('Control+Space');
      await expect(table.getByRole('checkbox', { name: /^HF1-07 .* auswählen$/ })).toBeChecked();
      const selection = page.getByRole('status').filter({ hasText: '3 ausgewählt' });
      await expect(selection).toBeVisible();

      const open = page.getByRole('button', { name: 'Status ändern für Auswahl …' });
      await open.focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: 'Status für 3 Maßnahmen ändern' });
      await expect(dialog).toBeVisible();
      await expect(dialog).toContainText('Gewählte Maßnahmen: HF1-04, HF1-06, HF1-07');
      await noViolations(page, 'Dialog offen');

      // "verzögert" needs a reason: refused at the field.
      const status = dialog.getByRole('combobox', { name: /Neuer Status/ });
      await expect(status).toBeFocused();
      await status.selectOption({ label: 'verzögert (40 %)' });
      await dialog.getByRole('button', { name: 'Status für alle speichern' }).press('Enter');
      const reason = dialog.getByRole('textbox', { name: 'Begründung zum Status (erforderlich)' });
      await expect(reason).toHaveAttribute('aria-invalid', 'true');

      // Meanwhile HF1-07 is changed in another window: main refuses all three and names HF1-07.
      const before = await stored(storePath);
      await page.evaluate(async () => {
        const bridge = (globalThis as unknown as { masterplan: Bridge }).masterplan;
        const got = await bridge.getMeasure({ id: 'm-hf1-07' });
        if (!got.ok) throw new Error(got.error.message);
        const { id, version, createdAt: _c, updatedAt: _u, deletedAt: _d, ...fields } = got.value;
        const saved = await bridge.updateMeasure({ id, version, fields: { ...fields, shortText: `${fields.shortText} (ergänzt)` } });
        if (!saved.ok) throw new Error(saved.error.message);
      });
      const changedElsewhere = await stored(storePath);
      await reason.fill('Personal fehlt bis zum Herbst.');
      await dialog.getByRole('button', { name: 'Status für alle speichern' }).press('Enter');
      const refusal = dialog.getByRole('alert');
      await expect(refusal).toContainText('Es wurde nichts gespeichert – 1 Maßnahme lässt sich so nicht ändern:');
      await expect(refusal.getByRole('listitem')).toHaveText([
        /^HF1-07 Schulwegsicherheit.*: Sie wurde inzwischen an anderer Stelle geändert\.$/,
      ]);
      await expect(refusal).toContainText('Die Liste zeigt jetzt den gespeicherten Stand.');
      await shot(page, 'auswahl-dialog-abgelehnt');
      await noViolations(page, 'Dialog mit Ablehnung');
      expect((await stored(storePath)).measures).toEqual(changedElsewhere.measures);
      expect((await stored(storePath)).audit.length).toBe(before.audit.length + 1);

      // The list now holds the stored versions: the same dialog saves all three.
      await dialog.getByRole('button', { name: 'Status für alle speichern' }).press('Enter');
      await expect(dialog).toBeHidden();
      await expect(page.getByRole('status').filter({ hasText: '3 Maßnahmen haben jetzt den Status „verzögert“.' })).toBeVisible();
      await expect(table.getByRole('checkbox', { checked: true })).toHaveCount(0);

      const doc = await stored(storePath);
      const ids = ['m-hf1-04', 'm-hf1-06', 'm-hf1-07'];
      for (const id of ids) {
        expect(doc.measures.find((m) => m.id === id)).toMatchObject({
          status: 'verzoegert',
          statusReason: 'Personal fehlt bis zum Herbst.',
        });
        const entry = doc.audit.filter((a) => a.entityId === id).at(-1)!;
        expect(entry).toMatchObject({ action: 'update', user: E2E_USER_NAME });
        expect(entry.changes).toContainEqual(expect.objectContaining({ field: 'status', new: 'verzoegert' }));
      }
      expect(doc.audit.length).toBe(changedElsewhere.audit.length + 3);

      // Selecting again for the screenshot of the dialog at rest.
      await table.getByRole('checkbox', { name: 'Alle angezeigten Maßnahmen auswählen' }).check();
      await expect(page.getByRole('status').filter({ hasText: / ausgewählt$/ })).toBeVisible();
      await open.click();
      await expect(page.getByRole('dialog', { name: /^Status für \d+ Maßnahmen ändern$/ })).toBeVisible();
      await shot(page, 'auswahl-dialog');
      await page.keyboard.press('Escape');
      await expect(open).toBeFocused();
      await shot(page, 'auswahl-liste');
    });
  });
}
