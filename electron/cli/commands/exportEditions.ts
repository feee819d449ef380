import path from 'node:path';
import { COMPARE_CATEGORIES, compareEditions, EditionCompareError } from '@shared/editions/editionCompare';
import { cli } from '@shared/i18n/cli';
import { de } from '@shared/i18n/de';
import { ExportTargetExistsError, writeExportFile } from '@main/export/writeExportFile';
import { buildEditionExport } from '@main/editions/editions';
import { CliFailure, UsageError, writeLines, type Command } from '../command';
import { loadForDisplay, resolveStore } from '../registerFile';

/**
 * `export editions --store FILE --from ID --to ID --out FILE.xlsx|FILE.docx [--force]`: the comparison of
 * two Fassungen as Excel table or Word annex (by the extension). Refuses unknown or unrelated Fassungen
 * and an existing target without --force; a refusal writes nothing.
 */
export const exportEditionsCommand: Command = {
  name: 'export editions',
  summary: cli.editions.exportSummary,
  options: {
    store: { kind: 'value', required: true, valueName: cli.options.storeValue, help: cli.options.store },
    from: { kind: 'value', required: true, valueName: cli.editions.idValue, help: cli.editions.from },
    to: { kind: 'value', required: true, valueName: cli.editions.idValue, help: cli.editions.to },
    out: { kind: 'value', required: true, valueName: cli.options.outValue, help: cli.editions.out },
    force: { kind: 'flag', help: cli.options.force },
  },
  async run({ options, io, env }) {
    const out = resolveStore(env, options.required('out'));
    const extension = path.extname(out).toLowerCase();
    if (extension !== '.xlsx' && extension !== '.docx') throw new UsageError(cli.editions.badExtension(options.required('out')));
    const { doc } = await loadForDisplay(resolveStore(env, options.required('store')), io);
    for (const id of [options.required('from'), options.required('to')])
      if (!doc.editions.some((e) => e.id === id)) throw new CliFailure([cli.editions.unknownEdition(id)]);
    let comparison;
    try {
      comparison = compareEditions(doc, options.required('from'), options.required('to'));
    } catch (error) {
      if (error instanceof EditionCompareError) throw new CliFailure([error.message]);
      throw error;
    }
    const bytes = await buildEditionExport(doc, comparison, extension === '.xlsx' ? 'xlsx' : 'docx', env.now());
    try {
      await writeExportFile(out, bytes, { overwrite: options.flag('force') });
    } catch (error) {
      if (error instanceof ExportTargetExistsError) throw new CliFailure(cli.export.exists(out).split('\n'));
      if (error instanceof Error) throw new CliFailure([error.message]);
      throw error;
    }
    const counts = COMPARE_CATEGORIES.map((k) => `${de.editions.categories[k]} ${comparison.counts[k]}`).join(', ');
    writeLines(io.out, [
      cli.export.written(out, de.submission.document.kilobytes(Math.max(1, Math.ceil(bytes.length / 1024)))),
      cli.editions.summary(counts),
    ]);
    return 0;
  },
};
