import { describe, expect, it } from 'vitest';
import { gecosName, osFullName, personName } from '@main/settings/osFullName';

/** The first-start question is prefilled with a person's name or nothing: never a login like "root". */
describe('full name of the OS account', () => {
  const passwd = [
    'root:x:0:0:root:/root:/bin/bash',
    'mmuster:x:1000:1000:Erika Mustermann,Raum 12,,:/home/mmuster:/bin/bash',
    'leer:x:1001:1001::/home/leer:/bin/sh',
  ].join('\n');

  it('reads the name part of the GECOS field of the login', () => {
    expect(gecosName(passwd, 'mmuster')).toBe('Erika Mustermann');
    expect(gecosName(passwd, 'leer')).toBe('');
    expect(gecosName(passwd, 'unbekannt')).toBe('');
  });

  it('refuses the login itself and system accounts', () => {
    expect(personName('root', 'root')).toBe('');
    expect(personName('Administrator', 'admin2')).toBe('');
    expect(personName('mmuster', 'MMuster')).toBe('');
    expect(personName('  Erika   Mustermann \n', 'mmuster')).toBe('Erika Mustermann');
  });

  it('on this machine gives a name that is not the login', async () => {
    const { username } = (await import('node:os')).userInfo();
    const name = await osFullName();
    expect(name.toLowerCase()).not.toBe(username.toLowerCase());
    expect(name).not.toBe('root');
  });
});
