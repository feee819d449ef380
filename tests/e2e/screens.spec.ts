import { accessibilityViolations, expect, openApp, test } from './fixtures';

test('Übersicht der Maßnahmen zeigt das Beispielregister und ist barrierefrei', async ({ page, harness }) => {
  await openApp(page, harness);
  await expect(page.getByText('Beispieldaten').first()).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /\d+ Maßnahmen/ })).toHaveText(/36 Maßnahmen/);
  await page.screenshot({ path: 'test-results/register.png' });
  expect(await accessibilityViolations(page)).toEqual([]);
});
