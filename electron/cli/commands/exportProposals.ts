import { exportedProposals } from '@main/participation/proposalsWorkbook';
import { cli } from '@shared/i18n/cli';
import { writeLines, type Command } from '../command';
import { loadForDisplay, resolveStore } from '../registerFile';
import { writeExportRecordingPersonalData } from '../recordPersonalDataExport';
import { writeInWorker } from '../progress';
import { USER_OPTION } from '../cliUser';
import { appVersion, kilobytes, outTarget, refuseExisting, writeTarget } from './exportEvaluation';

const t = cli.participation;

/**
 * `export proposals --store FILE --out FILE.xlsx [--mit-personenbezug] [--force]`: the Anregungen and
 * Quartierslabore as Excel. Feedback contacts only with --mit-personenbezug: that choice is recorded in
 * the register's audit trail under its lock (a register open in the app is refused before the file is
 * written) and a note goes to stderr, as with `export evaluation --with-personal-data`. Never over an
 * existing file without --force.
 */
export const exportProposalsCommand: Command = {
  name: 'export proposals',
  summary: t.commands.proposals,
  options: {
    store: { kind: 'value', required: true, valueName: cli.options.storeValue, help: cli.options.store },
    'mit-personenbezug': { kind: 'flag', help: t.options.personalData },
    out: { kind: 'value', required: true, valueName: cli.options.outXlsxValue, help: cli.options.outXlsx },
    force: { kind: 'flag', help: cli.options.force },
    ...USER_OPTION,
  },
  async run(ctx) {
    const { options, io, env } = ctx;
    const target = outTarget(ctx, '.xlsx');
    const force = options.flag('force');
    const includePersonalData = options.flag('mit-personenbezug');
    const storePath = resolveStore(env, options.required('store'));
    const { doc } = await loadForDisplay(storePath, io);
    await refuseExisting(target, force);
    const bytes = await writeInWorker(io, {
      kind: 'proposals',
      input: { includePersonalData, generatedAt: env.now(), appVersion: appVersion() },
      register: { doc },
    });
    const recorded = await writeExportRecordingPersonalData(ctx, { storePath, target, personalData: includePersonalData }, () =>
      writeTarget(target, bytes, force),
    );
    const labs = doc.labs.filter((l) => l.deletedAt === null).length;
    writeLines(io.out, [
      cli.export.written(target, kilobytes(bytes.length)),
      t.proposalsContent(exportedProposals(doc).length, labs),
      ...recorded,
    ]);
    if (includePersonalData) writeLines(io.err, [t.personalData]);
    return 0;
  },
};
