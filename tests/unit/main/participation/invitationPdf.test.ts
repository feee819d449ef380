/**
 * The close of a long Einladung as a reader of the printout sees it: "Mit freundlichen Grüßen", the room to
 * sign and the name never stand alone on the next page. The documents grow the agenda one TOP at a time
 * (and, in the second set, the last Erläuterung one line at a time) over a whole page, so in some of them
 * the page ends right before the close; LibreOffice converts them to PDF and `pdftotext -bbox` tells on
 * which page each word is printed: the close and the last sentence before it ("Sollten Sie … Nachricht.")
 * are on one page in every one, and so is the last line of the last Erläuterung. (The agenda table's last
 * row carries keep-with-next too, which Word honours; LibreOffice 7 ignores it inside a table, so the
 * sentence is what keeps the close company there.)
 * Skips, saying why, when LibreOffice or poppler is not installed.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { germanProfile, missingTools, run } from '@tests/unit/helpers/office';
import { buildMeetingDocx } from '@main/participation/meetingDocx';
import type { RegisterDocument } from '@shared/register/register';
import { makeAgendaItem, participationRegister } from '@tests/fixtures/participation';

const missing = missingTools();
const reason = missing.length > 0 ? ` (skipped: ${missing.join(', ')} not installed)` : '';
const AT = new Date('2026-03-20T10:00:00');

/** Agenda lengths (table only) and lines of the last Erläuterung: each set spans more than a page. */
const TOPS = Array.from({ length: 36 }, (_, i) => 8 + i);
const LINES = Array.from({ length: 40 }, (_, i) => 1 + i);

/** meeting-3 with `tops` public TOPs, the last titled "Schlusspunkt"; `lines` lines of Erläuterung under it (0: none). */
function longInvitation(tops: number, lines: number): RegisterDocument {
  const doc = participationRegister();
  const items = Array.from({ length: tops }, (_, i) =>
    makeAgendaItem(String(i + 1), {
      title: i === tops - 1 ? 'Schlusspunkt der Tagesordnung' : `Bericht zur Sicherheit im Quartier ${i + 1}`,
      description:
        i === tops - 1 && lines > 0
          ? Array.from({ length: lines }, (_, l) =>
              l === lines - 1 ? 'Letzte Zeile Abschlussvermerk' : `Erläuterung Zeile ${l + 1}`,
            ).join('\n')
          : '',
    }),
  );
  doc.meetings = doc.meetings.map((mt) => (mt.id === 'meeting-3' ? { ...mt, agenda: items } : mt));
  return doc;
}

interface Word {
  page: number;
  text: string;
}

describe.skipIf(missing.length > 0)(`The close of a long Einladung stays with its text${reason}`, () => {
  let dir = '';
  const names: string[] = [];

  async function words(name: string): Promise<Word[]> {
    const { stdout } = await run('pdftotext', ['-bbox', path.join(dir, `${name}.pdf`), '-']);
    const out: Word[] = [];
    let page = 0;
    for (const line of stdout.split('\n')) {
      if (line.includes('<page ')) page++;
      const m = /<word [^>]*>(.*)<\/word>/.exec(line);
      if (m) out.push({ page, text: m[1]! });
    }
    return out;
  }

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mpr-invitation-pdf-'));
    const paths: string[] = [];
    const add = async (name: string, doc: RegisterDocument) => {
      const file = path.join(dir, `${name}.docx`);
      await fs.writeFile(
        file,
        await buildMeetingDocx({ doc, meetingId: 'meeting-3', kind: 'einladung', generatedAt: AT, appVersion: '1' }),
      );
      paths.push(file);
      names.push(name);
    };
    for (const tops of TOPS) await add(`tabelle-${tops}`, longInvitation(tops, 0));
    for (const lines of LINES) await add(`erlaeuterung-${lines}`, longInvitation(8, lines));
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

  it('"Mit freundlichen Grüßen", the signature and the last line before them are printed on one page', async () => {
    const pagesSeen = new Set<number>();
    for (const name of names) {
      const all = await words(name);
      const page = (text: string) => all.filter((w) => w.text === text).at(-1)?.page;
      const before = page('Nachricht.');
      const close = [page('freundlichen'), page('Grüßen'), page('Vorsitz-Beispiel'), page('Vorsitz')];
      if (name.startsWith('erlaeuterung')) close.push(page('Abschlussvermerk'));
      expect(before, name).toBeDefined();
      for (const p of close) expect(p, `${name}: the close on page ${p}, the text before it on page ${before}`).toBe(before);
      pagesSeen.add(before!);
    }
    // The documents end on different pages: the page end really moved through the close.
    expect(pagesSeen.size).toBeGreaterThan(1);
  });
});
