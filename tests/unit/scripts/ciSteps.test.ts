/**
 * The steps of .ci/run (.ci/steps.sh), run by real bash on small commands: a failing step ends the run
 * naming itself, a step past its limit is stopped instead of hanging, `check` steps let the run go on and
 * fail it at the end, and the table of steps is printed however the run ends.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const STEPS = path.resolve(__dirname, '../../../.ci/steps.sh');

function ci(script: string): { code: number | null; out: string; err: string } {
  const result = spawnSync('bash', ['-c', `set -euo pipefail\nsource '${STEPS}'\n${script}`], { encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

/** The rows of the closing table: name and result, without the seconds. */
const table = (out: string) =>
  out
    .slice(out.indexOf('CI steps:'))
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((line) => line.trim().replace(/\s+\d+s\s+/, ' | '));

describe('.ci/steps.sh', () => {
  it('runs the steps in order and ends with the table of steps', () => {
    const run = ci(`step 'eins' 30 true\nstep 'zwei' 30 echo hallo`);
    expect(run.code).toBe(0);
    expect(run.out).toContain('::: eins (limit 30s)\n::: zwei (limit 30s)\nhallo\n');
    expect(table(run.out)).toEqual(['eins | ok', 'zwei | ok', 'total | passed']);
  });

  it('a failing step (apt or npm exiting non-zero) ends the run, says which, and the table still comes', () => {
    const run = ci(`step 'apt-get install' 30 bash -c 'exit 100'\nstep 'npm ci' 30 true`);
    expect(run.code).toBe(100);
    expect(run.err).toContain("CI: step 'apt-get install' failed (exit 100).");
    expect(run.out).not.toContain('::: npm ci');
    expect(table(run.out)).toEqual(['apt-get install | FAILED (exit 100)', 'total | FAILED (exit 100)']);
  });

  it('a step that hangs is stopped at its limit and ends the run', () => {
    const run = ci(`step 'npm ci' 1 sleep 120\nstep 'build' 30 true`);
    expect(run.code).toBe(124);
    expect(run.err).toContain("CI: step 'npm ci' stopped after its limit of 1s (exit 124).");
    expect(table(run.out)).toEqual(['npm ci | TIMED OUT after 1s', 'total | FAILED (exit 124)']);
  });

  it('CI_TIME_SCALE multiplies every limit', () => {
    expect(ci(`CI_TIME_SCALE=3\nstep 'build' 20 true`).out).toContain('::: build (limit 60s)');
  });

  it('check steps both run; a failed one fails the run at the end', () => {
    const run = ci(`check 'unit tests' 30 false\ncheck 'e2e tests' 30 true\nexit "$ci_failed"`);
    expect(run.code).toBe(1);
    expect(run.err).toContain("CI: step 'unit tests' failed (exit 1).");
    expect(table(run.out)).toEqual(['unit tests | FAILED (exit 1)', 'e2e tests | ok', 'total | FAILED (exit 1)']);
  });

  it('a command failing outside the steps still ends with the table', () => {
    const run = ci(`step 'eins' 30 true\nfalse\nstep 'zwei' 30 true`);
    expect(run.code).toBe(1);
    expect(table(run.out)).toEqual(['eins | ok', 'total | FAILED (exit 1)']);
  });
});
