#!/usr/bin/env node
// Command line of the Masterplan-Register. Runs the TypeScript sources directly through tsx, so it works
// right after `npm install` without a build step. Usage: masterplan --help
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// The project's own compiler settings, not those of whatever folder the command is started in.
register({ tsconfig: fileURLToPath(new URL('../../tsconfig.node.json', import.meta.url)) });

// `masterplan … | head` closes the pipe early; that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const { main } = await import('./index.ts');
process.exitCode = await main(process.argv.slice(2));
