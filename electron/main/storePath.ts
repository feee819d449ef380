import path from 'node:path';

export const DEFAULT_STORE_NAME = 'masterplan-register.json';

/**
 * Which register to open: `--store PATH` on the command line, else `MASTERPLAN_STORE`, else the register
 * opened last, else `masterplan-register.json` in the user's data folder (created from the sample).
 */
export function resolveStorePath(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  lastStorePath: string | null,
  userDataDir: string,
): string {
  const index = argv.indexOf('--store');
  const fromArg = index >= 0 ? argv[index + 1] : argv.find((a) => a.startsWith('--store='))?.slice('--store='.length);
  const chosen = fromArg || env.MASTERPLAN_STORE || lastStorePath || path.join(userDataDir, DEFAULT_STORE_NAME);
  return path.resolve(chosen);
}
