/**
 * The letters as a reader of the printout sees them: LibreOffice converts them to PDF, `pdftotext -bbox`
 * gives every word's box. Checked are positions DIN 5008 Form B fixes (address field 45 mm from the top,
 * text from 25 mm left; Rücksendeangabe in the Vermerkzone; Informationsblock from 125 mm), that no two
 * lines of a title or heading overlap, that no word of the sample's agendas is split inside a table
 * cell, and the bad input of the issue (300-character titles, a 40,000-character text, emoji and control
 * characters, an eight-line address, a logo of 6000 × 6000 or 1 × 1 px, an almost empty register):
 * every file opens in LibreOffice, or the letter is refused in German. Page breaks are not asserted.
 * Skips, saying why, when LibreOffice or poppler is not installed.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missingTools, run } from '@tests/unit/helpers/office';
import { buildFeedbackLetterDocx, FeedbackLetterError } from '@main/participation/feedbackLetter';
import { buildMeetingDocx } from '@main/participation/meetingDocx';
import { FORM_B, logoInBox } from '@main/export/letterLayout';
import type { LetterSender } from '@shared/settings/letterSender';
import type { RegisterDocument } from '@shared/register/register';
import { makeAgendaItem, makeContact, participationRegister } from '@tests/fixtures/participation';
import { sampleDoc } from './setup';

const missing = missingTools();
const reason = missing.length > 0 ? ` (skipped: ${missing.join(', ')} not installed)` : '';
const AT = new Date('2026-03-20T10:00:00');
const SENDER: LetterSender = {
  organisation: 'Stadt Dortmund',
  office: 'Ordnungsamt',
  unit: 'Koordinierungsstelle Kommunale Sicherheit',
  street: 'Friedensplatz 1',
  postalCode: '44135',
  town: 'Dortmund',
  contactName: 'Marion Beispiel',
  phone: '0231 50-12345',
  email: 'kommunale-sicherheit@stadtdo.de',
  reference: '32/KKS',
  example: false,
};
const FEEDBACK = 'Die Leuchten am Nordmarkt werden bis Herbst erneuert.\nWir danken für Ihr Engagement.';

/** A valid greyscale PNG of any size (rows of zero bytes, deflated: small even at 6000 × 6000). */
function png(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  const raw = Buffer.alloc((width + 1) * height, 0x80);
  for (let y = 0; y < height; y++) raw[y * (width + 1)] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

interface Word {
  page: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  text: string;
}
const toMm = (pt: number) => (pt / 72) * 25.4;

function withFeedback(doc: RegisterDocument, patch: Record<string, unknown> = {}): RegisterDocument {
  return { ...doc, proposals: doc.proposals.map((p) => (p.id === 'proposal-1' ? { ...p, feedbackText: FEEDBACK, ...patch } : p)) };
}

describe.skipIf(missing.length > 0)(`Letters after DIN 5008 as LibreOffice prints them${reason}`, () => {
  let dir = '';
  const files = new Map<string, Uint8Array>();
  const sample = sampleDoc();

  async function words(name: string): Promise<Word[]> {
    const { stdout } = await run('pdftotext', ['-bbox', path.join(dir, `${name}.pdf`), '-'], { maxBuffer: 64 * 1024 * 1024 });
    const out: Word[] = [];
    let page = 0;
    for (const line of stdout.split('\n')) {
      if (line.includes('<page ')) page++;
      const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
      if (m) out.push({ page, x0: toMm(+m[1]!), y0: toMm(+m[2]!), x1: toMm(+m[3]!), y1: toMm(+m[4]!), text: m[5]! });
    }
    return out;
  }

  /** The first word on page 1 with this text. */
  async function first(name: string, text: string): Promise<Word> {
    const found = (await words(name)).find((w) => w.page === 1 && w.text === text);
    expect(found, `${text} in ${name}`).toBeDefined();
    return found!;
  }

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mpr-letter-pdf-'));
    const doc = withFeedback(participationRegister());
    const post = makeContact('proposal-1', { channel: 'post', value: 'Erika Mustermann, Musterweg 12, 44137 Dortmund' });
    files.set(
      'rueckmeldung',
      await buildFeedbackLetterDocx({ doc, proposalId: 'proposal-1', contact: post, sender: SENDER, generatedAt: AT, appVersion: '1' }),
    );
    files.set(
      'einladung',
      await buildMeetingDocx({ doc, meetingId: 'meeting-3', kind: 'einladung', sender: SENDER, generatedAt: AT, appVersion: '1' }),
    );
    for (const meeting of sample.meetings)
      files.set(
        `beispiel-${meeting.id}`,
        await buildMeetingDocx({ doc: sample, meetingId: meeting.id, kind: 'einladung', sender: SENDER, generatedAt: AT, appVersion: '1' }),
      );

    // Bad input: 300-character titles, 40,000 characters of text, emoji and control characters, big and tiny logos.
    const long = (seed: string, length: number) =>
      Array.from({ length: Math.ceil(length / seed.length) }, () => seed)
        .join('')
        .slice(0, length);
    const title300 = long('Sicherheit und Sauberkeit am Nordmarkt und in der Nordstadt ', 300).trim();
    const wild = 'Licht 💡 im Park 🌳\u0007\u0001 – mit „Anführung“ und \u200B unsichtbar';
    const bad = participationRegister();
    bad.bodies = bad.bodies.map((b) => ({ ...b, name: title300 }));
    bad.meetings = bad.meetings.map((mt) =>
      mt.id === 'meeting-3'
        ? {
            ...mt,
            invitationText: wild,
            agenda: [
              ...mt.agenda,
              makeAgendaItem('9', { title: title300, description: long('Der Sachverhalt wird ausführlich dargestellt. ', 40_000) }),
              makeAgendaItem('10', { title: wild }),
            ],
          }
        : mt,
    );
    files.set(
      'lang',
      await buildMeetingDocx({ doc: bad, meetingId: 'meeting-3', kind: 'einladung', sender: SENDER, generatedAt: AT, appVersion: '1' }),
    );
    const wildLetter = withFeedback(participationRegister(), { text: wild, feedbackText: `${wild}\n${long('Rückmeldung ', 40_000)}` });
    files.set(
      'wild',
      await buildFeedbackLetterDocx({
        doc: wildLetter,
        proposalId: 'proposal-1',
        contact: makeContact('proposal-1', { name: 'Erika 🌻 Mustermann' }),
        sender: SENDER,
        generatedAt: AT,
        appVersion: '1',
      }),
    );
    files.set(
      'logo-gross',
      await buildFeedbackLetterDocx({
        doc,
        proposalId: 'proposal-1',
        contact: post,
        sender: SENDER,
        generatedAt: AT,
        appVersion: '1',
        logo: { data: png(6000, 6000), altText: 'Logo', width: 6000, height: 6000 },
      }),
    );
    files.set(
      'logo-klein',
      await buildMeetingDocx({
        doc,
        meetingId: 'meeting-3',
        kind: 'einladung',
        sender: SENDER,
        generatedAt: AT,
        appVersion: '1',
        logo: { data: png(1, 1), altText: 'Logo', width: 1, height: 1 },
      }),
    );
    // An almost empty register: one session without agenda, body, chair or place.
    const empty = participationRegister();
    empty.bodies = [];
    empty.meetings = empty.meetings.map((mt) => ({
      ...mt,
      agenda: [],
      chair: { title: '', given: '', family: '' },
      place: '',
      invitationText: '',
    }));
    files.set('leer', await buildMeetingDocx({ doc: empty, meetingId: 'meeting-3', kind: 'einladung', generatedAt: AT, appVersion: '1' }));

    const paths: string[] = [];
    for (const [name, bytes] of files) {
      const file = path.join(dir, `${name}.docx`);
      await fs.writeFile(file, bytes);
      paths.push(file);
    }
    const profile = `file://${path.join(dir, 'lo-profile')}`;
    await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...paths], {
      timeout: 300_000,
    });
  }, 360_000);

  afterAll(async () => {
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it('the Rückmeldung: address field at 45 mm (Anschriftzone from 62.7 mm, text from 25 mm), Rücksendeangabe above it, Informationsblock at 125 mm', async () => {
    const name = await first('rueckmeldung', 'Erika');
    expect(name.x0).toBeCloseTo(FORM_B.addressTextLeft, 0);
    expect(name.y0).toBeGreaterThan(FORM_B.addressTop + FORM_B.noticeHeight - 1.5);
    expect(name.y0).toBeLessThan(FORM_B.addressTop + FORM_B.noticeHeight + 2.5);
    const town = (await words('rueckmeldung')).find((w) => w.page === 1 && w.text === '44137')!;
    expect(town.y1).toBeLessThan(FORM_B.addressTop + FORM_B.noticeHeight + FORM_B.recipientHeight);
    const rueck = await first('rueckmeldung', 'Friedensplatz');
    expect(rueck.y0).toBeGreaterThan(FORM_B.addressTop);
    expect(rueck.y1).toBeLessThan(name.y0 + 1);
    const info = await first('rueckmeldung', 'Ansprechpartner/in');
    expect(info.x0).toBeGreaterThan(FORM_B.infoLeft - 1);
    expect(info.y0).toBeCloseTo(FORM_B.infoTop, 0);
    // The letterhead stays above the address field, the name is printed once in the address.
    const head = await first('rueckmeldung', 'Koordinierungsstelle');
    expect(head.y1).toBeLessThan(FORM_B.addressTop);
    const page1 = (await words('rueckmeldung')).filter((w) => w.page === 1 && w.y0 < 100);
    expect(page1.filter((w) => w.text === 'Mustermann')).toHaveLength(1);
  });

  it('the Einladung: the same address field with the members, no running header on page 1, one from page 2', async () => {
    const to = await first('einladung', 'An');
    expect(to.x0).toBeCloseTo(FORM_B.addressTextLeft, 0);
    expect(to.y0).toBeGreaterThan(FORM_B.addressTop + FORM_B.noticeHeight - 1.5);
    expect(to.y0).toBeLessThan(FORM_B.addressTop + FORM_B.noticeHeight + 2.5);
    const all = await words('lang');
    expect(all.some((w) => w.page === 1 && w.y0 < 20 && w.text === 'Einladung')).toBe(false);
    expect(all.some((w) => w.page === 2 && w.y0 < 20 && w.text === 'Einladung')).toBe(true);
  });

  it('no two lines of a title or heading overlap, and nothing leaves the page (long titles, emoji, control characters)', async () => {
    for (const name of ['lang', 'wild', 'einladung', 'rueckmeldung']) {
      const all = await words(name);
      for (const w of all) {
        expect(w.x1, `${name}: ${w.text}`).toBeLessThan(210 - 9);
        expect(w.y1, `${name}: ${w.text}`).toBeLessThan(297);
      }
      // Lines: words of one page with the same top. Two lines that share columns are at least 0.8 of their size apart.
      const lines = new Map<string, Word[]>();
      for (const w of all) {
        const key = `${w.page}:${w.y0.toFixed(1)}`;
        lines.set(key, [...(lines.get(key) ?? []), w]);
      }
      const boxes = [...lines.values()].map((ws) => ({
        page: ws[0]!.page,
        y0: ws[0]!.y0,
        size: (ws[0]!.y1 - ws[0]!.y0) / 1.3,
        x0: Math.min(...ws.map((w) => w.x0)),
        x1: Math.max(...ws.map((w) => w.x1)),
        text: ws.map((w) => w.text).join(' '),
      }));
      for (const a of boxes)
        for (const b of boxes) {
          if (a === b || a.page !== b.page || a.y0 > b.y0 || a.x1 <= b.x0 || b.x1 <= a.x0) continue;
          const gap = b.y0 - a.y0;
          if (gap === 0) continue;
          // 1 pt of font size is 0.353 mm: lines closer than 0.8 of the smaller size overlap.
          expect(gap, `${name}: „${a.text}“ / „${b.text}“`).toBeGreaterThan(0.8 * Math.min(a.size, b.size) * 0.3528 * 0.9);
        }
    }
  });

  it('no word of the sample register’s agendas is split inside a table cell', async () => {
    for (const meeting of sample.meetings) {
      const printed = new Set((await words(`beispiel-${meeting.id}`)).map((w) => w.text));
      for (const item of meeting.agenda)
        for (const word of item.title.split(/\s+/).filter((w) => w.length >= 4)) expect(printed, `${meeting.id}: ${word}`).toContain(word);
    }
  });

  it('bad input gives files LibreOffice opens; the logo is scaled into its box with its aspect kept', async () => {
    for (const name of ['lang', 'wild', 'logo-gross', 'logo-klein', 'leer']) {
      const { stdout } = await run('pdfinfo', [path.join(dir, `${name}.pdf`)]);
      expect(Number(/^Pages:\s+(\d+)/m.exec(stdout)![1]), name).toBeGreaterThan(0);
    }
    // The 40,000 characters are all there (the long text runs over several pages, no page is asserted).
    expect((await words('lang')).filter((w) => w.text === 'Sachverhalt').length).toBeGreaterThan(500);
    expect((await words('wild')).some((w) => w.text === 'Licht')).toBe(true);
    // Logo: the box is the letterhead's right column (65 mm × 22 mm); 6000² and 1² become squares inside it.
    for (const side of [6000, 1]) {
      const size = logoInBox({ data: png(1, 1), altText: 'x', width: side, height: side }, 3686, 1417 - 170)!;
      expect(size.width).toBe(size.height);
      expect((size.width / 96) * 25.4).toBeLessThanOrEqual(22.1);
    }
    const wide = logoInBox({ data: png(1, 1), altText: 'x', width: 4000, height: 1000 }, 3686, 1247)!;
    expect(wide.width / wide.height).toBeCloseTo(4, 1);
    expect((wide.width / 96) * 25.4).toBeLessThanOrEqual(65.1);
    // In print the big logo stays above the address field.
    const { stdout } = await run('pdfimages', ['-list', path.join(dir, 'logo-gross.pdf')]).catch(() => ({ stdout: '' }));
    if (stdout) expect(stdout).toMatch(/image/);
    expect((await first('logo-gross', 'Erika')).y0).toBeGreaterThan(FORM_B.addressTop + FORM_B.noticeHeight - 1.5);
  });

  it('an address of eight lines is refused in German before anything is written', async () => {
    const eight = makeContact('proposal-1', {
      channel: 'post',
      value: 'Erika Mustermann, c/o Familie Beispiel, Hinterhaus, 3. Etage links, Musterweg 12, Postfach 1234, 44137 Dortmund, Deutschland',
    });
    const error = await buildFeedbackLetterDocx({
      doc: withFeedback(participationRegister()),
      proposalId: 'proposal-1',
      contact: eight,
      sender: SENDER,
      generatedAt: AT,
      appVersion: '1',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FeedbackLetterError);
    expect((error as Error).message).toBe(
      'Die Anschrift ergibt 8 Zeilen; in das Anschriftfeld eines Fensterumschlags passen höchstens 6 (DIN 5008). Bitte kürzen Sie die Anschrift beim Kontakt, es wurde kein Brief erstellt.',
    );
  });
});
