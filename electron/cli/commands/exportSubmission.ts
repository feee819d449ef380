import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { buildSubmissionDocx, type SubmissionDocxInput } from '@main/submissions/submissionDocx';
import { buildSubmissionOparl, oparlBaseUrl } from '@main/submissions/submissionOparl';
import { readUserSettings } from '@cli/userSettings';
import { attachmentDirFor } from '@main/submissions/submissions';
import { ExportTargetExistsError, writeExportFile } from '@main/export/writeExportFile';
import { parsePrintNumber, type Submission } from '@shared/submissions/submission';
import { exportProblems, isReleased } from '@shared/submissions/submissionRules';
import type { RegisterDocument } from '@shared/register/register';
import { de } from '@shared/i18n/de';
import { CliFailure, UsageError, writeLines, type Command, type CommandOptions } from '../command';
import { loadForDisplay, resolveStore } from '../registerFile';
import { cli } from '@shared/i18n/cli';

/** The Word file written beside an OParl JSON file: same name, `.docx`. */
export function companionDocx(jsonFile: string): string {
  const parsed = path.parse(jsonFile);
  const docx = path.join(parsed.dir, `${parsed.name}.docx`);
  return docx === jsonFile ? `${jsonFile}.docx` : docx;
}

/**
 * The target with the extension of the format: a name without extension gets it, a different one is a
 * usage error (exit 2) — "--format oparl --out X.docx" must not write JSON into a .docx.
 */
export function withExtension(file: string, extension: '.docx' | '.json'): string {
  const current = path.extname(file);
  if (current === '') return `${file}${extension}`;
  if (current.toLowerCase() !== extension) throw new UsageError(cli.export.extensionMismatch(path.basename(file), extension));
  return file;
}

/** Which submission the call names; usage errors (exit 2) for a missing, doubled or malformed choice. */
function wanted(options: CommandOptions): { match: (s: Submission) => boolean; what: string } {
  const id = options.value('id');
  const number = options.value('number');
  if ((id === undefined) === (number === undefined)) throw new UsageError(cli.export.idOrNumber);
  if (id !== undefined) return { match: (s) => s.id === id, what: cli.export.byId(id) };
  const parsed = parsePrintNumber(number!);
  if (!parsed) throw new UsageError(cli.export.badNumber(number!));
  return {
    match: (s) => s.printNumberBase === parsed.base && s.printNumberSuffix === parsed.suffix,
    what: cli.export.byNumber(number!.trim()),
  };
}

function findSubmission(doc: RegisterDocument, choice: ReturnType<typeof wanted>): Submission {
  const matches = doc.submissions.filter(choice.match);
  const active = matches.find((s) => !s.deletedAt);
  if (active) return active;
  throw new CliFailure([matches.length > 0 ? cli.export.inTrash(choice.what) : cli.export.notFound(choice.what)]);
}

async function exists(file: string): Promise<boolean> {
  return fs.lstat(file).then(
    () => true,
    () => false,
  );
}

const kilobytes = (bytes: number) => de.submission.document.kilobytes(Math.max(1, Math.ceil(bytes / 1024)));

async function write(target: string, bytes: Uint8Array | string, force: boolean): Promise<void> {
  try {
    await writeExportFile(target, bytes, { overwrite: force });
  } catch (error) {
    if (error instanceof ExportTargetExistsError) throw new CliFailure(cli.export.exists(target).split('\n'));
    if (error instanceof Error) throw new CliFailure([error.message]);
    throw error;
  }
}

/**
 * `export submission --store FILE (--id ID | --number NNNNN-YY[-E1]) --out FILE [--format docx|oparl]
 * [--draft] [--force]`. Refuses an incomplete submission (listing what is missing) unless --draft, and an
 * existing target unless --force; a refusal writes nothing. With oparl, the Word file the JSON's
 * `mainFile` describes is written beside it.
 */
export const exportSubmissionCommand: Command = {
  name: 'export submission',
  summary: cli.commands.exportSubmission,
  options: {
    store: { kind: 'value', required: true, valueName: cli.options.storeValue, help: cli.options.store },
    id: { kind: 'value', valueName: cli.options.idValue, help: cli.options.id },
    number: { kind: 'value', valueName: cli.options.numberValue, help: cli.options.number },
    out: { kind: 'value', required: true, valueName: cli.options.outValue, help: cli.options.out },
    format: { kind: 'value', valueName: cli.options.formatValue, help: cli.options.format },
    draft: { kind: 'flag', help: cli.options.draft },
    'base-url': { kind: 'value', valueName: cli.options.baseUrlValue, help: cli.options.baseUrl },
    'include-unpublished': { kind: 'flag', help: cli.options.includeUnpublished },
    force: { kind: 'flag', help: cli.options.force },
  },
  async run({ options, io, env }) {
    const choice = wanted(options);
    const format = options.value('format') ?? 'docx';
    if (format !== 'docx' && format !== 'oparl') throw new UsageError(cli.export.badFormat(format));
    const out = withExtension(resolveStore(env, options.required('out')), format === 'docx' ? '.docx' : '.json');
    const draft = options.flag('draft');
    const force = options.flag('force');
    const baseUrlOption = options.value('base-url');
    if (baseUrlOption !== undefined && format !== 'oparl') throw new UsageError(cli.export.baseUrlOnlyOparl);
    // --base-url wins; without it the OParl-Basisadresse of the app's settings (Einstellungen) is used.
    const setting = format === 'oparl' && baseUrlOption === undefined ? (await readUserSettings(env.settingsPath)).oparlBaseUrl.trim() : '';
    const baseUrl = baseUrlOption !== undefined ? oparlBaseUrl(baseUrlOption) : setting ? oparlBaseUrl(setting) : null;
    if (baseUrlOption !== undefined && !baseUrl) throw new UsageError(de.submission.document.oparlBadBaseUrl(baseUrlOption));
    if (format === 'oparl' && !baseUrl) throw new UsageError(cli.export.baseUrlMissing);
    if (format === 'oparl' && baseUrlOption === undefined) io.err.write(`${cli.export.baseUrlFromSettings(baseUrl!)}\n`);

    const { doc } = await loadForDisplay(resolveStore(env, options.required('store')), io);
    const submission = findSubmission(doc, choice);
    const measureIds = new Set(doc.measures.filter((m) => !m.deletedAt).map((m) => m.id));
    // Not released or not complete: refused unless a draft is asked for (then ENTWURF on every page).
    const problems = exportProblems(submission, { bodies: doc.bodies, measureIds });
    if (problems.length > 0 && !draft)
      throw new CliFailure([cli.export.incomplete(problems.length), ...problems.map((p) => `  - ${p.message}`), cli.export.draftHint]);
    // OParl is for publication: non-public or unreleased only with --include-unpublished.
    if (format === 'oparl' && !options.flag('include-unpublished') && (!submission.isPublic || draft || !isReleased(submission.status)))
      throw new CliFailure([de.submission.document.oparlUnpublished, cli.export.includeUnpublishedHint]);

    const docxTarget = format === 'docx' ? out : companionDocx(out);
    // The Anlagen go beside the JSON (OParl accessUrl), read from the register's Anlagen folder.
    const storePath = resolveStore(env, options.required('store'));
    const attachmentTargets =
      format === 'oparl'
        ? submission.attachments.map((a) => ({ attachment: a, target: path.join(path.dirname(out), path.basename(a.fileName)) }))
        : [];
    const targets = format === 'docx' ? [out] : [docxTarget, out, ...attachmentTargets.map((a) => a.target)];
    // Both names are checked before anything is written, so a refusal leaves no half of the pair behind.
    if (!force) for (const target of targets) if (await exists(target)) throw new CliFailure(cli.export.exists(target).split('\n'));
    const input: SubmissionDocxInput = {
      submission,
      bodies: doc.bodies,
      orgUnits: doc.orgUnits,
      statuses: doc.statuses,
      actionFields: doc.actionFields,
      measures: doc.measures,
      logo: null,
      generatedAt: env.now(),
      draft,
    };
    const docx = await buildSubmissionDocx(input);
    const written: string[] = [];
    await write(docxTarget, docx, force);
    written.push(cli.export.written(docxTarget, kilobytes(docx.length)));
    if (format === 'oparl') {
      const attachmentSha512: Record<string, string> = {};
      for (const { attachment, target } of attachmentTargets) {
        const data = await fs.readFile(path.join(attachmentDirFor(storePath), attachment.storedName)).catch(() => {
          throw new CliFailure([de.submission.attachmentVanished(attachment.fileName)]);
        });
        await write(target, data, force);
        attachmentSha512[attachment.id] = createHash('sha512').update(data).digest('hex');
        written.push(cli.export.written(target, kilobytes(data.length)));
      }
      const oparl = buildSubmissionOparl({
        ...input,
        registerId: doc.registerId,
        baseUrl: baseUrl!,
        registerCreatedAt: doc.createdAt,
        mainFile: {
          fileName: path.basename(docxTarget),
          size: docx.length,
          sha512: createHash('sha512').update(docx).digest('hex'),
          sha256: createHash('sha256').update(docx).digest('hex'),
        },
        attachmentSha512,
      });
      const json = `${JSON.stringify(oparl, null, 2)}\n`;
      await write(out, json, force);
      written.push(cli.export.written(out, kilobytes(Buffer.byteLength(json))));
    }
    writeLines(io.out, written);
    if (draft && problems.length > 0) writeLines(io.err, [cli.export.draftNote(problems.length)]);
    return 0;
  },
};
