/**
 * The Niederschrift and the Einladung opened by a real office suite: LibreOffice converts them to PDF,
 * pdftotext shows what a reader of the printout sees (title, head lines, TOPs, attendance, signatures,
 * "Seite X von Y" on every page; a long Niederschrift repeats the header row of its tables). Skips,
 * saying why, when LibreOffice or poppler is not installed.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missingTools, run } from '@tests/unit/helpers/office';
import { buildMeetingDocx } from '@main/participation/meetingDocx';
import { makeRecommendation, participationRegister } from '@tests/fixtures/participation';
import { takeMinutesRecord } from '@shared/participation/minutesRecord';

const missing = missingTools();
const reason = missing.length > 0 ? ` (skipped: ${missing.join(', ')} not installed)` : '';
const GENERATED_AT = new Date('2026-03-20T10:00:00Z');

describe.skipIf(missing.length > 0)(`LibreOffice renders the session documents${reason}`, () => {
  let dir = '';

  async function pages(name: string): Promise<number> {
    const { stdout } = await run('pdfinfo', [path.join(dir, `${name}.pdf`)]);
    return Number(/^Pages:\s+(\d+)/m.exec(stdout)![1]);
  }

  async function pageText(name: string, page?: number): Promise<string> {
    const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
    const { stdout } = await run('pdftotext', ['-layout', ...range, path.join(dir, `${name}.pdf`), '-']);
    return stdout;
  }

  const oneLine = (text: string) => text.replace(/\s+/g, ' ');

  /** One page in content-stream order, on one line: a table row's cells in sequence, wherever the columns sit. */
  async function rawPage(name: string, page: number): Promise<string> {
    const { stdout } = await run('pdftotext', ['-raw', '-f', String(page), '-l', String(page), path.join(dir, `${name}.pdf`), '-']);
    return oneLine(stdout);
  }

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mpr-meeting-pdf-'));
    const doc = participationRegister();
    // A long session: 120 recommendations make the closing table run over several pages.
    const long = participationRegister();
    long.recommendations.push(
      ...Array.from({ length: 120 }, (_, k) =>
        makeRecommendation(k + 10, { meetingId: 'meeting-3', title: `Weitere Empfehlung ${k + 10}` }),
      ),
    );
    // Finalised with a co-signer; afterwards the register moves on (the record must not).
    const closed = participationRegister();
    closed.meetings = closed.meetings.map((x) =>
      x.id === 'meeting-3' ? { ...x, coSigners: [{ title: 'Prof. Dr.', given: 'Ines', family: 'von Wolters' }] } : x,
    );
    closed.meetings = closed.meetings.map((x) =>
      x.id === 'meeting-3'
        ? {
            ...x,
            state: 'abgeschlossen' as const,
            minutesRecord: takeMinutesRecord(closed, x, '2026-03-21T09:00:00.000Z', 'Geschäftsstelle'),
          }
        : x,
    );
    closed.recommendations = closed.recommendations.map((r) => ({ ...r, state: 'umgesetzt' as const }));
    const documents = [
      [
        'abgeschlossen',
        await buildMeetingDocx({
          doc: closed,
          meetingId: 'meeting-3',
          kind: 'niederschrift',
          generatedAt: GENERATED_AT,
          appVersion: '1.0.0',
        }),
      ],
      [
        'niederschrift',
        await buildMeetingDocx({ doc, meetingId: 'meeting-3', kind: 'niederschrift', generatedAt: GENERATED_AT, appVersion: '1.0.0' }),
      ],
      [
        'einladung',
        await buildMeetingDocx({ doc, meetingId: 'meeting-3', kind: 'einladung', generatedAt: GENERATED_AT, appVersion: '1.0.0' }),
      ],
      [
        'lang',
        await buildMeetingDocx({
          doc: long,
          meetingId: 'meeting-3',
          kind: 'niederschrift',
          generatedAt: GENERATED_AT,
          appVersion: '1.0.0',
        }),
      ],
    ] as const;
    const files: string[] = [];
    for (const [name, bytes] of documents) {
      const file = path.join(dir, `${name}.docx`);
      await fs.writeFile(file, bytes);
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

  it('the Niederschrift shows title, head, attendance, every TOP, the recommendations and the signature lines', async () => {
    const total = await pages('niederschrift');
    const text = oneLine(await pageText('niederschrift'));
    expect(text).toContain('Niederschrift über die 3. Sitzung der Vollversammlung Masterplan Kommunale Sicherheit');
    expect(text).toContain('Donnerstag, 12.03.2026');
    expect(text).toMatch(/Beginn: 16:00 Uhr/);
    expect(text).toMatch(/Ende: 18:10 Uhr/);
    expect(text).toMatch(/Anwesende Mitglieder: 23/);
    expect(text).toContain('Polizeipräsidium Dortmund');
    expect(text).toContain('TOP 3 Feststellung der Tagesordnung');
    expect(text).toContain('TOP 5 Sicherheit am Nordmarkt');
    // The public part only: the non-public part is a document of its own.
    expect(text).not.toContain('Personalangelegenheiten');
    expect(text).toContain('Empfehlung E-2026-01 an: Rat – Beleuchtung Nordmarkt');
    expect(text).toMatch(/Dr\. Vera Vorsitz-Beispiel\s+Sven Schriftführer-Beispiel/);
    expect(text).toMatch(/Vorsitz\s+Schriftführung/);
    expect(text).not.toContain('Delegierte Person');
    for (let page = 1; page <= total; page++)
      expect(await pageText('niederschrift', page)).toMatch(new RegExp(`Seite ${page} von ${total}`));
    expect(await pageText('niederschrift', 1)).toContain('Erstellt am 20.03.2026');
  });

  it('the draft says ENTWURF on every page; the finalised one on none, prints the record and a line for the co-signer', async () => {
    const draftPages = await pages('niederschrift');
    for (let page = 1; page <= draftPages; page++) expect(await pageText('niederschrift', page)).toContain('ENTWURF');
    const total = await pages('abgeschlossen');
    for (let page = 1; page <= total; page++) expect(await pageText('abgeschlossen', page)).not.toContain('ENTWURF');
    const text = oneLine(await pageText('abgeschlossen'));
    expect(text).toContain('Abgeschlossen am 21.03.2026.');
    // The recommendations as they stood when it was closed ("offen"), not today's "umgesetzt".
    expect(await rawPage('abgeschlossen', total)).toMatch(/E.2026.01 Rat Beleuchtung Nordmarkt TOP 5 offen/);
    expect(text).not.toContain('umgesetzt');
    expect(text).toMatch(/Prof\. Dr\. Ines von Wolters\s+Mitunterzeichnung/);
    // Three signature lines: the name under each, the role under the name.
    expect(text).toMatch(
      /Dr\. Vera Vorsitz-Beispiel\s+Sven Schriftführer-Beispiel\s+Vorsitz\s+Schriftführung\s+Prof\. Dr\. Ines von Wolters\s+Mitunterzeichnung/,
    );
  });

  it('the Einladung shows the agenda table with both parts', async () => {
    const text = oneLine(await pageText('einladung'));
    expect(text).toContain('Einladung zur 3. Sitzung der Vollversammlung');
    expect(await rawPage('einladung', 1)).toMatch(/TOP Gegenstand Vorlage Maßnahmen/);
    expect(text).toContain('Öffentlicher Teil');
    expect(text).toContain('Nichtöffentlicher Teil');
    expect(text).toContain('Personalangelegenheiten');
  });

  it('a long Niederschrift repeats the header row of the recommendations table on every page it runs over', async () => {
    const total = await pages('lang');
    const withTable: number[] = [];
    for (let page = 1; page <= total; page++) {
      const text = await pageText('lang', page);
      expect(text).toMatch(new RegExp(`Seite ${page} von ${total}`));
      if (!text.includes('Weitere Empfehlung')) continue;
      withTable.push(page);
      expect(await rawPage('lang', page), `page ${page}`).toMatch(/Nr\. An Empfehlung TOP Stand/);
    }
    expect(withTable.length).toBeGreaterThan(1);
    expect(oneLine(await pageText('lang', withTable.at(-1)))).toContain('Weitere Empfehlung 129');
  });
});
