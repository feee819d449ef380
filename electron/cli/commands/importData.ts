import path from 'node:path';
import {
  IMPORT_FIELDS_BY_KIND,
  formatRowProblem,
  planImport,
  type ImportKind,
  type ImportPlan,
  type ImportTable,
} from '@shared/import/importMapping';
import { columnLetter } from '@shared/import/importTexts';
import { de } from '@shared/i18n/de';
import { cli } from '@shared/i18n/cli';
import { applyImportPlan } from '@main/import/applyImport';
import { ImportFileError, parseImportFile, parseSpreadsheet, type ImportFile, type ParsedSheet } from '@main/import/parseSpreadsheet';
import { NoFittingSheetError, pickSheet } from '@main/import/pickSheet';
import { WriteFailedError } from '@main/store/registerStore';
import { CliFailure, writeLines, type CliIo, type Command } from '@cli/command';
import { loadForDisplay, resolveStore } from '@cli/registerFile';
import { withWritableRegister } from '@cli/writableRegister';
import { USER_OPTION } from '@cli/cliUser';

/** Rows listed one by one; beyond these only a count (errors are always listed in full). */
const LISTED_ROWS = 20;

function sourceLine(fileName: string, table: ParsedSheet, plan: ImportPlan): string {
  const rows = plan.preview.counts.rows;
  if (table.csv)
    return cli.import.csvSource(
      fileName,
      table.csv.separator === '\t' ? 'Tabulator' : `„${table.csv.separator}“`,
      table.csv.encoding.toUpperCase(),
      rows,
    );
  return cli.import.source(fileName, table.sheet, plan.preview.headerRow, rows);
}

function mappingLines(kind: ImportKind, plan: ImportPlan): string[] {
  const { headers, mapping } = plan.preview;
  const label = (column: number) => `„${headers[column] || de.import.mapping.column(column)}“ (${columnLetter(column)})`;
  const lines: string[] = [cli.import.mapping];
  for (const field of IMPORT_FIELDS_BY_KIND[kind]) {
    const column = mapping[field];
    if (column !== undefined) lines.push(cli.import.mappingLine(de.import.fields[field], label(column)));
  }
  const used = new Set(Object.values(mapping));
  const leftOut = new Set(plan.preview.leftOut);
  const unused = headers
    .map((h, i) => (h !== '' && !used.has(i) && !leftOut.has(h) ? label(i) : null))
    .filter((x): x is string => x !== null);
  if (unused.length > 0) lines.push(cli.import.unmapped(unused.join(', ')));
  if (plan.preview.leftOut.length > 0) lines.push(de.import.mapping.personalLeftOut(plan.preview.leftOut));
  return lines;
}

function resultLine(kind: ImportKind, plan: ImportPlan): string {
  const c = plan.preview.counts;
  if (kind === 'proposals') return cli.import.proposalsSummary(c.newProposals);
  return kind === 'measures'
    ? cli.import.measuresSummary(c.newMeasures)
    : cli.import.valuesSummary(c.newValues, c.replacedValues, c.unchangedValues);
}

/**
 * Prints the preview. Clean: the rows (the first ones) on stdout, returns true. Otherwise the mapping
 * problems or every row error on stderr, returns false: nothing may be written.
 */
function report(io: CliIo, kind: ImportKind, fileName: string, table: ParsedSheet, plan: ImportPlan): boolean {
  const { preview } = plan;
  // Totals, footnotes and blank rows are named, so the clerk sees they were recognised and left out.
  const skipped = preview.skipped.map((row) => `  ${de.import.skipped.line(row.rowNumber, row.reason)}`);
  writeLines(io.out, [sourceLine(fileName, table, plan), ...mappingLines(kind, plan), ...skipped]);
  if (preview.problems.length > 0) {
    writeLines(io.err, [
      cli.import.mappingProblems,
      ...preview.problems.map((p) => `  – ${p}`),
      cli.import.foundHeaders(
        preview.headers
          .filter((h) => h !== '')
          .map((h) => `„${h}“`)
          .join(', '),
      ),
    ]);
    return false;
  }
  if (preview.counts.rows === 0) {
    writeLines(io.err, [cli.import.noRows]);
    return false;
  }
  if (preview.counts.errors > 0) {
    const lines = preview.rows.flatMap((row) => row.errors.map((e) => `  ${formatRowProblem(row.rowNumber, e)}`));
    writeLines(io.err, [cli.import.rowsWithErrors(preview.counts.errors, preview.counts.rows), ...lines, cli.import.fixHint]);
    return false;
  }
  const listed = preview.rows.slice(0, LISTED_ROWS).map((row) => cli.import.row(row.rowNumber, row.summary));
  const more = preview.rows.length > LISTED_ROWS ? [cli.import.moreRows(preview.rows.length - LISTED_ROWS)] : [];
  writeLines(io.out, [cli.import.rowsHeading, ...listed, ...more, resultLine(kind, plan)]);
  return true;
}

class NotClean extends Error {}

const SUMMARIES: Record<ImportKind, string> = {
  measures: cli.commands.importMeasures,
  values: cli.commands.importValues,
  proposals: cli.commands.importProposals,
};

function importCommand(kind: ImportKind): Command {
  return {
    name: `import ${kind}`,
    summary: SUMMARIES[kind],
    options: {
      store: { kind: 'value', required: true, valueName: cli.options.storeValue, help: cli.options.store },
      from: { kind: 'value', required: true, valueName: cli.options.fromValue, help: cli.options.from },
      sheet: { kind: 'value', valueName: cli.options.sheetValue, help: cli.options.sheet },
      'dry-run': { kind: 'flag', help: cli.options.dryRun },
      ...USER_OPTION,
    },
    async run(ctx) {
      const { options, io, env } = ctx;
      const storePath = resolveStore(env, options.required('store'));
      const from = resolveStore(env, options.required('from'));
      const dryRun = options.flag('dry-run');

      let file: ImportFile;
      let table: ParsedSheet;
      try {
        ({ file, table } = await parseSpreadsheet(from, options.value('sheet') ?? null));
      } catch (error) {
        if (error instanceof ImportFileError) throw new CliFailure([cli.import.fileRefused(from), `  – ${error.message}`]);
        throw error;
      }
      // Checked against a read-only copy first: a file with errors must not even lead to a migration being written.
      const { doc } = await loadForDisplay(storePath, io);
      // Without --sheet: the sheet whose headers fit (an exported workbook starts with its "Übersicht").
      if (options.value('sheet') === undefined || options.value('sheet') === null) {
        try {
          table = await pickSheet(table, kind, doc, (name) => parseImportFile(file, name));
        } catch (error) {
          if (error instanceof NoFittingSheetError || error instanceof ImportFileError)
            throw new CliFailure([cli.import.fileRefused(from), `  – ${error.message}`]);
          throw error;
        }
      }
      const input: ImportTable = { sheet: table.sheet, rows: table.rows };

      const plan = planImport(input, kind, null, doc);
      if (!report(io, kind, file.fileName, table, plan)) return 1;
      if (dryRun) {
        writeLines(io.out, [cli.import.dryRun]);
        return 0;
      }

      return withWritableRegister(ctx, storePath, cli.import, async (store, user) => {
        // Planned again against the state under the lock: the app may have saved since the check above.
        let latest = plan;
        try {
          const { result } = await store.commit((current) => {
            latest = planImport(input, kind, null, current);
            if (!latest.preview.canCommit) throw new NotClean();
            const applied = applyImportPlan(current, kind, latest, {
              user,
              fileName: file.fileName,
              now: env.now(),
              newId: env.newId,
            });
            return { doc: applied.doc, result: applied.record };
          });
          writeLines(io.out, [cli.import.written(result.rowCount, path.basename(storePath), result.id)]);
          return 0;
        } catch (error) {
          if (error instanceof NotClean) {
            report(io, kind, file.fileName, table, latest);
            return 1;
          }
          if (error instanceof WriteFailedError) throw new CliFailure([error.message]);
          throw error;
        }
      });
    },
  };
}

/** `import measures --store FILE --from TABLE [--sheet NAME] [--dry-run]`. */
export const importMeasuresCommand = importCommand('measures');
/** `import values --store FILE --from TABLE [--sheet NAME] [--dry-run]`. */
export const importValuesCommand = importCommand('values');
/** `import proposals --store FILE --from TABLE [--sheet NAME] [--dry-run]`: Anregungen, never contact columns. */
export const importProposalsCommand = importCommand('proposals');
