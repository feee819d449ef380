// The newest modification time in a file or folder tree: "is this build older than its sources?"
// (ensure-built.mjs, build-harness.mjs).
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export function newestMtime(entry) {
  const stat = statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, name)));
  return newest;
}
