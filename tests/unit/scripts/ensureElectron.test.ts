import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { classifyFailure, electronStatus, fetchElectron } from '../../../scripts/electronBinary';

/**
 * The start chain's decision logic against a copy of the real `electron` package (its own install.js and
 * @electron/get run unchanged); the network is simulated by local servers and an unreachable mirror.
 */
const ROOT = path.resolve(import.meta.dirname, '../../..');
const SCRIPT = path.join(ROOT, 'scripts/ensure-electron.ts');
const ZIP = `electron-v45.5.0-${process.platform}-${process.arch}.zip`;
const EXE = process.platform === 'win32' ? 'electron.exe' : 'electron';

let dir: string;
let electronDir: string;
let cache: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'masterplan-ensure-'));
  electronDir = path.join(dir, 'node_modules', 'electron');
  cache = path.join(dir, 'cache');
  await fs.mkdir(electronDir, { recursive: true });
  for (const file of ['install.js', 'package.json', 'checksums.json'])
    await fs.copyFile(path.join(ROOT, 'node_modules/electron', file), path.join(electronDir, file));
  // The installer's own dependencies resolve from the project's node_modules.
  for (const scope of ['@electron', '@electron-internal'])
    await fs.symlink(path.join(ROOT, 'node_modules', scope), path.join(dir, 'node_modules', scope), 'dir');
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** The stand-in binary of TOOLCHAIN.md: dist/version, path.txt and an executable script. */
async function installStandIn(): Promise<void> {
  await fs.mkdir(path.join(electronDir, 'dist'), { recursive: true });
  await fs.writeFile(path.join(electronDir, 'dist/version'), '45.5.0');
  await fs.writeFile(path.join(electronDir, 'path.txt'), EXE);
  await fs.writeFile(path.join(electronDir, 'dist', EXE), '#!/bin/sh\necho stand-in\n', { mode: 0o755 });
}

function runScript(env: NodeJS.ProcessEnv, args: string[] = []): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, ...args], {
      cwd: ROOT,
      env: { ...process.env, MASTERPLAN_ELECTRON_DIR: electronDir, electron_config_cache: cache, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function serve(handler: http.RequestListener): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

const UNREACHABLE = 'http://127.0.0.1:9/';

describe('electronStatus', () => {
  it('reports a missing binary with a German reason', () => {
    const status = electronStatus(electronDir, {});
    expect(status.installed).toBe(false);
    expect(status.reason).toMatch(/noch nicht heruntergeladen/);
  });

  it('accepts the stand-in binary and refuses a dist of another version', async () => {
    await installStandIn();
    expect(electronStatus(electronDir, {})).toMatchObject({ installed: true, binary: path.join(electronDir, 'dist', EXE) });
    await fs.writeFile(path.join(electronDir, 'dist/version'), '44.0.0');
    expect(electronStatus(electronDir, {}).reason).toMatch(/44\.0\.0, gebraucht wird 45\.5\.0/);
  });
});

describe('ensure-electron (script)', () => {
  it('does nothing when the binary is there, even without network', async () => {
    await installStandIn();
    const result = await runScript({ ELECTRON_MIRROR: UNREACHABLE });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
  });

  it('without network: exit 1, one short German message with what to do, no stack trace, nothing left behind', async () => {
    const result = await runScript({ ELECTRON_MIRROR: UNREACHABLE });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/network/);
    expect(result.stderr).toMatch(/ELECTRON_MIRROR/);
    expect(result.stderr).toMatch(/npm run harness/);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stderr.split('\n').length).toBeLessThan(8);
    expect(existsSync(path.join(electronDir, 'dist'))).toBe(false);
    expect(existsSync(path.join(electronDir, 'path.txt'))).toBe(false);
  });

  it('--check only reports', async () => {
    const result = await runScript({ ELECTRON_MIRROR: UNREACHABLE }, ['--check']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/noch nicht heruntergeladen/);
  });
});

describe('fetchElectron', () => {
  it('installs from a mirror through the package installer (zip extracted, path.txt written)', async () => {
    const zip = new JSZip();
    zip.file('version', '45.5.0');
    zip.file(EXE, '#!/bin/sh\necho fetched\n', { unixPermissions: 0o755 });
    const body = await zip.generateAsync({ type: 'nodebuffer', platform: 'UNIX' });
    const sum = createHash('sha256').update(body).digest('hex');
    const requested: string[] = [];
    const mirror = await serve((req, res) => {
      requested.push(req.url ?? '');
      if (req.url?.endsWith('SHASUMS256.txt')) res.end(`${sum} *${ZIP}\n`);
      else if (req.url?.endsWith(ZIP)) res.end(body);
      else res.writeHead(404).end();
    });
    try {
      const result = await fetchElectron(electronDir, {
        env: { ...process.env, ELECTRON_MIRROR: mirror.url, electron_config_cache: cache, electron_use_remote_checksums: '1' },
      });
      expect(result.ok).toBe(true);
      expect(requested).toContain(`/v45.5.0/${ZIP}`);
      expect(await fs.readFile(path.join(electronDir, 'path.txt'), 'utf8')).toBe(EXE);
      expect(electronStatus(electronDir, {}).installed).toBe(true);
    } finally {
      await mirror.close();
    }
  });

  it('a damaged download (checksum mismatch) is named, and no dist/ is left', async () => {
    const mirror = await serve((_req, res) => res.end(Buffer.alloc(4096, 7)));
    try {
      const result = await fetchElectron(electronDir, {
        env: { ...process.env, ELECTRON_MIRROR: mirror.url, electron_config_cache: cache },
      });
      expect(result).toMatchObject({ ok: false, failure: { kind: 'checksum' } });
      expect(existsSync(path.join(electronDir, 'dist'))).toBe(false);
    } finally {
      await mirror.close();
    }
  });

  it('a server that never answers is given up after the connect time limit', async () => {
    const mirror = await serve(() => undefined);
    try {
      const result = await fetchElectron(electronDir, {
        env: { ...process.env, ELECTRON_MIRROR: mirror.url, electron_config_cache: cache },
        connectTimeoutMs: 1000,
      });
      expect(result).toMatchObject({ ok: false, failure: { kind: 'timeout' } });
      expect(result.ok ? '' : result.failure.message).toMatch(/timeout/);
    } finally {
      await mirror.close();
    }
  });

  it('a download that stalls half-way is given up, and its partial file is removed', async () => {
    const mirror = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': '10000000' });
      res.write(Buffer.alloc(65536, 1));
    });
    try {
      const before = new Set(await fs.readdir(os.tmpdir()));
      const result = await fetchElectron(electronDir, {
        env: { ...process.env, ELECTRON_MIRROR: mirror.url, electron_config_cache: cache },
        connectTimeoutMs: 5000,
        stallTimeoutMs: 1000,
      });
      expect(result).toMatchObject({ ok: false, failure: { kind: 'timeout' } });
      const leftovers = (await fs.readdir(os.tmpdir())).filter((name) => name.startsWith('masterplan-electron-get-') && !before.has(name));
      expect(leftovers).toEqual([]);
    } finally {
      await mirror.close();
    }
  });

  it('an unwritable cache folder is named before anything is downloaded', async () => {
    await fs.writeFile(path.join(dir, 'a-file'), 'x');
    const blocked = path.join(dir, 'a-file', 'cache');
    const result = await fetchElectron(electronDir, {
      env: { ...process.env, ELECTRON_MIRROR: UNREACHABLE, electron_config_cache: blocked },
    });
    expect(result).toMatchObject({ ok: false, failure: { kind: 'cache' } });
    expect(result.ok ? '' : result.failure.message).toContain(blocked);
  });
});

describe('classifyFailure', () => {
  const cacheDir = '/c';
  it.each([
    ['TypeError: fetch failed\n    at x', 'network'],
    ['HTTPError: Response code 407 (Proxy Authentication Required) for https://x', 'http'],
    ['HTTPError: Response code 404 (Not Found) for https://x', 'http'],
    ["Error: EACCES: permission denied, mkdir '/c/abc'", 'cache'],
    ['Error: Generated checksum for "electron.zip" did not match expected checksum.', 'checksum'],
    ['Error: something new', 'other'],
  ])('%s → %s', (stderr, kind) => {
    expect(classifyFailure(stderr, cacheDir).kind).toBe(kind);
  });
  it('names the proxy for HTTP 407', () => {
    expect(classifyFailure('Response code 407 (x)', cacheDir).message).toMatch(/Proxy.*HTTPS_PROXY/s);
  });
});
