import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SupportLog } from '@main/log';
import { packageFromArgv } from '@main/launchArgs';

describe('SupportLog', () => {
  it('rotates at the size cap and keeps a fixed number of old files', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'masterplan-log-'));
    try {
      const log = new SupportLog(dir, 2000, 2);
      for (let i = 0; i < 200; i++) log.info('store.saved', { n: i });
      const files = (await fs.readdir(dir)).sort();
      expect(files).toEqual(['protokoll.1.log', 'protokoll.2.log', 'protokoll.log']);
      for (const f of files) expect((await fs.stat(path.join(dir, f))).size).toBeLessThanOrEqual(2000);
      expect(await fs.readFile(path.join(dir, 'protokoll.log'), 'utf8')).toMatch(/INFO store\.saved n=199\n$/);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('lets codes and numbers through, never free text such as names or paths', () => {
    expect(SupportLog.sanitize({ code: 'WRITE_FAILED', n: 3, ok: true })).toBe('code=WRITE_FAILED n=3 ok=true');
    expect(SupportLog.sanitize({ who: 'Erika Mustermann', file: 'C:\\Users\\mustermann\\register.json' })).toBe(
      'who=<Text, 16 Zeichen> file=<Text, 33 Zeichen>',
    );
  });
});

describe('packageFromArgv', () => {
  it('finds the package and resolves it against the starting folder', () => {
    expect(packageFromArgv(['/opt/app/masterplan-register', '--no-sandbox', 'Paket.MPREVIEW'], '/home/a')).toBe(
      path.resolve('/home/a', 'Paket.MPREVIEW'),
    );
    expect(packageFromArgv(['electron', '.', '--store', 'x.json'], '/home/a')).toBeNull();
  });
});
