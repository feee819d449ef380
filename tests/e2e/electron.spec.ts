import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, readFileSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Smoke test of the real Electron app: start, create a measure, restart, find it. It needs the Electron
 * binary, which cannot be downloaded on our build machines; there it skips with the reason below.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');

function electronBinary(): string | null {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const candidate = path.join(override, process.platform === 'win32' ? 'electron.exe' : 'electron');
    return existsSync(candidate) ? candidate : null;
  }
  const pathFile = path.join(ROOT, 'node_modules/electron/path.txt');
  if (!existsSync(pathFile)) return null;
  const candidate = path.join(ROOT, 'node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(candidate) ? candidate : null;
}

const binary = electronBinary();

test('Electron: Maßnahme anlegen, neu starten, wiederfinden', async () => {
  test.skip(binary === null, 'Kein Electron-Programm vorhanden (node_modules/electron/dist fehlt; Download hier nicht möglich).');
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'masterplan-electron-'));
  const storePath = path.join(dir, 'register.json');
  const launch = () =>
    electron.launch({
      executablePath: binary!,
      args: [path.join(ROOT, 'out/main/index.js'), '--store', storePath],
      env: { ...process.env, XDG_CONFIG_HOME: dir },
    });
  try {
    let app = await launch();
    let page = await app.firstWindow();
    await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible();
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('button', { name: 'Maßnahmen', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Maßnahmen' })).toBeVisible();
    await page.getByRole('button', { name: 'Neue Maßnahme' }).click();
    await page.getByLabel('Titel').fill('Smoke-Test Electron');
    await page.getByRole('button', { name: 'Maßnahme speichern' }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: /Smoke-Test Electron/ })).toBeVisible();
    await app.close();

    app = await launch();
    page = await app.firstWindow();
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('button', { name: 'Maßnahmen', exact: true }).click();
    await page.getByLabel('Suche').fill('Smoke-Test');
    await expect(page.getByRole('link', { name: 'Smoke-Test Electron' })).toBeVisible();
    await app.close();
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});
