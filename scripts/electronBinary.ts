import { spawn } from 'node:child_process';
import { existsSync, promises as fs, readFileSync, statSync, type Dirent } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Finds and fetches the Electron binary the way the `electron` package itself does. Since Electron 42 the
 * package downloads lazily (its `install.js`), and electron-vite only reads `path.txt`, so without this step
 * `npm start` fails with "Electron uninstall". We run the package's own installer, so ELECTRON_MIRROR,
 * electron_config_cache and the proxy variables keep working, and add what it lacks: a time limit, a
 * readable German message instead of a stack trace, and no half-extracted `dist/` left behind.
 */

export interface ElectronStatus {
  installed: boolean;
  /** Executable that `npm start` would run (present only when installed). */
  binary: string | null;
  version: string;
  /** Why it is not usable, in German; null when installed. */
  reason: string | null;
}

export function platformExecutable(platform: NodeJS.Platform | string): string {
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

/** The same test as the package's `install.js` (`isInstalled`): version file, path.txt and the executable. */
export function electronStatus(
  electronDir: string,
  env: NodeJS.ProcessEnv = process.env,
  platform: string = process.platform,
): ElectronStatus {
  const version = (JSON.parse(readFileSync(path.join(electronDir, 'package.json'), 'utf8')) as { version: string }).version;
  const executable = platformExecutable(env.ELECTRON_INSTALL_PLATFORM ?? platform);
  const read = (file: string) => {
    try {
      return readFileSync(path.join(electronDir, file), 'utf8');
    } catch {
      return null;
    }
  };
  const distVersion = read('dist/version')?.trim().replace(/^v/, '') ?? null;
  const missing = (reason: string): ElectronStatus => ({ installed: false, binary: null, version, reason });
  if (distVersion === null) return missing(`Electron ${version} ist noch nicht heruntergeladen (node_modules/electron/dist fehlt).`);
  if (distVersion !== version) return missing(`node_modules/electron/dist enthält Electron ${distVersion}, gebraucht wird ${version}.`);
  if (read('path.txt') !== executable) return missing('node_modules/electron/path.txt fehlt oder passt nicht zu diesem System.');
  const binary = env.ELECTRON_OVERRIDE_DIST_PATH
    ? path.join(env.ELECTRON_OVERRIDE_DIST_PATH, path.basename(executable))
    : path.join(electronDir, 'dist', executable);
  if (!existsSync(binary)) return missing(`Das Electron-Programm fehlt: ${binary}`);
  return { installed: true, binary, version, reason: null };
}

/** Where @electron/get keeps its downloads (env-paths 'electron', or electron_config_cache). */
export function electronCacheDir(env: NodeJS.ProcessEnv = process.env, platform: string = process.platform): string {
  if (env.electron_config_cache) return path.resolve(env.electron_config_cache);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'), 'electron', 'Cache');
  if (platform === 'darwin') return path.join(home, 'Library', 'Caches', 'electron');
  return path.join(env.XDG_CACHE_HOME ?? path.join(home, '.cache'), 'electron');
}

export type FailureKind = 'network' | 'timeout' | 'http' | 'checksum' | 'cache' | 'other';

export interface FetchFailure {
  kind: FailureKind;
  /** One line for the user (German, with the English key words). */
  message: string;
}

const NETWORK =
  /fetch failed|ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|ECONNRESET|UND_ERR_|socket hang up|getaddrinfo/;
const WRITE = /\b(EACCES|EPERM|EROFS|ENOSPC)\b/;

/** Turns the installer's stderr (a stack trace) into one of a few known causes. Pure, so it is tested alone. */
export function classifyFailure(stderr: string, cacheDir: string): FetchFailure {
  const firstLine =
    stderr
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l.length > 0) ?? '';
  if (/checksum/i.test(stderr)) {
    return {
      kind: 'checksum',
      message: `Der heruntergeladene Electron-Download ist beschädigt (checksum mismatch). Bitte erneut versuchen; kommt die Datei aus einem Mirror oder Cache, dort ersetzen (Cache: ${cacheDir}).`,
    };
  }
  const http = /Response code (\d{3})/.exec(stderr);
  if (http) {
    const code = http[1];
    const hint =
      code === '407'
        ? 'Der Proxy verlangt eine Anmeldung (proxy authentication required).'
        : code === '404'
          ? 'Der Mirror hat diese Electron-Version nicht (HTTP 404).'
          : `Der Server antwortete mit HTTP ${code}.`;
    return { kind: 'http', message: `${hint} Prüfen Sie ELECTRON_MIRROR bzw. HTTPS_PROXY (mit ELECTRON_GET_USE_PROXY=1).` };
  }
  const write = WRITE.exec(stderr);
  if (write) {
    return {
      kind: 'cache',
      message: `Ordner nicht beschreibbar (${write[1]}): Electron kann nicht gespeichert werden. Cache-Ordner prüfen oder mit electron_config_cache einen anderen wählen (jetzt: ${cacheDir}).`,
    };
  }
  if (NETWORK.test(stderr)) {
    return {
      kind: 'network',
      message:
        'Keine Verbindung zum Download-Server (network error). Internetverbindung oder Proxy prüfen, oder einen Mirror angeben (ELECTRON_MIRROR).',
    };
  }
  return { kind: 'other', message: `Electron-Download fehlgeschlagen: ${firstLine.slice(0, 200)}` };
}

export interface FetchOptions {
  env?: NodeJS.ProcessEnv;
  /** No byte arrives for this long before the first one → give up (connection never established). */
  connectTimeoutMs?: number;
  /** No new byte for this long once the download runs → give up. */
  stallTimeoutMs?: number;
  onProgress?: (bytes: number) => void;
}

export type FetchResult = { ok: true; status: ElectronStatus } | { ok: false; failure: FetchFailure };

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  let entries: Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += await folderBytes(full);
    else if (entry.isFile()) {
      try {
        total += statSync(full).size;
      } catch {
        // vanished between readdir and stat (the installer moves files): not counted
      }
    }
  }
  return total;
}

/** Creates the cache folder if needed and writes a probe file: the only test that also holds for root and network drives. */
export async function cacheWritable(cacheDir: string): Promise<boolean> {
  const probe = path.join(cacheDir, `.masterplan-probe-${process.pid}`);
  try {
    await fs.mkdir(cacheDir, { recursive: true });
    await fs.writeFile(probe, '');
    await fs.rm(probe, { force: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs `<electronDir>/install.js` in a child process with a private temp folder, watches the bytes arriving
 * (temp folder and dist/) and stops it when nothing moves for too long. On failure it removes the private
 * temp folder and any partly extracted dist/ and path.txt, so the next attempt starts clean.
 */
export async function fetchElectron(electronDir: string, options: FetchOptions = {}): Promise<FetchResult> {
  const env = options.env ?? process.env;
  const connectTimeoutMs = options.connectTimeoutMs ?? 20_000;
  const stallTimeoutMs = options.stallTimeoutMs ?? 60_000;
  const cacheDir = electronCacheDir(env);
  if (!(await cacheWritable(cacheDir))) {
    return {
      ok: false,
      failure: {
        kind: 'cache',
        message: `Cache-Ordner nicht beschreibbar (not writable): ${cacheDir}. Rechte prüfen oder mit electron_config_cache einen anderen Ordner wählen.`,
      },
    };
  }
  const dist = path.join(electronDir, 'dist');
  const pathTxt = path.join(electronDir, 'path.txt');
  // A dist/ from another version or an interrupted extraction would be mixed with the new files.
  await fs.rm(dist, { recursive: true, force: true });
  await fs.rm(pathTxt, { force: true });
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'masterplan-electron-get-'));
  const childEnv = { ...env, TMPDIR: tmp, TEMP: tmp, TMP: tmp, ELECTRON_GET_NO_PROGRESS: '1' };
  const child = spawn(process.execPath, [path.join(electronDir, 'install.js')], {
    cwd: electronDir,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.resume();
  let timedOut = false;
  let lastBytes = 0;
  let lastChange = Date.now();
  const watchdog = setInterval(() => {
    void Promise.all([folderBytes(tmp), folderBytes(dist)]).then(([a, b]) => {
      const bytes = a + b;
      if (bytes !== lastBytes) {
        lastBytes = bytes;
        lastChange = Date.now();
        options.onProgress?.(bytes);
      } else if (Date.now() - lastChange > (bytes === 0 ? connectTimeoutMs : stallTimeoutMs)) {
        timedOut = true;
        child.kill();
      }
    });
  }, 250);
  const code = await new Promise<number | null>((resolve) => {
    child.on('error', () => resolve(null));
    child.on('close', (exitCode) => resolve(exitCode));
  });
  clearInterval(watchdog);
  await fs.rm(tmp, { recursive: true, force: true });
  const status = electronStatus(electronDir, env);
  if (code === 0 && status.installed && !timedOut) return { ok: true, status };
  await fs.rm(dist, { recursive: true, force: true });
  await fs.rm(pathTxt, { force: true });
  if (timedOut) {
    const seconds = Math.round((lastBytes === 0 ? connectTimeoutMs : stallTimeoutMs) / 1000);
    return {
      ok: false,
      failure: {
        kind: 'timeout',
        message: `Zeitüberschreitung (timeout): ${seconds} s lang kamen keine Daten an. Netzwerk oder Proxy prüfen, oder einen Mirror angeben (ELECTRON_MIRROR).`,
      },
    };
  }
  if (code === 0)
    return { ok: false, failure: { kind: 'other', message: `Electron-Download beendet, aber unvollständig: ${status.reason ?? ''}` } };
  return { ok: false, failure: classifyFailure(stderr, cacheDir) };
}
