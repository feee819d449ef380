/**
 * The Rückmeldung as a Word letter, read back at the XML level (language, title property, the person's
 * name nowhere but in the letter's text) and through mammoth (what another program sees): subject,
 * neutral salutation, the quoted Anregung, the feedback, what became of the Anregung, the address block
 * only for letters by post, and the refusals.
 */
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import {
  addressLines,
  buildFeedbackLetterDocx,
  FeedbackLetterError,
  quoteText,
  type FeedbackLetterInput,
} from '@main/participation/feedbackLetter';
import type { Proposal } from '@shared/participation/labs';
import type { RegisterDocument } from '@shared/register/register';
import { makeContact, participationRegister } from '@tests/fixtures/participation';
import { readDocx, visibleText } from '@tests/unit/helpers/docxParts';

const GENERATED_AT = new Date('2026-06-20T10:00:00');
const FEEDBACK = 'Die Leuchten am Nordmarkt werden bis Herbst erneuert.\nWir danken für Ihr Engagement.';
// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** The register with Anregung 1 (contact "Erika Mustermann", by e-mail) changed as given. */
function register(proposal: Partial<Proposal> = {}): RegisterDocument {
  const doc = participationRegister();
  return { ...doc, proposals: doc.proposals.map((p) => (p.id === 'proposal-1' ? { ...p, feedbackText: FEEDBACK, ...proposal } : p)) };
}

function input(overrides: Partial<FeedbackLetterInput> = {}): FeedbackLetterInput {
  return {
    doc: register(),
    proposalId: 'proposal-1',
    contact: makeContact('proposal-1'),
    generatedAt: GENERATED_AT,
    appVersion: '1.2.3',
    ...overrides,
  };
}

async function text(bytes: Uint8Array): Promise<string> {
  return (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value.replace(/\u2011/g, '-');
}

describe('Rückmeldung als Brief', () => {
  it('is German, has the title property, and keeps the name out of header, footer and properties', async () => {
    const docx = await readDocx(
      await buildFeedbackLetterDocx(input({ logo: { data: PNG, altText: 'Logo der Stadt Dortmund', width: 120, height: 60 } })),
    );
    expect(docx.part('word/styles.xml')).toContain('<w:lang w:val="de-DE" w:eastAsia="de-DE" w:bidi="de-DE"/>');
    const core = docx.part('docProps/core.xml');
    expect(core).toContain('<dc:title>Rückmeldung zur Anregung A-2026-001</dc:title>');
    expect(core).toContain('<dc:language>de-DE</dc:language>');
    const document = docx.part('word/document.xml');
    expect(document).toMatch(/<w:pgMar [^>]*w:right="1134"[^>]*w:left="1417"/);
    expect(document).toContain('descr="Logo der Stadt Dortmund"');
    expect(visibleText(document)).toContain('Erika Mustermann');
    // No empty paragraphs for spacing.
    expect(document).not.toMatch(/<w:p\/>|<w:p><\/w:p>/);

    const headers = docx.parts(/^word\/header\d*\.xml$/).join('');
    const footers = docx.parts(/^word\/footer\d*\.xml$/).join('');
    expect(visibleText(headers)).toBe('Stadt Dortmund · Rückmeldung zur Anregung A-2026-001');
    expect(footers).toMatch(/<w:fldSimple w:instr="NUMPAGES"><w:r><w:t[^>]*>\d+<\/w:t><\/w:r><\/w:fldSimple>/);
    for (const part of [headers, footers, core, ...docx.parts(/^docProps\//)]) {
      expect(part).not.toContain('Erika');
      expect(part).not.toContain('Mustermann');
      expect(part).not.toContain('erika@example.org');
    }
  });

  it('reads as a letter: sender, recipient, date, subject with the lab, neutral salutation, quote, state, feedback, closing', async () => {
    const doc = register({
      state: 'uebernommen',
      measureId: 'm-01',
      assignedOrgUnitId: 'ou-32',
      text: 'Mehr Licht im Park,\nbitte auch am Spielplatz.',
    });
    const letter = await text(await buildFeedbackLetterDocx(input({ doc })));
    const lines = letter.split('\n').filter((l) => l.trim() !== '');
    // Letterhead and Rücksendeangabe from the sender (here the example sender), then the recipient.
    expect(lines.slice(0, 5)).toEqual([
      'Stadt Dortmund',
      'Ordnungsamt',
      'Koordinierungsstelle Kommunale Sicherheit',
      'Stadt Dortmund · Friedensplatz 1 · 44135 Dortmund',
      'Erika Mustermann',
    ]);
    // E-mail: the name only, no address block, and no line about the channel.
    expect(letter).not.toContain('erika@example.org');
    expect(letter).not.toMatch(/per E-Mail/i);
    // The Informationsblock: telephone, the date of the Anregung, the letter date.
    expect(letter).toMatch(/Telefon\s+0231 50-0/);
    expect(letter).toMatch(/Ihre Nachricht vom\s+02\.05\.2026/);
    expect(letter).toMatch(/Datum\s+20\.06\.2026/);
    expect(letter).toContain('Ihre Anregung A-2026-001 vom 02.05.2026 im Quartierslabor 1');
    expect(letter).toContain('Guten Tag Erika Mustermann,');
    expect(letter).not.toMatch(/Sehr geehrte|Frau|Herr /);
    expect(letter).toContain('„Mehr Licht im Park,');
    expect(letter).toContain('bitte auch am Spielplatz.“');
    const measure = doc.measures.find((m) => m.id === 'm-01')!;
    expect(letter).toContain(
      `Ihre Anregung wurde in die Maßnahme ${measure.number} „${measure.title}“ des Masterplans Kommunale Sicherheit übernommen.`,
    );
    expect(letter).toContain('Die Leuchten am Nordmarkt werden bis Herbst erneuert.');
    expect(letter).toContain('Wir danken für Ihr Engagement.');
    // A clerk signs for the office; without a name in the settings the office stands under the room to sign.
    expect(lines.slice(-3)).toEqual(['Mit freundlichen Grüßen', 'Im Auftrag', 'Ordnungsamt']);
  });

  it('says why an Anregung was refused, and that one was done', async () => {
    const refused = await text(
      await buildFeedbackLetterDocx(input({ doc: register({ state: 'abgelehnt', stateReason: 'Die Fläche ist Privatgelände.' }) })),
    );
    expect(refused).toContain('Ihre Anregung konnte nach eingehender Prüfung leider nicht übernommen werden.');
    expect(refused).toContain('Begründung: Die Fläche ist Privatgelände.');
    expect(refused).not.toContain('in die Maßnahme');

    const done = await text(await buildFeedbackLetterDocx(input({ doc: register({ state: 'erledigt' }) })));
    expect(done).toContain('Ihre Anregung ist erledigt.');
    expect(done).not.toContain('Begründung');
  });

  it('has the postal address block only for letters by post; no lab phrase for an Eingabe', async () => {
    const doc = register({ source: 'eingabe', labId: null });
    const byPost = makeContact('proposal-1', { channel: 'post', value: 'Musterweg 1, 44135 Dortmund' });
    const letter = await text(await buildFeedbackLetterDocx(input({ doc, contact: byPost })));
    const lines = letter.split('\n').filter((l) => l.trim() !== '');
    expect(lines.slice(4, 7)).toEqual(['Erika Mustermann', 'Musterweg 1', '44135 Dortmund']);
    expect(letter).toContain('Ihre Anregung A-2026-001 vom 02.05.2026\n');
    expect(letter).not.toContain(' im Quartierslabor');

    const byPhone = await text(
      await buildFeedbackLetterDocx(input({ contact: makeContact('proposal-1', { channel: 'telefon', value: '0231 123456' }) })),
    );
    expect(byPhone).not.toContain('0231 123456');
    expect(byPhone).not.toContain('telefonisch');
  });

  it('refuses with German messages: unknown, in the Papierkorb, anonymised, no contact, no feedback text', async () => {
    const refusal = async (overrides: Partial<FeedbackLetterInput>) => {
      const error = await buildFeedbackLetterDocx(input(overrides)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FeedbackLetterError);
      return error as FeedbackLetterError;
    };
    expect(await refusal({ proposalId: 'gibt-es-nicht' })).toMatchObject({
      code: 'NOT_FOUND',
      message: 'Diese Anregung gibt es nicht (mehr); es wurde kein Brief erstellt.',
    });
    expect(await refusal({ doc: register({ deletedAt: '2026-06-01T00:00:00.000Z' }) })).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('Papierkorb'),
    });
    expect(await refusal({ doc: register({ anonymisedAt: '2026-06-01T00:00:00.000Z' }) })).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('anonymisiert'),
    });
    expect(await refusal({ contact: null })).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('kein Kontakt') });
    expect(await refusal({ contact: makeContact('proposal-2') })).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('kein Kontakt'),
    });
    expect(await refusal({ doc: register({ feedbackText: '  \n ' }) })).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('noch keinen Text der Rückmeldung'),
    });
  });

  it('quotes a long Anregung cut at a word; splits a postal address into lines', () => {
    const long = `${'Wort '.repeat(200)}Ende`;
    const quote = quoteText(long);
    expect(quote.cut).toBe(true);
    expect(quote.text.length).toBeLessThanOrEqual(600);
    expect(quote.text.endsWith('Wort')).toBe(true);
    expect(quoteText('kurz\n\n  und knapp ')).toEqual({ text: 'kurz\nund knapp', cut: false });
    expect(addressLines('Musterweg 1;44135 Dortmund')).toEqual(['Musterweg 1', '44135 Dortmund']);
  });
});
