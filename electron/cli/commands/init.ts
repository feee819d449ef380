import { promises as fs } from 'node:fs';
import path from 'node:path';
import { createEmptyRegister } from '@shared/register/newRegister';
import type { RegisterDocument } from '@shared/register/register';
import { decodeRegister, RegisterFileError } from '@main/store/decode';
import { writeFileDurable } from '@main/store/durableWrite';
import { describeIoError } from '@main/store/ioErrors';
import { CliFailure, writeLines, type Command } from '../command';
import { readSample, resolveStore } from '../registerFile';
import { cli } from '@shared/i18n/cli';

/**
 * `init --store FILE [--sample]`: a new register, empty (with the offices of the sample register, as the
 * app does) or a copy of the sample with its own registerId. Never replaces an existing file.
 */
export const initCommand: Command = {
  name: 'init',
  summary: cli.commands.init,
  options: {
    store: { kind: 'value', required: true, valueName: cli.options.storeValue, help: cli.options.store },
    sample: { kind: 'flag', help: cli.options.sample },
  },
  async run({ options, io, env }) {
    const target = resolveStore(env, options.required('store'));
    const now = env.now().toISOString();
    const sample = readSample(env.samplePath);
    let doc: RegisterDocument;
    if (options.flag('sample')) {
      if (!('doc' in sample)) throw new CliFailure([cli.init.sampleMissing(env.samplePath, sample.problem)]);
      // Each register made from the sample gets its own id, so review packages cannot be mixed up later.
      doc = { ...sample.doc, registerId: env.newId(), createdAt: now };
    } else {
      doc = createEmptyRegister(env.newId(), now, 'doc' in sample ? sample.doc.orgUnits : []);
    }
    const text = JSON.stringify(doc);
    // Never write what the app could not open again.
    try {
      decodeRegister(text);
    } catch (error) {
      if (error instanceof RegisterFileError) throw new CliFailure([cli.init.failed(error.problem)]);
      throw error;
    }

    await createExclusive(target, text);
    const content = options.flag('sample')
      ? cli.init.sampleContent(doc.measures.filter((m) => !m.deletedAt).length)
      : cli.init.emptyContent(doc.actionFields.length, doc.orgUnits.length);
    writeLines(io.out, [cli.init.created(target), content, cli.init.registerId(doc.registerId)]);
    return 0;
  },
};

/**
 * Claims the name with an exclusive create first, so a file that appears between check and write is
 * never replaced; then writes durably over the (still empty) placeholder.
 */
async function createExclusive(target: string, text: string): Promise<void> {
  try {
    await fs.mkdir(path.dirname(target), { recursive: true });
    const placeholder = await fs.open(target, 'wx', 0o644);
    await placeholder.close();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new CliFailure([cli.init.exists(target)]);
    throw new CliFailure([cli.init.failed(describeIoError(error))]);
  }
  try {
    await writeFileDurable(target, text);
  } catch (error) {
    await fs.rm(target, { force: true }).catch(() => undefined);
    throw new CliFailure([cli.init.failed(describeIoError(error))]);
  }
}
