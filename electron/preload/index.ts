import { contextBridge, ipcRenderer } from 'electron';
import { IPC_PREFIX, MENU_CHANNEL, MENU_COMMANDS, METHOD_NAMES, type MenuCommand } from '@shared/methods';

/**
 * Exposes exactly the contract's functions as `window.masterplan`, plus the menu events. No generic
 * ipcRenderer reaches the page; main validates every payload anyway.
 */
const bridge: Record<string, unknown> = {};
for (const name of METHOD_NAMES) {
  bridge[name] = (request: unknown) => ipcRenderer.invoke(IPC_PREFIX + name, request);
}
bridge.onMenuCommand = (listener: (command: MenuCommand) => void) => {
  const handler = (_event: unknown, command: unknown) => {
    if ((MENU_COMMANDS as readonly unknown[]).includes(command)) listener(command as MenuCommand);
  };
  ipcRenderer.on(MENU_CHANNEL, handler);
  return () => ipcRenderer.removeListener(MENU_CHANNEL, handler);
};

contextBridge.exposeInMainWorld('masterplan', bridge);
