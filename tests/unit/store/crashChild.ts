/**
 * Child process of crash.test.ts: writes version after version of a big register to one file with
 * writeFileDurable, as fast as it can, until it is killed. Protocol on stdout, one line each:
 * `started` before the first write, `written <seq>` after each write has returned.
 * Usage: node --import tsx crashChild.ts <target> <firstSeq>
 */
import { writeFileDurable } from '@main/store/durableWrite';
import { crashText } from './crashDoc';

const [target, first] = process.argv.slice(2);
if (!target || !first) throw new Error('usage: crashChild.ts <target> <firstSeq>');

// Build the first text before announcing, so the parent's delay is spent writing, not starting up.
let seq = Number(first);
let text = crashText(seq);
process.stdout.write('started\n');
for (;;) {
  await writeFileDurable(target, text);
  // stdout to a pipe is synchronous on Linux: the line is in the pipe before the next write starts.
  process.stdout.write(`written ${seq}\n`);
  seq++;
  text = crashText(seq);
}
