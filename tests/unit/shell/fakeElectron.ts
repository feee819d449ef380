import { EventEmitter } from 'node:events';

/**
 * A small, honest fake of the parts of Electron's main-process API the shell uses (vi.mock('electron')).
 * It keeps Electron's rules that matter here: scheme privileges only before `ready`, one handler per IPC
 * channel and per protocol, `web-contents-created` for every new window, `will-navigate` cancellable via
 * preventDefault. It records what the app did so tests can ask. It does not replace the real smoke test.
 */
export interface FakeConfig {
  userData: string;
  appPath: string;
  isPackaged: boolean;
  gotLock: boolean;
  workArea: { x: number; y: number; width: number; height: number };
}

export const config: FakeConfig = {
  userData: '/nonexistent',
  appPath: process.cwd(),
  isPackaged: false,
  gotLock: true,
  workArea: { x: 0, y: 0, width: 1920, height: 1040 },
};

export const recorded = {
  privilegedSchemes: [] as { scheme: string; privileges: Record<string, boolean> }[],
  protocolHandlers: new Map<string, (request: { url: string; method: string }) => Promise<Response> | Response>(),
  ipcHandlers: new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>(),
  permissionRequestHandler: null as null | ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void),
  permissionCheckHandler: null as null | ((...args: unknown[]) => boolean),
  beforeRequest: null as null | {
    filter: { urls: string[] };
    listener: (details: { url: string }, callback: (r: { cancel: boolean }) => void) => void;
  },
  menu: null as null | { template: MenuItem[] },
  messageBoxes: [] as { title?: string; message?: string }[],
  openedPaths: [] as string[],
  quitCalls: 0,
};

export interface MenuItem {
  label?: string;
  role?: string;
  type?: string;
  click?: () => void;
  submenu?: MenuItem[];
}

class FakeEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

let ready = false;
let resolveReady: () => void = () => undefined;
const readyPromise = new Promise<void>((resolve) => (resolveReady = resolve));

class FakeApp extends EventEmitter {
  get isPackaged(): boolean {
    return config.isPackaged;
  }
  getPath(name: string): string {
    if (name === 'userData') return config.userData;
    if (name === 'documents') return config.userData;
    throw new Error(`fake electron: getPath(${name}) not supported`);
  }
  getAppPath(): string {
    return config.appPath;
  }
  requestSingleInstanceLock(): boolean {
    return config.gotLock;
  }
  whenReady(): Promise<void> {
    return readyPromise;
  }
  isReady(): boolean {
    return ready;
  }
  quit(): void {
    recorded.quitCalls++;
  }
  /** Test helper: Electron's `ready`. */
  fireReady(): void {
    ready = true;
    this.emit('ready');
    resolveReady();
  }
  /** Test helper: emits an event with a preventable event object first, as Electron does. */
  fire(name: string, ...args: unknown[]): FakeEvent {
    const event = new FakeEvent();
    this.emit(name, event, ...args);
    return event;
  }
}
export const app = new FakeApp();

export class FakeWebContents extends EventEmitter {
  readonly mainFrame = { url: '' };
  readonly sent: { channel: string; args: unknown[] }[] = [];
  reloads = 0;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  reload(): void {
    this.reloads++;
  }
  forcefullyCrashRenderer(): void {}
  fire(name: string, ...args: unknown[]): FakeEvent {
    const event = new FakeEvent();
    this.emit(name, event, ...args);
    return event;
  }
}

export class BrowserWindow extends EventEmitter {
  static instances: BrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  focused = 0;
  shown = false;
  private destroyed = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    if (!ready) throw new Error('fake electron: BrowserWindow before ready');
    BrowserWindow.instances.push(this);
    app.emit('web-contents-created', new FakeEvent(), this.webContents);
  }
  async loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    this.webContents.mainFrame.url = url;
    setImmediate(() => this.emit('ready-to-show'));
  }
  show(): void {
    this.shown = true;
  }
  focus(): void {
    this.focused++;
  }
  restore(): void {}
  isMinimized(): boolean {
    return false;
  }
  maximize(): void {}
  isMaximized(): boolean {
    return false;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  getNormalBounds() {
    const o = this.options as { x: number; y: number; width: number; height: number };
    return { x: o.x, y: o.y, width: o.width, height: o.height };
  }
}

export const ipcMain = {
  handle(channel: string, listener: (event: unknown, payload: unknown) => Promise<unknown>): void {
    if (recorded.ipcHandlers.has(channel)) throw new Error(`fake electron: second handler for ${channel}`);
    recorded.ipcHandlers.set(channel, listener);
  },
};

export const protocol = {
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges: Record<string, boolean> }[]): void {
    if (ready) throw new Error('fake electron: registerSchemesAsPrivileged after ready');
    recorded.privilegedSchemes.push(...schemes);
  },
  handle(scheme: string, handler: (request: { url: string; method: string }) => Promise<Response> | Response): void {
    if (!ready) throw new Error('fake electron: protocol.handle before ready');
    if (recorded.protocolHandlers.has(scheme)) throw new Error(`fake electron: second handler for ${scheme}`);
    recorded.protocolHandlers.set(scheme, handler);
  },
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler(handler: typeof recorded.permissionRequestHandler): void {
      recorded.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler(handler: typeof recorded.permissionCheckHandler): void {
      recorded.permissionCheckHandler = handler;
    },
    webRequest: {
      onBeforeRequest(filter: { urls: string[] }, listener: NonNullable<typeof recorded.beforeRequest>['listener']): void {
        recorded.beforeRequest = { filter, listener };
      },
    },
  },
};

export const Menu = {
  buildFromTemplate(template: MenuItem[]) {
    return { template };
  },
  setApplicationMenu(menu: { template: MenuItem[] }): void {
    recorded.menu = menu;
  },
};

export const dialog = {
  async showOpenDialog() {
    return { canceled: true, filePaths: [] };
  },
  async showSaveDialog() {
    return { canceled: true };
  },
  async showMessageBox(...args: unknown[]) {
    const options = (args.length > 1 ? args[1] : args[0]) as { title?: string; message?: string };
    recorded.messageBoxes.push({ title: options.title, message: options.message });
    return { response: 0 };
  },
  showMessageBoxSync(...args: unknown[]) {
    const options = (args.length > 1 ? args[1] : args[0]) as { title?: string; message?: string };
    recorded.messageBoxes.push({ title: options.title, message: options.message });
    return 0;
  },
  showErrorBox(title: string, message: string): void {
    recorded.messageBoxes.push({ title, message });
  },
};

export const shell = {
  async openPath(file: string): Promise<string> {
    recorded.openedPaths.push(file);
    return '';
  },
};

export const screen = {
  getPrimaryDisplay: () => ({ id: 1, workArea: config.workArea }),
  getAllDisplays: () => [{ id: 1, workArea: config.workArea }],
};

export default { app, BrowserWindow, ipcMain, protocol, session, Menu, dialog, shell, screen };
