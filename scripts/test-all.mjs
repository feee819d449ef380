#!/usr/bin/env node
// `npm test`: unit tests, then end-to-end tests — always both, so a red unit test cannot hide the e2e
// results. Prints one summary line and exits non-zero if either failed. (A shell `a && b` would skip b;
// `a; b` is not portable to Windows' cmd.)
import { spawnSync } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const results = ['test:unit', 'test:e2e'].map((script) => {
  const started = Date.now();
  const { status, signal } = spawnSync(npm, ['run', script], { stdio: 'inherit', shell: process.platform === 'win32' });
  return { script, ok: status === 0, detail: signal ?? `exit ${status}`, seconds: Math.round((Date.now() - started) / 1000) };
});
console.log(results.map((r) => `${r.script}: ${r.ok ? 'passed' : `FAILED (${r.detail})`} in ${r.seconds} s`).join(', '));
process.exitCode = results.every((r) => r.ok) ? 0 : 1;
