import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it, vi } from 'vitest';
import * as electron from './fakeElectron';

vi.mock('electron', () => import('./fakeElectron'));

/** A start that does not get the single-instance lock quits at once: no window, no register opened. */
it('a second instance without the lock quits and opens nothing', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'masterplan-second-'));
  const saved = process.argv;
  try {
    electron.config.userData = dir;
    electron.config.gotLock = false;
    process.argv = [process.execPath, 'out/main/index.js', '--store', path.join(dir, 'register.json')];
    await import('@main/index');
    expect(electron.recorded.quitCalls).toBe(1);
    electron.app.fireReady();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(electron.BrowserWindow.instances).toEqual([]);
    await expect(fs.access(path.join(dir, 'register.json'))).rejects.toThrow();
  } finally {
    process.argv = saved;
    await fs.rm(dir, { recursive: true, force: true });
  }
});
