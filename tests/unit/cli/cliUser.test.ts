/**
 * The name the CLI writes into the audit trail (electron/cli/cliUser.ts), as the app does (issue 15: a login
 * never stands where a person's name belongs): --user, else the display name of the app's per-user
 * settings, else the full name of the operating-system account, else "Name nicht angegeben".
 * Through main() on a real register and a real settings file in temp folders.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { main, type CliEnv } from '@cli/index';
import { decodeRegister } from '@main/store/decode';
import { participationRegister } from '../../fixtures/participation';
import { useTempDir } from '@tests/unit/helpers/tempDir';

const dir = useTempDir('mpr-cli-user-');
const settingsDir = useTempDir('mpr-cli-user-settings-');
const settingsFile = () => path.join(settingsDir.path, 'einstellungen.json');

beforeEach(async () => {
  await fs.writeFile(path.join(dir.path, 'register.json'), JSON.stringify(participationRegister()));
});

/** `export proposals --mit-personenbezug` records its choice; returns who the new audit entry names. */
async function recordedUser(env: Partial<CliEnv>, ...extra: string[]): Promise<string> {
  let err = '';
  const io = { out: { write: () => true }, err: { write: (s: string) => (err += s) } };
  const argv = ['export', 'proposals', '--store', 'register.json', '--mit-personenbezug', '--out', 'Anregungen.xlsx', '--force', ...extra];
  const code = await main(argv, io, { cwd: dir.path, now: () => new Date('2026-11-26T10:00:00'), newId: () => 'id', ...env });
  expect({ code, err }).toMatchObject({ code: 0 });
  const { doc } = decodeRegister(await fs.readFile(path.join(dir.path, 'register.json'), 'utf8'));
  const entry = doc.audit.at(-1)!;
  expect(entry.changes).toEqual([{ field: 'personalDataExport', old: null, new: 'Anregungen.xlsx' }]);
  return entry.user;
}

const accountName = (name: string) => async () => name;

describe('the name in the audit trail of a CLI write', () => {
  it('--user wins over the settings and the account', async () => {
    await fs.writeFile(settingsFile(), JSON.stringify({ displayName: 'Petra Schulte', office: 'FB 32' }));
    const user = await recordedUser(
      { settingsPath: settingsFile(), osFullName: accountName('Konto Name') },
      '--user',
      '  Jonas   Beispiel ',
    );
    expect(user).toBe('Jonas Beispiel');
  });

  it('without --user: the display name the app asked for at first start', async () => {
    await fs.writeFile(settingsFile(), JSON.stringify({ displayName: ' Petra Schulte ', office: 'FB 32' }));
    expect(await recordedUser({ settingsPath: settingsFile(), osFullName: accountName('Konto Name') })).toBe('Petra Schulte');
  });

  it('without a display name: the full name of the operating-system account', async () => {
    await fs.writeFile(settingsFile(), JSON.stringify({ displayName: '   ' }));
    expect(await recordedUser({ settingsPath: settingsFile(), osFullName: accountName('Konto Name') })).toBe('Konto Name');
    // A missing or damaged settings file is no display name either.
    expect(await recordedUser({ settingsPath: path.join(settingsDir.path, 'fehlt.json'), osFullName: accountName('Konto Name') })).toBe(
      'Konto Name',
    );
    await fs.writeFile(settingsFile(), '{kaputt');
    expect(await recordedUser({ settingsPath: settingsFile(), osFullName: accountName('Konto Name') })).toBe('Konto Name');
  });

  it('with no name anywhere: "Name nicht angegeben", never the login', async () => {
    const user = await recordedUser({ settingsPath: null, osFullName: accountName('') });
    expect(user).toBe('Name nicht angegeben');
    expect(user).not.toBe(os.userInfo().username);
  });

  it('the writing commands offer --user in their help', async () => {
    for (const command of [
      ['export', 'proposals'],
      ['export', 'evaluation'],
      ['import', 'measures'],
      ['review', 'merge'],
    ]) {
      let out = '';
      await main([...command, '--help'], { out: { write: (s: string) => (out += s) }, err: { write: () => true } }, { cwd: dir.path });
      expect(out).toContain('--user "VORNAME NAME"');
      expect(out).toContain('nie der Anmeldename');
    }
  });
});
