import path from 'node:path';
import { electronCacheDir, electronStatus, fetchElectron } from './electronBinary';

/**
 * `npm start` / `npm run dev` run this first: when the Electron binary is missing it is fetched through the
 * electron package's own installer; when that fails the user gets one short German message and what to
 * do next, exit code 1, no stack trace. Options: `--check` only reports (exit 0 installed, 1 missing).
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const electronDir = process.env.MASTERPLAN_ELECTRON_DIR ?? path.join(ROOT, 'node_modules', 'electron');
const seconds = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value * 1000 : fallback;
};

const status = electronStatus(electronDir);
if (status.installed) process.exit(0);
if (process.argv.includes('--check')) {
  console.error(status.reason);
  process.exit(1);
}

const mirror = process.env.ELECTRON_MIRROR ? ` von ${process.env.ELECTRON_MIRROR}` : '';
process.stderr.write(`Electron ${status.version} wird einmalig heruntergeladen${mirror} (Cache: ${electronCacheDir()}) …\n`);
let lastReport = 0;
const result = await fetchElectron(electronDir, {
  connectTimeoutMs: seconds('MASTERPLAN_ELECTRON_CONNECT_TIMEOUT', 20_000),
  stallTimeoutMs: seconds('MASTERPLAN_ELECTRON_STALL_TIMEOUT', 60_000),
  onProgress: (bytes) => {
    const mb = Math.floor(bytes / 1_048_576);
    if (mb >= lastReport + 10) {
      lastReport = mb;
      process.stderr.write(`  … ${mb} MB\n`);
    }
  },
});
if (result.ok) {
  process.stderr.write(`Electron ${status.version} bereit.\n`);
  process.exit(0);
}
console.error(
  [
    `Electron konnte nicht geladen werden. ${result.failure.message}`,
    'Was tun: Netzwerk prüfen und erneut `npm start`; oder einen Mirror setzen (ELECTRON_MIRROR=https://…/) oder einen',
    'vorbefüllten Cache nutzen (electron_config_cache=ORDNER); ohne Electron läuft die App im Browser: npm run harness.',
  ].join('\n'),
);
process.exit(1);
