import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * The licences of every production dependency (what main uses and what the renderer bundles), read from
 * package-lock.json and each package's own licence file. Emitted at build time as
 * out/main/THIRD_PARTY_LICENSES.txt; Hilfe › Über Masterplan-Register shows it.
 */
/** Production dependencies that do not ship in the app (electron-builder.yml `files`): the CLI's tsx and type packages. */
const NOT_SHIPPED = /^(tsx|esbuild|@esbuild\/.*|get-tsconfig|resolve-pkg-maps|@types\/.*|undici-types)$/;

export function thirdPartyLicenses(root: string): string {
  const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { version?: string; license?: string; dev?: boolean; optional?: boolean }>;
  };
  const sections: string[] = [];
  const entries = Object.entries(lock.packages)
    .filter(([location, info]) => location.startsWith('node_modules/') && !info.dev)
    .sort(([a], [b]) => a.localeCompare(b));
  for (const [location, info] of entries) {
    const dir = path.join(root, location);
    const name = location.slice(location.lastIndexOf('node_modules/') + 'node_modules/'.length);
    if (!existsSync(dir) || NOT_SHIPPED.test(name)) continue; // another platform's optional package, or not shipped
    const licenseFile = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(f));
    const text = licenseFile ? readFileSync(path.join(dir, licenseFile), 'utf8').trim() : '(kein Lizenztext im Paket)';
    sections.push(`${name} ${info.version ?? ''} — ${info.license ?? 'unbekannt'}\n${'-'.repeat(72)}\n${text}`);
  }
  return `Masterplan-Register: mitgelieferte Bibliotheken (${sections.length}) und ihre Lizenzen\n\n${sections.join('\n\n\n')}\n`;
}

export function licensesPlugin(root: string): Plugin {
  return {
    name: 'masterplan-third-party-licenses',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'THIRD_PARTY_LICENSES.txt', source: thirdPartyLicenses(root) });
    },
  };
}
