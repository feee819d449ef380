/**
 * Einladung mit Tagesordnung and Niederschrift of a session, read back at the XML level (language,
 * heading styles, repeating table header rows, properties) and through mammoth (what another program
 * sees): standard TOPs, the split into public and non-public part, attendance without persons.
 */
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { buildMeetingDocx, dateWithWeekday, UnknownMeetingError, type MeetingDocxInput } from '@main/participation/meetingDocx';
import { de } from '@shared/i18n/de';
import { makeAgendaItem, makeMeeting, participationRegister, standardAgendaItems } from '../../fixtures/participation';
import { readDocx, rows, tables, visibleText } from './docxParts';

const GENERATED_AT = new Date('2026-03-01T10:00:00Z');
const STANDARD_TOPS = de.participation.standardAgenda;
// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

function input(kind: MeetingDocxInput['kind'], overrides: Partial<MeetingDocxInput> = {}): MeetingDocxInput {
  return { doc: participationRegister(), meetingId: 'meeting-3', kind, generatedAt: GENERATED_AT, appVersion: '1.2.3', ...overrides };
}

async function text(bytes: Uint8Array): Promise<string> {
  return (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
}

describe.each(['einladung', 'niederschrift'] as const)('%s: accessible document base', (kind) => {
  it('German, heading styles, repeating header rows, title and subject in the properties, page numbers', async () => {
    const docx = await readDocx(await buildMeetingDocx(input(kind)));
    const styles = docx.part('word/styles.xml');
    expect(styles).toContain('<w:lang w:val="de-DE" w:eastAsia="de-DE" w:bidi="de-DE"/>');
    expect(styles).not.toContain('en-GB');

    const document = docx.part('word/document.xml');
    expect(document).toContain('<w:pStyle w:val="Title"/>');
    expect(document).toContain('<w:pStyle w:val="Heading1"/>');
    expect(document).toMatch(/<w:pgMar [^>]*w:right="1134"[^>]*w:left="1417"/);
    // Every data table starts with a header row marked to repeat (the signature table has none).
    const all = tables(document);
    expect(all.length).toBeGreaterThan(0);
    const withHeader = all.filter((tbl) => rows(tbl)[0]!.includes('<w:tblHeader/>'));
    expect(withHeader.length).toBeGreaterThanOrEqual(kind === 'einladung' ? 2 : 1);
    for (const tbl of withHeader) for (const row of rows(tbl).slice(1)) expect(row).not.toContain('<w:tblHeader/>');
    // No empty paragraphs for spacing outside tables.
    expect(document.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '')).not.toMatch(/<w:p\/>|<w:p><\/w:p>/);

    const core = docx.part('docProps/core.xml');
    const title = kind === 'einladung' ? 'Einladung zur 3. Sitzung der Vollversammlung Masterplan Kommunale Sicherheit' : 'Niederschrift über die 3. Sitzung der Vollversammlung Masterplan Kommunale Sicherheit';
    expect(core).toContain(`<dc:title>${title}</dc:title>`);
    expect(core).toContain(`<dc:subject>${kind === 'einladung' ? 'Einladung mit Tagesordnung' : 'Niederschrift'}</dc:subject>`);
    expect(core).toContain('<dc:language>de-DE</dc:language>');
    expect(visibleText(document)).toContain(title);

    const footer = docx.parts(/^word\/footer\d*\.xml$/).join('');
    expect(footer).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
    expect(footer).toContain('<w:instrText xml:space="preserve">NUMPAGES</w:instrText>');
    expect(visibleText(footer)).toContain('Erstellt am 01.03.2026');
    // The session has a non-public item: every page says so.
    expect(visibleText(docx.parts(/^word\/header\d*\.xml$/).join(''))).toContain('enthält nichtöffentlichen Teil');
  });

  it('carries the logo with its alternative text', async () => {
    const docx = await readDocx(await buildMeetingDocx(input(kind, { logo: { data: PNG, altText: 'Logo der Stadt Dortmund', width: 120, height: 60 } })));
    expect(docx.part('word/document.xml')).toMatch(/<wp:docPr [^>]*descr="Logo der Stadt Dortmund"/);
    expect(docx.names.some((n) => n.startsWith('word/media/'))).toBe(true);
  });
});

describe('Einladung mit Tagesordnung', () => {
  it('shows date with weekday, time, place, the invitation text and the standard TOPs', async () => {
    const raw = await text(await buildMeetingDocx(input('einladung')));
    expect(raw).toContain('Donnerstag, 12.03.2026');
    expect(raw).toContain('16:00 bis 18:10 Uhr');
    expect(raw).toContain('Rathaus, Saal Westfalia');
    expect(raw).toContain('hiermit lade ich Sie zur 3. Sitzung der Vollversammlung ein.');
    for (const top of STANDARD_TOPS) expect(raw).toContain(top);
    expect(raw).toContain('TOP 5');
    expect(raw).toContain('HF1-01, HF1-02');
    // Descriptions follow the agenda.
    expect(raw).toContain('Erläuterungen zur Tagesordnung');
    expect(raw).toContain('Bericht des Ordnungsamts zur Beleuchtung.');
  });

  it('reads as a letter: salutation before the text (unless the text brings one), greeting and chair after the agenda', async () => {
    const doc = participationRegister();
    const meeting = doc.meetings.find((x) => x.id === 'meeting-3')!;
    const letter = (invitationText: string) => ({ ...doc, meetings: doc.meetings.map((x) => (x === meeting ? { ...x, invitationText, chair: 'Dr. Beispiel, Marion' } : x)) });
    const raw = await text(await buildMeetingDocx(input('einladung', { doc: letter('hiermit lade ich Sie ein.') })));
    expect(raw.indexOf('Sehr geehrte Damen und Herren,')).toBeLessThan(raw.indexOf('hiermit lade ich Sie ein.'));
    expect(raw.indexOf('Mit freundlichen Grüßen')).toBeGreaterThan(raw.indexOf(STANDARD_TOPS[0]!));
    expect(raw).toMatch(/Mit freundlichen Grüßen\s+Dr\. Beispiel, Marion\s+Vorsitz/);
    const own = await text(await buildMeetingDocx(input('einladung', { doc: letter('Sehr geehrte Mitglieder der Vollversammlung,\nhiermit lade ich Sie ein.') })));
    expect(own).not.toContain('Sehr geehrte Damen und Herren,');
  });

  it('splits the agenda into a public and a non-public part, each item in its own table', async () => {
    const docx = await readDocx(await buildMeetingDocx(input('einladung')));
    const document = docx.part('word/document.xml');
    const plain = visibleText(document);
    const publicAt = plain.indexOf('Öffentlicher Teil');
    const nonPublicAt = plain.indexOf('Nichtöffentlicher Teil');
    expect(publicAt).toBeGreaterThan(-1);
    expect(nonPublicAt).toBeGreaterThan(publicAt);
    const [publicTable, nonPublicTable] = tables(document);
    expect(visibleText(publicTable!)).toContain('Sicherheit am Nordmarkt');
    expect(visibleText(publicTable!)).not.toContain('Personalangelegenheiten');
    expect(visibleText(nonPublicTable!)).toContain('Personalangelegenheiten');
    expect(visibleText(rows(publicTable!)[0]!)).toBe('TOPGegenstandVorlageMaßnahmen');
  });

  it('one table without part headings when every item is public; submissions by Drucksache number', async () => {
    const doc = participationRegister();
    doc.submissions = [];
    const meeting = makeMeeting(7, { agenda: [...standardAgendaItems(STANDARD_TOPS), makeAgendaItem('5', { title: 'Bericht' })] });
    doc.meetings.push(meeting);
    const raw = await text(await buildMeetingDocx(input('einladung', { doc, meetingId: 'meeting-7' })));
    expect(raw).not.toContain('Öffentlicher Teil');
    expect(raw).not.toContain('Nichtöffentlicher Teil');
    expect(raw).toContain('Einladung zur 7. Sitzung der Vollversammlung');
  });

  it('names the body in the genitive and prints the weekday of any date', () => {
    expect(de.participationDocs.meeting.titles.einladung('2. Sitzung', 'Rat der Stadt')).toBe('Einladung zur 2. Sitzung des Rats der Stadt');
    expect(de.participationDocs.meeting.titles.einladung('5. Sitzung', 'Ausschuss für Bürgerdienste')).toBe('Einladung zur 5. Sitzung des Ausschusses für Bürgerdienste');
    expect(de.participationDocs.meeting.titles.niederschrift('1. Sitzung', 'Bezirksvertretung Eving')).toBe('Niederschrift über die 1. Sitzung der Bezirksvertretung Eving');
    expect(de.participationDocs.meeting.sessionLabel('3')).toBe('3. Sitzung');
    expect(dateWithWeekday('2025-12-31')).toBe('Mittwoch, 31.12.2025');
  });
});

describe('Niederschrift', () => {
  it('has Beginn/Ende, attendance as counts and organisations, never delegate names', async () => {
    const doc = participationRegister();
    const raw = await text(await buildMeetingDocx(input('niederschrift', { doc })));
    expect(raw).toMatch(/Beginn:\s*16:00 Uhr/);
    expect(raw).toMatch(/Ende:\s*18:10 Uhr/);
    expect(raw).toMatch(/Anwesende Mitglieder:\s*23/);
    expect(raw).toMatch(/Gäste und Verwaltung:\s*5/);
    for (const org of ['Polizeipräsidium Dortmund', 'Cityring Dortmund', 'SPD-Fraktion']) expect(raw).toContain(org);
    for (const member of doc.bodyMembers) expect(raw).not.toContain(member.delegate);
    // Chair and recorder are public-role data under the signature lines.
    expect(raw).toContain('Vorsitzende Beispiel');
    expect(raw).toContain('Schriftführer Beispiel');
  });

  it('gives each TOP a heading with minutes, result and the recommendations decided under it', async () => {
    const docx = await readDocx(await buildMeetingDocx(input('niederschrift')));
    const document = docx.part('word/document.xml');
    const headings = [...document.matchAll(/<w:p>(?:(?!<\/w:p>)[\s\S])*?<w:pStyle w:val="Heading(\d)"\/>[\s\S]*?<\/w:p>/g)].map((m) => [m[1], visibleText(m[0])]);
    const tops = headings.filter(([, h]) => h!.startsWith('TOP '));
    expect(tops.map(([, h]) => h)).toEqual([...STANDARD_TOPS.map((title, k) => `TOP ${k + 1} ${title}`), 'TOP 5 Sicherheit am Nordmarkt', 'TOP 6 Personalangelegenheiten']);
    // Split session: TOPs sit under "Öffentlicher Teil" / "Nichtöffentlicher Teil" (Heading 2) as Heading 3.
    expect(new Set(tops.map(([level]) => level))).toEqual(new Set(['3']));
    expect(headings.map(([, h]) => h)).toEqual(expect.arrayContaining(['Öffentlicher Teil', 'Nichtöffentlicher Teil', 'Empfehlungen der Sitzung', 'Anwesenheit']));

    const raw = await text(await buildMeetingDocx(input('niederschrift')));
    const top5 = raw.slice(raw.indexOf('TOP 5 Sicherheit am Nordmarkt'), raw.indexOf('TOP 6 Personalangelegenheiten'));
    expect(top5).toContain('Das Ordnungsamt berichtet über den Stand.');
    expect(top5).toMatch(/Ergebnis:\s*einstimmig empfohlen/);
    // "Keine Aufzeichnung." only for a TOP with neither minutes nor result.
    const doc = participationRegister();
    const withResult = doc.meetings.map((x) => (x.id === 'meeting-3' ? { ...x, agenda: x.agenda.map((a, k) => (k === 0 ? { ...a, minutes: '', result: 'Herr Muster wird benannt.' } : k === 1 ? { ...a, minutes: '', result: '' } : a)) } : x));
    const standard = await text(await buildMeetingDocx(input('niederschrift', { doc: { ...doc, meetings: withResult } })));
    const between = (from: string, to: string) => standard.slice(standard.indexOf(from), standard.indexOf(to));
    const top1 = between(`TOP 1 ${STANDARD_TOPS[0]}`, `TOP 2 ${STANDARD_TOPS[1]}`);
    expect(top1).toMatch(/Ergebnis:\s*Herr Muster wird benannt\./);
    expect(top1).not.toContain('Keine Aufzeichnung.');
    expect(between(`TOP 2 ${STANDARD_TOPS[1]}`, `TOP 3 ${STANDARD_TOPS[2]}`)).toContain('Keine Aufzeichnung.');
    expect(top5).toContain('Empfehlung E-2026-01 an: Rat – Beleuchtung Nordmarkt');
    expect(top5).toContain('Die Beleuchtung rund um den Nordmarkt soll erneuert werden.');
    // Minutes typed as "- …" lines become a real list.
    expect(document).toContain('<w:numPr>');
    // Both recommendations of the session in the closing table.
    const recTable = tables(document).find((tbl) => visibleText(rows(tbl)[0]!).startsWith('Nr.an'));
    expect(recTable).toBeDefined();
    expect(rows(recTable!).map((r) => visibleText(r))).toEqual([
      'Nr.anEmpfehlungTOPStand',
      'E-2026-01RatBeleuchtung NordmarktTOP 5offen',
      'E-2026-02VerwaltungPräsenz des Ordnungsdienstes—offen',
    ]);
  });

  it('an unknown meeting or one in the Papierkorb is an UnknownMeetingError', async () => {
    await expect(buildMeetingDocx(input('niederschrift', { meetingId: 'gibt-es-nicht' }))).rejects.toBeInstanceOf(UnknownMeetingError);
    const doc = participationRegister();
    doc.meetings[0]!.deletedAt = '2026-03-20T10:00:00.000Z';
    await expect(buildMeetingDocx(input('einladung', { doc }))).rejects.toBeInstanceOf(UnknownMeetingError);
  });
});
