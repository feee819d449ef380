import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';

/**
 * The full name of the operating-system account, to prefill the first-start question "Ihr Name".
 * os.userInfo().username is a login ("mmustermann", "root"), never a person's name, so it is not used;
 * when the full name cannot be found the answer is empty and the person types it.
 * Linux: the GECOS field of /etc/passwd. Windows: the account's FullName (PowerShell, bounded by a
 * timeout; domain accounts without one give nothing). macOS: `id -F`.
 */
export async function osFullName(platform: NodeJS.Platform = process.platform): Promise<string> {
  try {
    const login = os.userInfo().username;
    const name =
      platform === 'win32'
        ? await run('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', WINDOWS_FULL_NAME])
        : platform === 'darwin'
          ? await run('id', ['-F'])
          : gecosName(await fs.readFile('/etc/passwd', 'utf8'), login);
    return personName(name, login);
  } catch {
    return '';
  }
}

const WINDOWS_FULL_NAME = "try { ([adsi]('WinNT://' + $env:USERDOMAIN + '/' + $env:USERNAME + ',user')).FullName } catch { '' }";

/** The name part of the user's GECOS field ("Erika Mustermann,Raum 12,,"). */
export function gecosName(passwd: string, login: string): string {
  const line = passwd.split('\n').find((l) => l.split(':')[0] === login);
  return line?.split(':')[4]?.split(',')[0]?.trim() ?? '';
}

/** A found name only if it is a person's name: not the login again, not a system account. */
export function personName(found: string, login: string): string {
  const name = found.replace(/\s+/g, ' ').trim().slice(0, 120);
  const lower = name.toLowerCase();
  if (!name || lower === login.toLowerCase() || SYSTEM_ACCOUNTS.has(lower)) return '';
  return name;
}

const SYSTEM_ACCOUNTS = new Set(['root', 'administrator', 'admin', 'system', 'user', 'benutzer', 'nobody']);

function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve) => {
    execFile(command, args, { timeout: 4000, windowsHide: true }, (error, stdout) => resolve(error ? '' : String(stdout)));
  });
}
