import { checkRegisterIntegrity } from '@shared/register/rules';
import { RegisterFileError } from '@main/store/decode';
import { writeLines, type Command } from '../command';
import { readRegister, resolveStore } from '../registerFile';
import { cli } from '@shared/i18n/cli';

/**
 * `validate --store FILE`: reads only. A file in an older format is valid (the app converts it on the
 * next open); damaged, invalid or newer files and integrity problems give exit code 1.
 */
export const validateCommand: Command = {
  name: 'validate',
  summary: cli.commands.validate,
  options: {
    store: { kind: 'value', required: true, valueName: cli.options.storeValue, help: cli.options.store },
  },
  async run({ options, io, env }) {
    const file = resolveStore(env, options.required('store'));
    let loaded;
    try {
      loaded = await readRegister(file);
    } catch (error) {
      if (!(error instanceof RegisterFileError)) throw error;
      writeLines(io.err, [cli.validate.invalid(file), `  – ${error.problem}`]);
      return 1;
    }
    const { doc, migratedFrom } = loaded;
    const problems = checkRegisterIntegrity(doc);
    const note = migratedFrom !== null ? [cli.file.migrationNote(migratedFrom, doc.schemaVersion)] : [];
    if (problems.length > 0) {
      writeLines(io.err, [cli.validate.inconsistent(file, problems.length), ...problems.map((p) => `  – ${p}`), ...note]);
      return 1;
    }
    const deleted = doc.measures.filter((m) => m.deletedAt).length;
    writeLines(io.out, [
      cli.validate.valid(doc.measures.length, deleted, doc.actionFields.length, doc.orgUnits.length, doc.audit.length),
      cli.validate.file(file),
      ...note,
    ]);
    return 0;
  },
};
