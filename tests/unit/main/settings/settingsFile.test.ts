import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_APP_SETTINGS } from '@shared/settings/settings';
import { SettingsFile } from '@main/settings/settingsFile';
import { useTempDir } from '@tests/unit/helpers/tempDir';

describe('per-user settings file (lowdb on the durable adapter)', () => {
  const dir = useTempDir('mpr-settings-');
  const fileIn = (): string => path.join(dir.path, 'profil', 'einstellungen.json');

  it('starts with the defaults when there is no file, and a saved change is what the next start reads', async () => {
    const settings = await SettingsFile.load(fileIn());
    expect(settings.value).toEqual(DEFAULT_APP_SETTINGS);
    await settings.save({ ...settings.value, displayName: 'Marion Beispiel', backupKeepLast: 7 });
    const again = await SettingsFile.load(fileIn());
    expect(again.value.displayName).toBe('Marion Beispiel');
    expect(again.value.backupKeepLast).toBe(7);
    expect(JSON.parse(await fs.readFile(fileIn(), 'utf8'))).toMatchObject({ displayName: 'Marion Beispiel' });
  });

  it.each([
    ['not JSON', '{"displayName": "Marion'],
    ['not settings', '{"backupKeepLast": "viele"}'],
  ])('a damaged file (%s) is set aside as .beschaedigt and the app starts with defaults', async (_kind, text) => {
    await fs.mkdir(path.dirname(fileIn()), { recursive: true });
    await fs.writeFile(fileIn(), text);
    const settings = await SettingsFile.load(fileIn());
    expect(settings.value).toEqual(DEFAULT_APP_SETTINGS);
    expect(await fs.readFile(`${fileIn()}.beschaedigt`, 'utf8')).toBe(text);
    await expect(fs.stat(fileIn())).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('a file that cannot be read is left where it is (no rename), defaults are used for this run', async () => {
    await fs.mkdir(fileIn(), { recursive: true }); // a folder where the file should be: EISDIR on read
    const settings = await SettingsFile.load(fileIn());
    expect(settings.value).toEqual(DEFAULT_APP_SETTINGS);
    expect((await fs.stat(fileIn())).isDirectory()).toBe(true);
    await expect(fs.stat(`${fileIn()}.beschaedigt`)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('a failed write leaves the settings in use as they were', async () => {
    const settings = await SettingsFile.load(fileIn());
    await settings.save({ ...settings.value, displayName: 'Erste Fassung' });
    // A folder where the file is: the durable write's final rename fails (root ignores permissions).
    await fs.rm(fileIn());
    await fs.mkdir(fileIn());
    await expect(settings.save({ ...settings.value, displayName: 'Zweite Fassung' })).rejects.toThrow();
    expect(settings.value.displayName).toBe('Erste Fassung');
  });

  it('refuses settings that are not valid (wrong types) before anything is written', async () => {
    const settings = await SettingsFile.load(fileIn());
    await expect(settings.save({ ...settings.value, backupKeepLast: -3 })).rejects.toThrow();
    await expect(fs.stat(fileIn())).rejects.toMatchObject({ code: 'ENOENT' });
    expect(settings.value).toEqual(DEFAULT_APP_SETTINGS);
  });

  it('changes made at the same moment (list views, export folder, name) all reach the file, in the order made', async () => {
    const settings = await SettingsFile.load(fileIn());
    const view = (n: number) => ({ filter: { status: `s${n}` }, sort: null, columns: null });
    const changes = Array.from({ length: 25 }, (_, n) =>
      settings.update((current) => ({ ...current, listViews: { ...current.listViews, [`liste${n}`]: view(n) } })),
    );
    changes.push(settings.update((current) => ({ ...current, lastExportDir: '/ablage/exporte' })));
    changes.push(settings.update((current) => ({ ...current, displayName: 'Jana Schreiber' })));
    await Promise.all(changes);
    await settings.flush();
    const onDisk = (await SettingsFile.load(fileIn())).value;
    expect(Object.keys(onDisk.listViews)).toHaveLength(25);
    expect(onDisk.listViews.liste24).toEqual(view(24));
    expect(onDisk).toMatchObject({ lastExportDir: '/ablage/exporte', displayName: 'Jana Schreiber' });
    expect(onDisk).toEqual(settings.value);
  });
});
