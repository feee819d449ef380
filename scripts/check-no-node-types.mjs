#!/usr/bin/env node
// The renderer and shared programs must not see Node's types: with @types/node in the program, the type
// check would accept `node:fs` or `process` in code that runs sandboxed. `"types": []` keeps the automatic
// inclusion out, but any imported package whose typings say `/// <reference types="node" />` (jszip, for
// one) pulls them back in silently. So list the files each program really contains and fail on any.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
let failed = false;
for (const project of ['tsconfig.web.json', 'tsconfig.shared.json']) {
  const files = execFileSync(process.execPath, [tsc, '--listFilesOnly', '-p', project], { encoding: 'utf8' }).split('\n');
  const nodeTypes = files.filter((file) => /[\\/]@types[\\/]node[\\/]/.test(file));
  if (nodeTypes.length > 0) {
    failed = true;
    console.error(`${project}: the program contains @types/node (${nodeTypes.length} files, e.g. ${nodeTypes[0]}).`);
    console.error('A package imported there references Node types; import it only in electron/ or tests/.');
  }
}
if (failed) process.exit(1);
