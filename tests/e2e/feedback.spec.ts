import type { Page } from '@playwright/test';
import { accessibilityViolations, expect, openApp, test } from './fixtures';
import { nav, openMeasure, readStore } from './helpers';

/**
 * Issue 15, point 9: one polite confirmation after a save, the same on every screen, with "Rückgängig"
 * where the change can be undone (through the normal, audited save); a deletion that cannot happen says
 * why before anybody is asked to confirm it.
 */

const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];
const SHOTS = process.env.SCREENSHOTS_DIR;
const confirmation = (page: Page) => page.getByRole('region', { name: 'Bestätigung' });

for (const viewport of VIEWPORTS) {
  test(`Status ändern und In den Papierkorb – beides rückgängig (${viewport.width}×${viewport.height})`, async ({
    page,
    harness,
    storePath,
  }) => {
    await page.setViewportSize(viewport);
    await openApp(page, harness);
    await openMeasure(page, 'Präventionsrat Hörde');
    const before = (await readStore(storePath)).measures.find((m) => m.number === 'HF1-02')!;

    await page.getByRole('button', { name: 'Status ändern …' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Neuer Status' }).selectOption({ label: 'zurückgestellt (0 %)' });
    await dialog.getByRole('textbox', { name: /^Begründung zum Status/ }).fill('Wartet auf den Haushalt.');
    await dialog.getByRole('button', { name: 'Status speichern' }).click();
    const region = confirmation(page);
    await expect(region.getByRole('status')).toHaveText('Erledigt: Status von HF1-02 ist jetzt „zurückgestellt“.');
    await expect(region.getByRole('status')).toHaveAttribute('aria-live', 'polite');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/${viewport.width}-bestaetigung.png` });
    expect(await accessibilityViolations(page)).toEqual([]);
    expect((await readStore(storePath)).measures.find((m) => m.number === 'HF1-02')!.status).toBe('zurueckgestellt');

    await region.getByRole('button', { name: 'Rückgängig: Status von HF1-02 ist jetzt „zurückgestellt“.' }).click();
    await expect(region.getByRole('status')).toHaveText('Erledigt: Rückgängig gemacht: Status von HF1-02 ist jetzt „zurückgestellt“.');
    let stored = (await readStore(storePath)).measures.find((m) => m.number === 'HF1-02')!;
    expect(stored).toMatchObject({ status: before.status, statusReason: before.statusReason, version: before.version + 2 });
    // Both the change and its undo are in the audit trail, by the same normal save.
    const audit = (await readStore(storePath)).audit.filter((a) => a.entityId === before.id && a.action === 'update');
    expect(audit.slice(-2).map((a) => a.changes.find((c) => c.field === 'status')?.new)).toEqual(['zurueckgestellt', before.status]);

    // In den Papierkorb, then back from the confirmation on the list.
    await page.getByRole('button', { name: 'In den Papierkorb …' }).click();
    await page.getByRole('dialog', { name: 'In den Papierkorb' }).getByRole('button', { name: 'In den Papierkorb' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Maßnahmen' })).toBeVisible();
    await expect(region.getByRole('status')).toHaveText('Erledigt: Maßnahme HF1-02 liegt jetzt im Papierkorb.');
    expect((await readStore(storePath)).measures.find((m) => m.number === 'HF1-02')!.deletedAt).not.toBeNull();
    await region.getByRole('button', { name: /^Rückgängig/ }).click();
    await expect(region.getByRole('status')).toHaveText(/Rückgängig gemacht: Maßnahme HF1-02 liegt jetzt im Papierkorb\./);
    stored = (await readStore(storePath)).measures.find((m) => m.number === 'HF1-02')!;
    expect(stored.deletedAt).toBeNull();
  });
}

test('Ein verwendeter Status, eine verwendete Stelle: der Grund sofort, ohne Rückfrage, mit richtiger Zahl', async ({
  page,
  harness,
  storePath,
}) => {
  await openApp(page, harness);
  await nav(page, 'Organisationseinheiten').click();
  const doc = await readStore(storePath);
  const unit = doc.orgUnits.find((u) => doc.measures.some((m) => m.leadOrgUnitId === u.id))!;
  const used = doc.measures.filter(
    (m) => m.leadOrgUnitId === unit.id || (m as unknown as { involvedOrgUnitIds: string[] }).involvedOrgUnitIds.includes(unit.id),
  ).length;
  await page
    .getByRole('button', { name: `${unit.name} Löschen` })
    .first()
    .click();
  await expect(page.getByRole('dialog', { name: 'Löschen' })).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveText(
    `Fehler: Die Organisationseinheit wird noch von ${used} ${used === 1 ? 'Maßnahme' : 'Maßnahmen'} verwendet und kann nicht gelöscht werden.`,
  );
  expect(await accessibilityViolations(page)).toEqual([]);
});
