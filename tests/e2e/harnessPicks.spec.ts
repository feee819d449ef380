import path from 'node:path';
import { expect, openApp, test } from './fixtures';
import { writeSampleCopy } from './helpers';

/**
 * `npm run harness` by hand: a browser has no native file dialog, so the harness asks for a path in the page
 * (a prompt) instead of silently doing nothing. Cancelling the prompt changes nothing.
 */
test('Harness: „Register öffnen…“ fragt im Browser nach dem Pfad', async ({ page, dir, startExtraHarness }) => {
  const otherPath = path.join(dir, 'andere', 'Bezirk-Nord.json');
  await writeSampleCopy(otherPath, { name: 'Register Innenstadt-Nord', isSample: false });
  const h = await startExtraHarness({ askInPage: true });
  await openApp(page, h);
  const header = page.getByRole('banner');

  const prompts: string[] = [];
  page.once('dialog', (dialog) => {
    prompts.push(dialog.message());
    void dialog.dismiss();
  });
  await page.keyboard.press('Control+o');
  await expect.poll(() => prompts.length).toBe(1);
  expect(prompts[0]).toBe('Register öffnen – Pfad der Registerdatei (.json):');
  await expect(header).toContainText('Beispielregister');

  page.once('dialog', (dialog) => void dialog.accept(otherPath));
  await page.keyboard.press('Control+o');
  await expect(header).toContainText('Register Innenstadt-Nord');
  await expect(page.getByRole('contentinfo')).toContainText(`Registerdatei: ${otherPath}`);
});
