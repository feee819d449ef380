import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApi, dispatch } from '@main/api';
import { NO_DESKTOP } from '@main/core/desktop';
import { RegisterSession } from '@main/session/session';
import { SettingsFile } from '@main/settings/settingsFile';
import { backupCopyOf, createBackup } from '@main/store/backups';
import { makeRegister } from '@tests/fixtures/documents';
import { useTempDir } from '@tests/unit/helpers/tempDir';

/**
 * A backup opened by hand (Datei › Register öffnen in `<name>-Sicherungen/`) is read only, with the reason:
 * work done there would land in a file that backup retention deletes, not in the register. A copy of it
 * in another folder is an ordinary register again.
 */
const SAMPLE = path.resolve(import.meta.dirname, '../../../../resources/sample-register.json');
const dir = useTempDir('mpr-backup-copy-');

async function openAt(file: string) {
  const settings = await SettingsFile.load(path.join(dir.path, 'einstellungen.json'));
  const session = new RegisterSession({ settings, samplePath: SAMPLE });
  return { session, opened: await session.open(file, 'none'), api: createApi(session, NO_DESKTOP) };
}

describe('a backup opened as a register', () => {
  it('recognises only the backups createBackup writes, by folder and name', () => {
    expect(backupCopyOf('/ablage/Masterplan-Sicherungen/Masterplan_2026-12-07T09-41-05-007Z_start.json')).toEqual({
      registerName: 'Masterplan',
      takenAt: new Date('2026-12-07T09:41:05.007Z'),
    });
    expect(backupCopyOf('/ablage/Masterplan_2026-12-07T09-41-05-007Z_start.json')).toBeNull();
    expect(backupCopyOf('/ablage/Anderes-Sicherungen/Masterplan_2026-12-07T09-41-05-007Z_start.json')).toBeNull();
    expect(backupCopyOf('/ablage/Masterplan-Sicherungen/Masterplan.json')).toBeNull();
  });

  it('opens read only with a German reason and refuses a change; the file stays as it was', async () => {
    const storePath = path.join(dir.path, 'Masterplan.json');
    await fs.writeFile(storePath, JSON.stringify(makeRegister(2)));
    const backup = await createBackup(storePath, 'start', new Date('2026-12-07T09:41:05.007Z'));
    const before = await fs.readFile(backup);

    const { session, opened, api } = await openAt(backup);
    try {
      expect(opened).toMatchObject({ state: 'open', readOnly: true });
      const reason = session.describe();
      expect(reason).toMatchObject({
        readOnlyReason: expect.stringMatching(/^Diese Datei ist eine Sicherung des Registers „Masterplan“ vom 07\.12\.2026, \d\d:41/),
      });
      const measure = (JSON.parse(before.toString()) as ReturnType<typeof makeRegister>).measures[0]!;
      const result = await dispatch(api, 'deleteMeasure', { id: measure.id, version: measure.version });
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'READ_ONLY', message: expect.stringContaining('eine Sicherung des Registers') },
      });
      expect(await fs.readFile(backup)).toEqual(before);
    } finally {
      await session.close();
    }
  });

  it('a copy of the backup in another folder is an ordinary, writable register', async () => {
    const storePath = path.join(dir.path, 'Masterplan.json');
    await fs.writeFile(storePath, JSON.stringify(makeRegister(2)));
    const backup = await createBackup(storePath, 'start');
    const copy = path.join(dir.path, 'Stand vom Montag.json');
    await fs.copyFile(backup, copy);
    const { session, opened } = await openAt(copy);
    try {
      expect(opened).toMatchObject({ state: 'open', readOnly: false });
    } finally {
      await session.close();
    }
  });
});
