import os from 'node:os';
import path from 'node:path';
import { startHarness } from './server';

/** `npm run harness -- --store FILE [--port N]`: the harness by hand, e.g. to look at the UI in a browser. */
const args = process.argv.slice(2);
const value = (flag: string) => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};
const storePath = path.resolve(value('--store') ?? path.join(os.tmpdir(), 'masterplan-harness', 'register.json'));
const harness = await startHarness({
  storePath,
  settingsDir: path.join(path.dirname(storePath), 'einstellungen'),
  port: Number(value('--port') ?? 5199),
  askInPage: true,
  openInBackground: true,
});
console.log(`Harness: ${harness.url} (Register: ${storePath})`);
const stop = () => void harness.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
