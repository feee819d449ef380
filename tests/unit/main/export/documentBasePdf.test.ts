/**
 * A label never stands alone at a page foot, as a reader of the printout sees it. A label whose text
 * follows in the next paragraphs ("Umsetzungsgrad:" in the evaluation report's legend, "Begründung:" …)
 * is built with labelLine(label, ''), which keeps it with the next paragraph. The documents here push the
 * label down one line at a time over a whole page, so in one of them it falls on the last line of page 1;
 * LibreOffice converts them to PDF and `pdftotext -bbox` tells on which page each word is printed: the
 * label and the first line of its text must be on the same page in every one of them.
 * Skips, saying why, when LibreOffice or poppler is not installed.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { germanProfile, missingTools, run } from '@tests/unit/helpers/office';
import { createBaseDocument, labelLine, packDocument, para, type DocumentProperties } from '@main/export/documentBase';
import { evaluationTexts } from '@shared/evaluation/evaluationTexts';

const missing = missingTools();
const reason = missing.length > 0 ? ` (skipped: ${missing.join(', ')} not installed)` : '';

const LABEL = evaluationTexts.umsetzungsgrad;
const TEXT = evaluationTexts.definitions.implementation;
/** One-line filler paragraphs before the label: from well inside page 1 to past its end. */
const FILLERS = Array.from({ length: 30 }, (_, i) => 20 + i);

const PROPERTIES: DocumentProperties = {
  title: 'Probe',
  subject: '',
  creator: 'Test',
  keywords: [],
  description: '',
  lastModifiedBy: 'Test',
  created: new Date(0),
  modified: new Date(0),
};

interface Word {
  page: number;
  y0: number;
  text: string;
}

describe.skipIf(missing.length > 0)(`A label stays on the page of its text${reason}`, () => {
  let dir = '';

  async function words(name: string): Promise<Word[]> {
    const { stdout } = await run('pdftotext', ['-bbox', path.join(dir, `${name}.pdf`), '-']);
    const out: Word[] = [];
    let page = 0;
    for (const line of stdout.split('\n')) {
      if (line.includes('<page ')) page++;
      const m = /<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">(.*)<\/word>/.exec(line);
      if (m) out.push({ page, y0: +m[1]!, text: m[2]! });
    }
    return out;
  }

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mpr-label-pdf-'));
    const paths: string[] = [];
    for (const n of FILLERS) {
      const children = [...Array.from({ length: n }, (_, i) => para(`Fülltext ${i + 1}`)), labelLine(LABEL, ''), para(TEXT), para('Ende')];
      const doc = createBaseDocument({ properties: PROPERTIES, header: { left: 'Probe' }, children }, { page: 'Seite', of: 'von' });
      const file = path.join(dir, `probe-${n}.docx`);
      await fs.writeFile(file, await packDocument(doc, PROPERTIES));
      paths.push(file);
    }
    await run(
      'soffice',
      [await germanProfile(path.join(dir, 'lo-profile')), '--headless', '--convert-to', 'pdf', '--outdir', dir, ...paths],
      {
        timeout: 300_000,
      },
    );
  }, 360_000);

  afterAll(async () => {
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it('"Umsetzungsgrad:" and the first word of its text are printed on the same page, wherever the page ends', async () => {
    const firstWord = TEXT.split(' ')[0]!;
    let pushedOver = 0;
    for (const n of FILLERS) {
      const all = await words(`probe-${n}`);
      const label = all.find((w) => w.text === `${LABEL}:`);
      const text = all.find((w) => w.text === firstWord);
      expect(label, `probe-${n}`).toBeDefined();
      expect(text, `probe-${n}`).toBeDefined();
      expect(label!.page, `probe-${n}: label on page ${label!.page}, its text on page ${text!.page}`).toBe(text!.page);
      // The label went to page 2 although the last filler line stayed on page 1: the page end fell at the label.
      const lastFiller = all.filter((w) => w.text === String(n)).at(-1);
      if (lastFiller && lastFiller.page === 1 && label!.page === 2) pushedOver++;
    }
    // The documents really put the label at the foot of page 1 (otherwise this test would prove nothing).
    expect(pushedOver).toBeGreaterThan(0);
  });
});
