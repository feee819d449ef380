/**
 * The Anregungen and Beschlussverfolgung workbooks of the sample register opened by LibreOffice (German
 * locale): what a committee clerk sees in each sheet – dates as TT.MM.JJJJ, states in words, the
 * overdue flag, and feedback contacts only in the file made with personal data. Skips, saying why, when
 * LibreOffice is not installed.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeProposalsXlsx } from '@main/participation/proposalsWorkbook';
import { writeTrackingXlsx } from '@main/participation/trackingWorkbook';
import { de } from '@shared/i18n/de';
import { sampleDoc } from './setup';
import { missingTools, workbookAsShownByLibreOffice } from '@tests/unit/helpers/office';

const missing = missingTools(['soffice']);
const reason = missing.length > 0 ? ` (skipped: ${missing.join(', ')} not installed)` : '';
const sheets = de.participationDocs;

describe.skipIf(missing.length > 0)(`LibreOffice shows the participation workbooks${reason}`, () => {
  let dir = '';
  const shown = new Map<string, Map<string, string[][]>>();

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mpr-participation-office-'));
    const doc = sampleDoc();
    const generatedAt = new Date('2026-11-26T10:00:00Z');
    const books = [
      [
        'ohne',
        await writeProposalsXlsx({ doc, includePersonalData: false, generatedAt, appVersion: '1.0.0' }),
        Object.values(sheets.proposals.sheets),
      ],
      [
        'mit',
        await writeProposalsXlsx({ doc, includePersonalData: true, generatedAt, appVersion: '1.0.0' }),
        [sheets.proposals.sheets.proposals],
      ],
      [
        'beschluesse',
        await writeTrackingXlsx({ doc, period: { year: 2026, half: 2 }, today: '2026-11-26', generatedAt, appVersion: '1.0.0' }),
        Object.values(sheets.tracking.sheets),
      ],
    ] as const;
    for (const [name, bytes, names] of books) {
      const sub = path.join(dir, name);
      await fs.mkdir(sub);
      await fs.writeFile(path.join(sub, `${name}.xlsx`), bytes);
      shown.set(name, await workbookAsShownByLibreOffice(path.join(sub, `${name}.xlsx`), names));
    }
  }, 300_000);

  afterAll(async () => {
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  const rowWith = (rows: string[][], text: string) => rows.find((r) => r.includes(text));

  it('Anregungen: every one with its date, district, state in words and linked measure; no contact data', () => {
    const rows = shown.get('ohne')!.get(sheets.proposals.sheets.proposals)!;
    const first = rowWith(rows, 'A-2026-001')!;
    expect(first).toEqual(expect.arrayContaining(['07.03.2026', 'Innenstadt-Nord', de.participation.proposalStates.uebernommen]));
    expect(first.join(' ')).toContain('HF2-05');
    expect(rowWith(rows, 'A-2026-004')!.join(' ')).toContain('rechtlich nicht tragfähig');
    expect(rows.filter((r) => /^A-2026-\d{3}$/.test(r[0] ?? ''))).toHaveLength(10);
    expect(JSON.stringify(rows)).not.toContain('Erika Beispiel');
  });

  it('the overview per Stadtbezirk counts what the register holds, and Quartierslabore show their attendance', () => {
    const overview = shown.get('ohne')!.get(sheets.proposals.sheets.overview)!;
    const nord = rowWith(overview, 'Innenstadt-Nord')!;
    expect(nord).toEqual(expect.arrayContaining(['2.000', '84', '6']));
    const labs = shown.get('ohne')!.get(sheets.proposals.sheets.labs)!;
    expect(rowWith(labs, 'Quartierslabor Hörde – Phoenix-See')).toEqual(expect.arrayContaining(['1.000', '52']));
  });

  it('with personal data chosen, the contact appears beside its Anregung', () => {
    const rows = shown.get('mit')!.get(sheets.proposals.sheets.proposals)!;
    expect(rowWith(rows, 'A-2026-002')).toEqual(expect.arrayContaining(['Erika Beispiel', 'erika.beispiel@example.org', '07.03.2026']));
  });

  it('Beschlussverfolgung: the half-year rows with German dates, state and the overdue flag in words', () => {
    const rows = shown.get('beschluesse')!.get(sheets.tracking.sheets.table)!;
    const overdue = rowWith(rows, '33410-25')!;
    expect(overdue).toEqual(
      expect.arrayContaining(['11.03.2025', '30.09.2025', de.participation.decisionStates.offen, sheets.tracking.yes]),
    );
    const done = rowWith(rows, '31877-24');
    expect(done).toBeUndefined();
    expect(rowWith(rows, '34102-25')).toEqual(expect.arrayContaining(['31.03.2027', 'nein']));
  });
});
