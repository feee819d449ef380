/** The shared Word document base: text cleaning, section numbers, column widths, plain text → lists. */
import { Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import {
  columnWidths,
  CONTENT_WIDTH,
  createBaseDocument,
  imageType,
  Lists,
  PAGE,
  plainTextContent,
  richTextContent,
  sanitize,
  sanitizeLine,
  SectionNumbers,
} from '@main/export/documentBase';
import { readDocx, visibleText } from '@tests/unit/helpers/docxParts';

describe('sanitize', () => {
  it('removes control characters and paste junk, keeps line breaks and letters', () => {
    expect(sanitize('a\u0000b\u0007c\u000Bd\u001Fe\u007Ff\u0085g')).toBe('abcdefg');
    expect(sanitize('Soft\u00ADhyphen, zero\u200Bwidth, \uFEFFBOM, non\u00A0breaking')).toBe('Softhyphen, zerowidth, BOM, non breaking');
    expect(sanitize('Zeile 1\r\nZeile 2\rZeile 3\u2028Zeile 4')).toBe('Zeile 1\nZeile 2\nZeile 3\nZeile 4');
    expect(sanitize('Tab\there')).toBe('Tab here');
    expect(sanitize('lone \uD800 surrogate, pair \uD83D\uDE00 ok, \uFFFE')).toBe('lone  surrogate, pair \uD83D\uDE00 ok, ');
    expect(sanitize('Ämter für Bürgerdienste – „Zitat“ § 24 GO NRW')).toBe('Ämter für Bürgerdienste – „Zitat“ § 24 GO NRW');
    expect(sanitizeLine('  zwei\n Zeilen  ')).toBe('zwei Zeilen');
  });
});

describe('SectionNumbers', () => {
  it('counts 1, 1.1, 1.2, 2, 2.1.1 without trailing dots; a skipped level counts as 1', () => {
    const n = new SectionNumbers();
    expect([n.next(1), n.next(2), n.next(2), n.next(1), n.next(3), n.next(2), n.next(1)]).toEqual([
      '1',
      '1.1',
      '1.2',
      '2',
      '2.1.1',
      '2.2',
      '3',
    ]);
    expect(new SectionNumbers().next(2)).toBe('1.1');
  });
});

describe('columnWidths', () => {
  it('shares the text width by weight and sums up exactly', () => {
    const widths = columnWidths([1, 2, 1]);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(CONTENT_WIDTH);
    expect(widths[1]).toBeGreaterThan(widths[0]! * 1.9);
    expect(CONTENT_WIDTH).toBe(PAGE.width - 1417 - 1134);
  });
});

describe('plainTextContent', () => {
  async function render(text: string): Promise<string> {
    const doc = createBaseDocument(
      {
        properties: {
          title: 't',
          subject: '',
          creator: 'c',
          keywords: [],
          description: '',
          lastModifiedBy: 'c',
          created: new Date(0),
          modified: new Date(0),
        },
        header: { left: 'Kopf' },
        children: plainTextContent(text, new Lists()),
      },
      { page: 'Seite', of: 'von' },
    );
    return (await readDocx(await Packer.toBuffer(doc))).part('word/document.xml');
  }

  it('turns typed "- " and "1. 2. 3." lines into real lists and other lines into paragraphs, skipping blank lines', async () => {
    const xml = await render('Einleitung\n\n- erstens\n- zweitens\n1. eins\n2. zwei\n3. drei\nSchluss');
    const paragraphs = [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map((m) => m[0]);
    expect(paragraphs.map(visibleText)).toEqual(['Einleitung', 'erstens', 'zweitens', 'eins', 'zwei', 'drei', 'Schluss']);
    expect(paragraphs.filter((p) => p.includes('<w:numPr>'))).toHaveLength(5);
    expect(visibleText(xml)).not.toMatch(/^- |1\. /);
  });

  it('leaves numbering that does not count up from 1 as typed', async () => {
    const xml = await render('5. Mai 2025 war ein Stichtag\n3. Absatz');
    expect(xml).not.toContain('<w:numPr>');
    expect(visibleText(xml)).toContain('5. Mai 2025 war ein Stichtag');
  });

  it('yields nothing for blank text', () => {
    expect(plainTextContent(' \n\n ', new Lists())).toEqual([]);
    expect(plainTextContent('x', new Lists())[0]).toBeInstanceOf(Paragraph);
  });
});

describe('richTextContent', () => {
  it('splits pasted blank lines into paragraphs instead of typing empty lines, and skips empty blocks', () => {
    const out = richTextContent(
      [
        {
          type: 'paragraph',
          runs: [
            { text: 'Absatz 1\n\nAbsatz ', bold: false, italic: false },
            { text: '2', bold: true, italic: false },
          ],
        },
        { type: 'paragraph', runs: [{ text: ' \u200B ', bold: false, italic: false }] },
        { type: 'heading', level: 1, text: '\u0007' },
        { type: 'bulletList', items: [[{ text: '', bold: false, italic: false }]] },
      ],
      { lists: new Lists(), numbers: new SectionNumbers(), headingBase: 2 },
    );
    expect(out).toHaveLength(2);
  });
});

describe('imageType', () => {
  it('recognises PNG, JPEG, GIF and BMP by their first bytes', () => {
    expect(imageType(Uint8Array.from([0x89, 0x50, 0x4e, 0x47]))).toBe('png');
    expect(imageType(Uint8Array.from([0xff, 0xd8, 0xff]))).toBe('jpg');
    expect(imageType(Uint8Array.from([0x47, 0x49, 0x46]))).toBe('gif');
    expect(imageType(Uint8Array.from([0x42, 0x4d]))).toBe('bmp');
    expect(imageType(Uint8Array.from([0x3c, 0x73, 0x76, 0x67]))).toBeNull();
  });
});
