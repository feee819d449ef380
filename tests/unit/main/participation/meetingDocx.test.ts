/**
 * Einladung mit Tagesordnung and Niederschrift of a session, read back at the XML level (language,
 * heading styles, repeating table header rows, properties) and through mammoth (what another program
 * sees): standard TOPs, the split into public and non-public part, attendance without persons.
 */
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import {
  buildMeetingDocx,
  dateWithWeekday,
  MeetingDocumentRefused,
  UnknownMeetingError,
  type MeetingDocxInput,
} from '@main/participation/meetingDocx';
import { de } from '@shared/i18n/de';
import { makeAgendaItem, makeMeeting, participationRegister, standardAgendaItems } from '@tests/fixtures/participation';
import { readDocx, rows, tables, visibleText } from '@tests/unit/helpers/docxParts';
import { takeMinutesRecord } from '@shared/participation/minutesRecord';
import type { RegisterDocument } from '@shared/register/register';

const m = de.participationDocs.meeting;
const hyphens = (text: string) => text.replace(/\u2011/g, '-');

/** The register with session 3 finalised on 21.03.2026 (its record taken from the register as it is). */
function finalised(doc: RegisterDocument): RegisterDocument {
  return {
    ...doc,
    meetings: doc.meetings.map((x) =>
      x.id === 'meeting-3'
        ? { ...x, state: 'abgeschlossen' as const, minutesRecord: takeMinutesRecord(doc, x, '2026-03-21T09:00:00.000Z', 'Geschäftsstelle') }
        : x,
    ),
  };
}

// After the session of 12.03.2026: its Niederschrift may be written.
const GENERATED_AT = new Date('2026-03-20T10:00:00Z');
const STANDARD_TOPS = de.participation.standardAgenda;
// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

function input(kind: MeetingDocxInput['kind'], overrides: Partial<MeetingDocxInput> = {}): MeetingDocxInput {
  return { doc: participationRegister(), meetingId: 'meeting-3', kind, generatedAt: GENERATED_AT, appVersion: '1.2.3', ...overrides };
}

async function text(bytes: Uint8Array): Promise<string> {
  return (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value.replace(/\u2011/g, '-');
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
    const title =
      kind === 'einladung'
        ? 'Einladung zur 3. Sitzung der Vollversammlung Masterplan Kommunale Sicherheit'
        : 'Niederschrift über die 3. Sitzung der Vollversammlung Masterplan Kommunale Sicherheit – Öffentlicher Teil';
    expect(core).toContain(`<dc:title>${title}</dc:title>`);
    expect(core).toContain(`<dc:subject>${kind === 'einladung' ? 'Einladung mit Tagesordnung' : 'Niederschrift'}</dc:subject>`);
    expect(core).toContain('<dc:language>de-DE</dc:language>');
    expect(visibleText(document)).toContain(title);

    const footer = docx.parts(/^word\/footer\d*\.xml$/).join('');
    expect(footer).toMatch(/<w:fldSimple w:instr="PAGE"><w:r><w:t[^>]*>\d+<\/w:t><\/w:r><\/w:fldSimple>/);
    expect(footer).toMatch(/<w:fldSimple w:instr="NUMPAGES"><w:r><w:t[^>]*>\d+<\/w:t><\/w:r><\/w:fldSimple>/);
    // The session has a non-public item: every page says so (the letter's first page has no running
    // header, its footer says it); the Niederschrift is a draft until approved.
    if (kind === 'einladung') {
      expect(visibleText(footer)).toContain('enthält nichtöffentlichen Teil');
      expect(document).toContain('<w:titlePg/>');
    } else {
      expect(visibleText(footer)).toContain('Erstellt am 20.03.2026');
      expect(visibleText(docx.parts(/^word\/header\d*\.xml$/).join(''))).toContain('ENTWURF');
    }
  });

  it('carries the logo with its alternative text', async () => {
    const docx = await readDocx(
      await buildMeetingDocx(input(kind, { logo: { data: PNG, altText: 'Logo der Stadt Dortmund', width: 120, height: 60 } })),
    );
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
    const letter = (invitationText: string) => ({
      ...doc,
      meetings: doc.meetings.map((x) =>
        x === meeting ? { ...x, invitationText, chair: { title: 'Dr.', given: 'Marion', family: 'Beispiel' } } : x,
      ),
    });
    const raw = await text(await buildMeetingDocx(input('einladung', { doc: letter('hiermit lade ich Sie ein.') })));
    expect(raw.indexOf('Sehr geehrte Damen und Herren,')).toBeLessThan(raw.indexOf('hiermit lade ich Sie ein.'));
    expect(raw.indexOf('Mit freundlichen Grüßen')).toBeGreaterThan(raw.indexOf(STANDARD_TOPS[0]!));
    // The chair signs in natural order, never the list form of the register.
    expect(raw).toMatch(/Mit freundlichen Grüßen\s+Dr\. Marion Beispiel\s+Vorsitz/);
    expect(raw).not.toContain('Beispiel, Marion');
    // A letter date in the Informationsblock, and the greeting after the Erläuterungen (the last thing the letter says).
    expect(raw).toMatch(/Datum\s+20\.03\.2026/);
    expect(raw.indexOf('Mit freundlichen Grüßen')).toBeGreaterThan(raw.indexOf('Bericht des Ordnungsamts zur Beleuchtung.'));
    const own = await text(
      await buildMeetingDocx(
        input('einladung', { doc: letter('Sehr geehrte Mitglieder der Vollversammlung,\nhiermit lade ich Sie ein.') }),
      ),
    );
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
    // The first table is the letter's head (letterhead, address field, Informationsblock).
    const [, publicTable, nonPublicTable] = tables(document);
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
    expect(de.participationDocs.meeting.titles.einladung('2. Sitzung', 'Rat der Stadt')).toBe(
      'Einladung zur 2. Sitzung des Rats der Stadt',
    );
    expect(de.participationDocs.meeting.titles.einladung('5. Sitzung', 'Ausschuss für Bürgerdienste')).toBe(
      'Einladung zur 5. Sitzung des Ausschusses für Bürgerdienste',
    );
    expect(de.participationDocs.meeting.titles.niederschrift('1. Sitzung', 'Bezirksvertretung Eving')).toBe(
      'Niederschrift über die 1. Sitzung der Bezirksvertretung Eving',
    );
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
    expect(raw).toContain('Dr. Vera Vorsitz-Beispiel');
    expect(raw).toContain('Sven Schriftführer-Beispiel');
  });

  it('gives each TOP a heading with minutes, result and the recommendations decided under it', async () => {
    const docx = await readDocx(await buildMeetingDocx(input('niederschrift')));
    const document = docx.part('word/document.xml');
    const headings = [...document.matchAll(/<w:p>(?:(?!<\/w:p>)[\s\S])*?<w:pStyle w:val="Heading(\d)"\/>[\s\S]*?<\/w:p>/g)].map((m) => [
      m[1],
      visibleText(m[0]),
    ]);
    const tops = headings.filter(([, h]) => h!.startsWith('TOP '));
    // The public part is a document of its own: the non-public TOP 6 is not in it.
    expect(tops.map(([, h]) => h)).toEqual([...STANDARD_TOPS.map((title, k) => `TOP ${k + 1} ${title}`), 'TOP 5 Sicherheit am Nordmarkt']);
    expect(new Set(tops.map(([level]) => level))).toEqual(new Set(['2']));
    expect(headings.map(([, h]) => h)).toEqual(expect.arrayContaining(['Empfehlungen der Sitzung', 'Anwesenheit']));
    expect(visibleText(document)).not.toContain('Personalangelegenheiten');

    const raw = await text(await buildMeetingDocx(input('niederschrift')));
    const top5 = raw.slice(raw.indexOf('TOP 5 Sicherheit am Nordmarkt'), raw.indexOf('Empfehlungen der Sitzung'));
    expect(top5).toContain('Das Ordnungsamt berichtet über den Stand.');
    expect(top5).toMatch(/Ergebnis:\s*einstimmig empfohlen/);
    // "Keine Aufzeichnung." only for a TOP with neither minutes nor result.
    const doc = participationRegister();
    const withResult = doc.meetings.map((x) =>
      x.id === 'meeting-3'
        ? {
            ...x,
            agenda: x.agenda.map((a, k) =>
              k === 0 ? { ...a, minutes: '', result: 'Herr Muster wird benannt.' } : k === 1 ? { ...a, minutes: '', result: '' } : a,
            ),
          }
        : x,
    );
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
    const recTable = tables(document).find((tbl) => visibleText(rows(tbl)[0]!).startsWith('Nr.An'));
    expect(recTable).toBeDefined();
    expect(rows(recTable!).map((r) => visibleText(r))).toEqual([
      'Nr.AnEmpfehlungTOPStand',
      'E-2026-01RatBeleuchtung NordmarktTOP\u00A05offen', // "TOP 5" never wraps: a no-break space
      'E-2026-02VerwaltungPräsenz des Ordnungsdienstes—offen',
    ]);
  });

  it('the non-public part is its own document, marked nichtöffentlich, with only its TOPs', async () => {
    const docx = await readDocx(await buildMeetingDocx(input('niederschrift', { part: 'nichtoeffentlich' })));
    const plain = visibleText(docx.part('word/document.xml'));
    expect(plain).toContain(
      'Niederschrift über die 3. Sitzung der Vollversammlung Masterplan Kommunale Sicherheit – Nichtöffentlicher Teil',
    );
    expect(plain).toContain('TOP 6 Personalangelegenheiten');
    expect(plain).not.toContain('TOP 5 Sicherheit am Nordmarkt');
    expect(visibleText(docx.parts(/^word\/header\d*\.xml$/).join(''))).toContain('ENTWURF · nichtöffentlich');
  });

  it('refuses the minutes of a session not yet held; one not yet finalised is ENTWURF, a finalised one is not', async () => {
    const doc = participationRegister();
    const at = (state: 'geplant' | 'eingeladen' | 'durchgefuehrt') => ({
      ...doc,
      meetings: doc.meetings.map((x) => (x.id === 'meeting-3' ? { ...x, state } : x)),
    });
    for (const state of ['geplant', 'eingeladen'] as const)
      await expect(buildMeetingDocx(input('niederschrift', { doc: at(state) }))).rejects.toThrow(
        'Die Sitzung am 12.03.2026 hat noch nicht stattgefunden',
      );
    // Held, but dated after the day of the export: refused as well.
    await expect(buildMeetingDocx(input('niederschrift', { generatedAt: new Date('2026-03-01T10:00:00Z') }))).rejects.toBeInstanceOf(
      MeetingDocumentRefused,
    );
    const printed = async (d: RegisterDocument) => {
      const docx = await readDocx(await buildMeetingDocx(input('niederschrift', { doc: d })));
      return { header: visibleText(docx.parts(/^word\/header\d*\.xml$/).join('')), body: visibleText(docx.part('word/document.xml')) };
    };
    const draft = await printed(at('durchgefuehrt'));
    expect(draft.header).toContain('ENTWURF');
    expect(draft.body).toContain(m.draftNote);
    const done = await printed(finalised(doc));
    expect(done.header).not.toContain('ENTWURF');
    expect(done.body).toContain(m.recordNote('21.03.2026'));
    expect(done.body).not.toContain(m.draftNote);
  });

  it('a finalised Niederschrift prints the record, not the register as it is today', async () => {
    const base = participationRegister();
    // A decision taken in the session (same body, same day): the Niederschrift lists it with its state.
    base.trackedDecisions = base.trackedDecisions.map((d) =>
      d.id === 'decision-1' ? { ...d, bodyId: 'gremium-vollversammlung', decidedOn: '2026-03-12' } : d,
    );
    const doc = finalised(base);
    // After the record: the recommendation is implemented and renamed, the addressed body renamed, the
    // measure renumbered, a new recommendation is attached to the session, a decision of the day changes.
    const later: RegisterDocument = {
      ...doc,
      recommendations: [
        ...doc.recommendations.map((r) => (r.id === 'rec-1' ? { ...r, state: 'umgesetzt' as const, title: 'Neuer Titel' } : r)),
        { ...doc.recommendations[0]!, id: 'rec-9', number: 'E-2026-09', title: 'Später angehängt' },
      ],
      measures: doc.measures.map((x) => (x.id === 'm-01' ? { ...x, number: 'HF9-99' } : x)),
      bodies: doc.bodies.map((b) => (b.id === 'gremium-vollversammlung' ? { ...b, name: 'Umbenanntes Gremium' } : b)),
      trackedDecisions: doc.trackedDecisions.map((d) => (d.id === 'decision-1' ? { ...d, state: 'erledigt' as const } : d)),
    };
    const plain = hyphens(
      visibleText((await readDocx(await buildMeetingDocx(input('niederschrift', { doc: later })))).part('word/document.xml')),
    );
    expect(plain).toContain('Beleuchtung Nordmarkt');
    expect(plain).not.toContain('Neuer Titel');
    expect(plain).not.toContain('Später angehängt');
    expect(plain).toContain('HF1-01');
    expect(plain).not.toContain('HF9-99');
    expect(plain).toContain('Vollversammlung Masterplan Kommunale Sicherheit');
    expect(plain).not.toContain('Umbenanntes Gremium');
    const recRow = tables((await readDocx(await buildMeetingDocx(input('niederschrift', { doc: later })))).part('word/document.xml'))
      .flatMap(rows)
      .map((r) => hyphens(visibleText(r)))
      .find((r) => r.startsWith('E-2026-01'))!;
    expect(recRow).toContain('offen');
    // The decision of the session's day, with its state as of the record.
    expect(plain).toContain(m.decisions);
    expect(plain).toContain(`Beschluss 1${de.participation.decisionStates.offen}: Konzept in Arbeit.`);
    expect(plain).not.toContain(`Beschluss 1${de.participation.decisionStates.erledigt}`);
    // The draft of the same register shows today's state (that is what the record protects against).
    const draftPlain = hyphens(
      visibleText(
        (
          await readDocx(await buildMeetingDocx(input('niederschrift', { doc: { ...later, meetings: participationRegister().meetings } })))
        ).part('word/document.xml'),
      ),
    );
    expect(draftPlain).toContain('Neuer Titel');
    expect(draftPlain).toContain('HF9-99');
  });

  it('signature lines for chair, recorder and each stored co-signer, names in natural order from their parts', async () => {
    const doc = participationRegister();
    const named = doc.meetings.map((x) =>
      x.id === 'meeting-3'
        ? {
            ...x,
            chair: { title: 'Dr.', given: 'Marion', family: 'Beispiel' },
            recorder: { title: '', given: 'Sabine', family: 'Probst' },
            coSigners: [
              { title: '', given: 'Peter', family: 'Hartmann' },
              { title: 'Prof. Dr.', given: 'Ines', family: 'von Wolters' },
              { title: '', given: 'Deniz', family: 'Yilmaz' },
            ],
          }
        : x,
    );
    const docx = await readDocx(await buildMeetingDocx(input('niederschrift', { doc: { ...doc, meetings: named } })));
    const signatureTable = tables(docx.part('word/document.xml')).at(-1)!;
    expect(rows(signatureTable).map((r) => visibleText(r))).toEqual([
      'Dr. Marion BeispielVorsitzSabine ProbstSchriftführung',
      'Peter HartmannMitunterzeichnungProf. Dr. Ines von WoltersMitunterzeichnung',
      // The odd last one: no empty line beside it for nobody to sign.
      'Deniz YilmazMitunterzeichnung',
    ]);
    expect(visibleText(docx.part('word/document.xml'))).not.toMatch(/Beispiel, Marion|Probst, Sabine|Hartmann, Peter/);
    // Room to sign above each line: the name paragraph has space before and a top border (the line).
    expect(signatureTable).toMatch(/<w:spacing w:before="(\d{4})"[^>]*\/><\/w:pPr>|<w:pBdr><w:top /);
    expect((signatureTable.match(/<w:pBdr><w:top /g) ?? []).length).toBe(5);
  });

  it('an unknown meeting or one in the Papierkorb is an UnknownMeetingError', async () => {
    await expect(buildMeetingDocx(input('niederschrift', { meetingId: 'gibt-es-nicht' }))).rejects.toBeInstanceOf(UnknownMeetingError);
    const doc = participationRegister();
    doc.meetings[0]!.deletedAt = '2026-03-20T10:00:00.000Z';
    await expect(buildMeetingDocx(input('einladung', { doc }))).rejects.toBeInstanceOf(UnknownMeetingError);
  });
});
