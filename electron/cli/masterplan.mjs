#!/usr/bin/env node
// Command line of the Masterplan-Register. Runs the built CLI (out/main/cli.js, built with the app by
// electron-vite); on first use, or when the sources are newer than the build, it builds first, so it
// works right after `npm install`. Usage: masterplan --help
import { ensureBuilt } from '../../scripts/ensure-built.mjs';

// `masterplan … | head` closes the pipe early; that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

ensureBuilt();
const { main } = await import('../../out/main/cli.js');
process.exitCode = await main(process.argv.slice(2));
