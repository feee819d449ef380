import asar from '@electron/asar';
import { getCurrentFuseWire, flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asarEntries, asarTree, checkEntries, checkFuses, checkImports, importsOf, REQUIRED } from '../../../scripts/packageCheck';
import { makeStandInElectron } from '../../../scripts/standInElectron';

/** The package checks on small real archives built with @electron/asar, and on the stand-in's real fuse wire. */
let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'masterplan-pkgcheck-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function archive(files: Record<string, string>): Promise<string> {
  const src = path.join(dir, 'app');
  for (const [name, content] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(src, name)), { recursive: true });
    await fs.writeFile(path.join(src, name), content);
  }
  const target = path.join(dir, 'app.asar');
  await asar.createPackage(src, target);
  return target;
}

const base = Object.fromEntries(REQUIRED.map((f) => [f, f.endsWith('.json') ? '{}' : '']));

describe('checkEntries', () => {
  it('names missing required files and forbidden ones (sources, tests, docs, CI, dev packages)', async () => {
    const { 'out/preload/index.cjs': _omitted, ...withoutPreload } = base;
    const file = await archive({
      ...withoutPreload,
      'electron/main/index.ts': '',
      'tests/unit/a.test.ts': '',
      'docs/x.md': '',
      '.ci/run': '',
      'node_modules/tsx/package.json': '{}',
      'out/main/index.js.map': '',
    });
    const problems = checkEntries(asarEntries(file), REQUIRED);
    expect(problems).toContain('fehlt im asar: out/preload/index.cjs');
    for (const bad of [
      'electron/main/index.ts',
      'tests/unit/a.test.ts',
      'docs/x.md',
      '.ci/run',
      'node_modules/tsx/package.json',
      'out/main/index.js.map',
    ]) {
      expect(problems).toContain(`gehört nicht ins asar: ${bad}`);
    }
  });

  it('accepts a clean archive', async () => {
    const file = await archive({ ...base, 'node_modules/zod/package.json': '{}' });
    expect(checkEntries(asarEntries(file), REQUIRED)).toEqual([]);
  });
});

describe('checkImports', () => {
  it('resolves bare imports through exports and main, and reports the ones missing', async () => {
    const file = await archive({
      'out/main/index.js':
        'import { z } from "zod";\nimport XLSX from "xlsx";\nimport fs from "node:fs";\nimport { app } from "electron";\nimport { Low } from "lowdb";\nconst s = "text from \\"nowhere\\"";\n',
      'node_modules/zod/package.json': JSON.stringify({ exports: { '.': { import: './index.js', require: './index.cjs' } } }),
      'node_modules/zod/index.js': '',
      'node_modules/xlsx/package.json': JSON.stringify({ main: 'xlsx.js' }),
      'node_modules/xlsx/xlsx.js': 'var cp = require("./dist/cpexcel.js");',
    });
    const problems = checkImports(asarTree(file), ['out/main/index.js'], () => ['node', 'import']);
    expect(problems).toEqual(['node_modules/xlsx/xlsx.js: ./dist/cpexcel.js fehlt', 'out/main/index.js: Import "lowdb" nicht auflösbar']);
  });

  it('finds the imports of bundled code, not words inside strings', () => {
    expect(
      importsOf('import a from "a";\nexport { b } from "b/c";\nconst t = " from \\"x\\" ";\nawait import("d");\nrequire("e");'),
    ).toEqual(['a', 'b/c', 'd', 'e']);
  });
});

describe('checkFuses', () => {
  const hardened = {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    loadBrowserProcessSpecificV8Snapshot: false,
    grantFileProtocolExtraPrivileges: false,
  };

  it('the stand-in carries Electron defaults; after flipping as configured the check passes', async () => {
    const binary = await makeStandInElectron(path.join(dir, 'standin'), '45.5.0', path.resolve('node_modules/electron/LICENSE'));
    const before = (await getCurrentFuseWire(binary)) as unknown as Record<number, number>;
    expect(checkFuses(hardened, before)).toContain('Fuse runAsNode im Programm ist an, konfiguriert: aus');
    await flipFuses(binary, {
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
    expect(checkFuses(hardened, (await getCurrentFuseWire(binary)) as unknown as Record<number, number>)).toEqual([]);
  });

  it('refuses a configuration that leaves RunAsNode on', () => {
    const wire = { 0: 49, 1: 49, 2: 48, 3: 48, 4: 49, 5: 49, 6: 48, 7: 48 };
    expect(checkFuses({ ...hardened, runAsNode: true }, wire)).toContain('Fuse runAsNode muss false sein (Konfiguration: true)');
    expect(checkFuses(undefined, wire)).toEqual(['electronFuses fehlt in electron-builder.yml']);
  });
});
