/**
 * The app's own Word file, opened in LibreOffice and copied back: the Sachverhalt of an exported
 * Ratsvorlage, converted to HTML by LibreOffice (the filter that writes its clipboard), reduced by
 * `htmlToBlocks`, gives back the blocks it was made from. Skips, saying why, without LibreOffice.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Block } from '@shared/core/richText';
import { htmlToBlocks } from '@shared/core/richTextHtml';
import { buildSubmissionDocx } from '@main/submissions/submissionDocx';
import { missingTools, run } from '@tests/unit/helpers/office';
import { inputFor, richStatement, sampleRegister, templateSubmission } from '@tests/unit/main/submissions/submissionFixtures';

const missing = missingTools(['soffice']);
const reason = missing.length > 0 ? ` (skipped: ${missing.join(', ')} not installed)` : '';

describe.skipIf(missing.length > 0)(`Word export → LibreOffice HTML → blocks${reason}`, () => {
  let dir = '';
  let blocks: Block[] = [];

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mpr-roundtrip-'));
    const register = sampleRegister();
    const submission = { ...templateSubmission('sachstandsbericht', register), statement: richStatement() };
    await fs.writeFile(path.join(dir, 'vorlage.docx'), await buildSubmissionDocx(inputFor(register, submission)));
    await run(
      'soffice',
      [
        `-env:UserInstallation=file://${path.join(dir, 'lo')}`,
        '--headless',
        '--convert-to',
        'html',
        '--outdir',
        dir,
        path.join(dir, 'vorlage.docx'),
      ],
      { timeout: 180_000 },
    );
    blocks = htmlToBlocks(await fs.readFile(path.join(dir, 'vorlage.html'), 'utf8')).blocks;
  }, 200_000);

  afterAll(async () => {
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it('the Sachverhalt comes back block for block: text, bold/italic, lists, table; headings one level deeper', () => {
    const start = blocks.findIndex((b) => b.type === 'heading' && /Ausgangslage$/.test(b.text));
    expect(start).toBeGreaterThanOrEqual(0);
    // The export leaves empty paragraphs out, and puts the section title ("Sachverhalt") at Heading 1, so
    // the text's own headings are Heading 2–4 in Word and come back as levels 2, 3, 3.
    const expected = richStatement()
      .filter((b) => !(b.type === 'paragraph' && b.runs.every((r) => r.text === '')))
      .map((b) => (b.type === 'heading' ? { ...b, level: Math.min(3, b.level + 1) as 1 | 2 | 3 } : b));
    const back = blocks
      .slice(start, start + expected.length)
      .map((b) => (b.type === 'heading' ? { ...b, text: b.text.replace(/^[\d.]+\s+/, '') } : b));
    expect(back).toEqual(expected);
  });
});
