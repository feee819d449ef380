import { promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * An unpacked "Electron distribution" good enough for electron-builder's `electronDist` (no download):
 * the `electron` executable, `version` and `LICENSE`. The executable is a shell script that carries
 * Electron's fuse wire (sentinel, wire version 1, length, one byte per fuse) in a comment, so electron-builder
 * flips the fuses in it exactly as in the real binary and `package:check` can read them back.
 */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's defaults for the eight V1 fuses: RunAsNode on, cookie encryption off, NODE_OPTIONS on, inspect on, … */
const DEFAULT_WIRE = '10110001';

export async function makeStandInElectron(dir: string, version: string, licenseFile: string): Promise<string> {
  await fs.rm(dir, { recursive: true, force: true });
  await fs.mkdir(dir, { recursive: true });
  const script = Buffer.concat([
    Buffer.from('#!/bin/sh\necho "Stand-in for Electron (npm run package:check), not a real Electron." >&2\nexit 3\n# fuse wire: '),
    Buffer.from(FUSE_SENTINEL),
    Buffer.from([1, DEFAULT_WIRE.length]),
    Buffer.from(DEFAULT_WIRE),
    Buffer.from('\n'),
  ]);
  const executable = path.join(dir, 'electron');
  await fs.writeFile(executable, script, { mode: 0o755 });
  await fs.writeFile(path.join(dir, 'version'), version);
  await fs.copyFile(licenseFile, path.join(dir, 'LICENSE'));
  return executable;
}
