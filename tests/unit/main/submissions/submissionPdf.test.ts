/**
 * The Word export opened by a real office suite: LibreOffice converts each template's document (and the
 * long, full and junk ones) to PDF; pdftotext shows what a reader of the printout sees. Skips, saying
 * why, when LibreOffice or poppler is not installed.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missingTools, run } from '@tests/unit/helpers/office';
import { buildSubmissionDocx } from '@main/submissions/submissionDocx';
import { emptySubmissionFields, SUBMISSION_TEMPLATES } from '@shared/submissions/submissionTemplates';
import {
  fullSubmission,
  inputFor,
  junkSubmission,
  longStatement,
  sampleRegister,
  templateSubmission,
  toSubmission,
} from './submissionFixtures';

const missing = missingTools();
const reason = missing.length > 0 ? ` (skipped: ${missing.join(', ')} not installed)` : '';

describe.skipIf(missing.length > 0)(`LibreOffice renders the Word export${reason}`, () => {
  let dir = '';
  const subjects = new Map<string, string>();

  async function pages(name: string): Promise<number> {
    const { stdout } = await run('pdfinfo', [path.join(dir, `${name}.pdf`)]);
    return Number(/^Pages:\s+(\d+)/m.exec(stdout)![1]);
  }

  async function pageText(name: string, page: number): Promise<string> {
    const { stdout } = await run('pdftotext', ['-layout', '-f', String(page), '-l', String(page), path.join(dir, `${name}.pdf`), '-']);
    return stdout;
  }

  const oneLine = (text: string) => text.replace(/\s+/g, ' ');

  /** One page in content-stream order, on one line: a table row's cells in sequence, wherever the columns sit. */
  async function rawPage(name: string, page: number): Promise<string> {
    const { stdout } = await run('pdftotext', ['-raw', '-f', String(page), '-l', String(page), path.join(dir, `${name}.pdf`), '-']);
    return oneLine(stdout);
  }

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mpr-pdf-'));
    const register = sampleRegister();
    const documents: [string, Parameters<typeof buildSubmissionDocx>[0]][] = SUBMISSION_TEMPLATES.map((t) => {
      const submission = templateSubmission(t.id, register);
      subjects.set(t.id, submission.subject);
      return [t.id, inputFor(register, submission)];
    });
    const full = fullSubmission();
    documents.push(['voll', inputFor(full.register, full.submission, { draft: true })]);
    documents.push([
      'lang',
      inputFor(register, toSubmission({ ...emptySubmissionFields(), subject: 'Langer Bericht', statement: longStatement() })),
    ]);
    documents.push(['junk', inputFor(register, junkSubmission())]);
    const files: string[] = [];
    for (const [name, input] of documents) {
      const file = path.join(dir, `${name}.docx`);
      await fs.writeFile(file, await buildSubmissionDocx(input));
      files.push(file);
    }
    // One LibreOffice run for all files, with a throwaway profile (never the user's).
    const profile = `file://${path.join(dir, 'lo-profile')}`;
    await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files], {
      timeout: 180_000,
    });
  }, 240_000);

  afterAll(async () => {
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it.each(SUBMISSION_TEMPLATES.map((t) => t.id))('%s: page 1 shows the Betreff, the Drucksache number and "Seite 1 von N"', async (id) => {
    const total = await pages(id);
    expect(total).toBeGreaterThanOrEqual(1);
    const page1 = await pageText(id, 1);
    expect(oneLine(page1)).toContain(subjects.get(id)!);
    expect(page1).toContain('Drucksache Nr.: 12534-18');
    expect(page1).toContain('Drucksache Nr.:');
    expect(page1).toContain('Beratungsfolge');
    // Footer right: page numbers as fields, filled in by the office suite.
    expect(page1).toMatch(new RegExp(`Seite 1 von ${total}\\s*$`, 'm'));
    expect(page1).toContain('Erstellt am 04.03.2025');
    // German money and dates as written, no en-US leftovers.
    expect(page1).not.toMatch(/\d{1,2}\/\d{1,2}\/\d{4}/);
  });

  it('the fifty-page Sachverhalt converts to at least ten pages, numbered on every page', async () => {
    const total = await pages('lang');
    expect(total).toBeGreaterThanOrEqual(10);
    expect(await pageText('lang', total)).toMatch(new RegExp(`Seite ${total} von ${total}`));
    expect(await pageText('lang', 5)).toMatch(new RegExp(`Seite 5 von ${total}`));
  });

  it('the full, non-public draft carries "nichtöffentlich" and "ENTWURF" on every page and repeats table headers', async () => {
    const total = await pages('voll');
    expect(total).toBeGreaterThan(3);
    for (let page = 1; page <= total; page++) {
      const text = await pageText('voll', page);
      expect(text, `page ${page}`).toContain('nichtöffentlich');
      expect(text, `page ${page}`).toContain('ENTWURF');
      expect(text, `page ${page}`).toContain(`Seite ${page} von ${total}`);
    }
    // The 200-row measures table runs over several pages; its header row repeats on each of them.
    const last = await pageText('voll', total);
    expect(await rawPage('voll', total)).toMatch(/Nr\. Titel Status Federführung/);
    expect(oneLine(last)).toContain('Summe (200 Maßnahmen)');
  });

  it('a document full of control characters and paste junk still converts', async () => {
    const text = oneLine(await pageText('junk', 1));
    expect(text).toContain('Zeile mit Steuerzeichen und Word-Müll');
  });
});
