import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The project folder (where package.json and resources/ are). Walks up from this module, so it is right
 * both for the sources (electron/cli/…) and for the built CLI (out/main/cli.js), which sit at different depths.
 */
export function projectRoot(from: string = import.meta.dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(from, '..', '..');
  }
}
