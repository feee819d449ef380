import { ipcMain, type BrowserWindow } from 'electron';
import { IPC_PREFIX, METHOD_NAMES } from '@shared/contract';
import { de } from '@shared/i18n/de';
import { dispatch, type Api } from './api';
import { isTrustedFrame } from './security';

/** Binds each contract method to one IPC channel; sender and payload are checked on every call. */
export function registerIpc(api: Api, window: () => BrowserWindow | null, devServerUrl: string | undefined): void {
  for (const name of METHOD_NAMES) {
    ipcMain.handle(IPC_PREFIX + name, async (event, payload: unknown) => {
      const win = window();
      if (!win || event.sender !== win.webContents || !isTrustedFrame(event.senderFrame, win.webContents, devServerUrl)) {
        return { ok: false, error: { code: 'FORBIDDEN', message: de.api.forbiddenSender } };
      }
      return dispatch(api, name, payload);
    });
  }
}
