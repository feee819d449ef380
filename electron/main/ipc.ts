import { ipcMain, type BrowserWindow } from 'electron';
import { IPC_PREFIX, METHOD_NAMES } from '@shared/contract';
import { de } from '@shared/i18n/de';
import { dispatch, type Api } from './api';
import type { SupportLog } from './log';
import { isTrustedFrame } from './security';

/** Binds each contract method to one IPC channel; sender and payload are checked on every call. */
export function registerIpc(
  api: Api,
  window: () => BrowserWindow | null,
  allowedOrigin: string,
  log?: SupportLog,
  /** Calls wait for this (the register still opening behind the first frame). */
  ready: () => Promise<void> = () => Promise.resolve(),
): void {
  for (const name of METHOD_NAMES) {
    ipcMain.handle(IPC_PREFIX + name, async (event, payload: unknown) => {
      const win = window();
      if (!win || event.sender !== win.webContents || !isTrustedFrame(event.senderFrame, win.webContents, allowedOrigin)) {
        log?.error('ipc.refused', { method: name });
        return { ok: false, error: { code: 'FORBIDDEN', message: de.api.forbiddenSender } };
      }
      await ready();
      const result = await dispatch(api, name, payload);
      // Only the method and the error code: never the payload or the message (they may name people).
      if (result && typeof result === 'object' && 'ok' in result && result.ok === false)
        log?.info('ipc.error', { method: name, code: String((result as { error?: { code?: unknown } }).error?.code ?? '') });
      return result;
    });
  }
}
