/** The Prüfvermerk: content from a package and from the register after an import, and its Word form. */
import { describe, expect, it } from 'vitest';
import { buildReviewNoteDocx } from '@main/review/reviewNoteDocx';
import { applyMerge, prepareImport } from '@shared/review/reviewMerge';
import { noteFromPackage, noteFromRegister } from '@shared/review/reviewNote';
import { readDocx, rows, tables, visibleText } from '../export/docxParts';
import { edited, env, newPackage, register, review, sent, sha256, text, type Work } from './reviewFixtures';

const WORK: Work[] = [
  { kind: 'comment', itemId: 'm-01', field: 'description', text: 'Bitte Zielgruppe nennen.' },
  { kind: 'suggestion', itemId: 'm-01', field: 'plannedEnd', value: '2026-12-31', note: 'realistischer' },
  { kind: 'vote', itemId: 'm-01', vote: 'aenderungen', reason: 'Zeitplan unklar.' },
  { kind: 'vote', itemId: 'm-02', vote: 'freigegeben' },
];

describe('Prüfvermerk', () => {
  it('from the package: votes, comments and proposals per item with readable values', () => {
    const pkg = review(newPackage(register()), WORK);
    const note = noteFromPackage(pkg);
    expect(note).toMatchObject({ reviewer: 'Dr. Prüferin', dueDate: '2025-03-31', imported: null });
    expect(note.items[0]).toMatchObject({
      label: 'HF1-01 Maßnahme 1',
      vote: { vote: 'aenderungen', reason: 'Zeitplan unklar.', taken: true },
      comments: [{ field: 'Beschreibung', text: 'Bitte Zielgruppe nennen.' }],
      suggestions: [{ field: 'Geplantes Ende', base: '(leer)', proposed: '31.12.2026', note: 'realistischer', outcome: null }],
    });
    expect(note.items[1]!.vote?.vote).toBe('freigegeben');
  });

  it('from the register after an import: outcomes and "bezieht sich auf Stand vom …" are kept', () => {
    const base = register();
    const pkg = newPackage(base);
    const doc = edited(sent(base, pkg), 'm-01', { quarter: 'Nord' });
    const merged = applyMerge(doc, prepareImport(text(review(pkg, WORK)), doc, sha256, 'r.mpreview'), {}, env()).doc;
    const note = noteFromRegister(merged, pkg.packageId)!;
    expect(note.imported).toMatchObject({ user: 'Sachbearbeitung' });
    expect(note.items[0]!.vote).toMatchObject({ vote: 'aenderungen', taken: false });
    expect(note.items[0]!.comments[0]!.basedOnAt).not.toBeNull();
    expect(note.items[0]!.suggestions[0]).toMatchObject({ proposed: '31.12.2026', outcome: 'open' });
    expect(note.items[1]!.vote).toMatchObject({ vote: 'freigegeben', taken: true });
    expect(noteFromRegister(sent(base, pkg), pkg.packageId)).toBeNull();
  });

  it('is a German Word document on the shared base: title, head lines, vote table with repeating header', async () => {
    const note = noteFromPackage(review(newPackage(register()), WORK));
    const docx = await readDocx(await buildReviewNoteDocx({ data: note, generatedAt: new Date('2025-03-20T10:00:00Z') }));
    const xml = docx.part('word/document.xml');
    const body = visibleText(xml);
    expect(body).toContain('Prüfvermerk: Testregister');
    expect(body).toContain('Dr. Prüferin');
    expect(body).toContain('Zu „Beschreibung“: Bitte Zielgruppe nennen.');
    expect(body).toContain('31.12.2026');
    expect(docx.part('word/styles.xml')).toContain('w:lang w:val="de-DE"');
    expect(docx.part('docProps/core.xml')).toContain('<dc:title>Prüfvermerk – Dr. Prüferin</dc:title>');
    const [votes] = tables(xml);
    expect(rows(votes!)[0]).toContain('<w:tblHeader/>');
    expect(visibleText(votes!)).toContain('Änderungen erbeten');
    expect(xml).toContain('w:pStyle w:val="Heading1"');
    expect(visibleText(docx.parts(/^word\/header\d+\.xml$/).join(''))).toContain('Prüfvermerk – Dr. Prüferin');
  });
});
