/**
 * One-off: lifts resources/sample-register.json to format 6 with the migration, then makes its first
 * session a constituent session as the register would have it today: no "Genehmigung der Niederschrift
 * über die letzte Sitzung" (there is none), the following TOPs renumbered, and the Niederschrift finalised a
 * week after the session with the recommendations as they stood then ("offen"; today the register says
 * "umgesetzt" or "in Bearbeitung", which is what the record is for). Writes only when the result decodes.
 * `npx tsx tests/unit/resources/writeSampleV6.ts`
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { decodeRegister } from '@main/store/decode';
import { migrate } from '@shared/register/migrations';
import type { RegisterDocument } from '@shared/register/register';

const file = path.resolve(import.meta.dirname, '../../../resources/sample-register.json');
const raw = JSON.parse(readFileSync(file, 'utf8')) as { schemaVersion: number };
if (raw.schemaVersion !== 5) throw new Error(`Die Beispieldaten haben schon Format ${raw.schemaVersion}.`);
const doc = migrate(raw).doc as RegisterDocument;
const APPROVE = 'Genehmigung der Niederschrift über die letzte Sitzung';
doc.meetings = doc.meetings.map((meeting) => {
  if (meeting.id !== 'sitzung-vollv-1') return meeting;
  let n = 0;
  const agenda = meeting.agenda.filter((i) => i.title !== APPROVE).map((i) => ({ ...i, number: String(++n) }));
  const record = meeting.minutesRecord!;
  return {
    ...meeting,
    agenda,
    minutesRecord: {
      ...record,
      finalisedAt: '2025-11-20T09:30:00.000Z',
      finalisedBy: 'Sicherheitskoordination',
      recommendations: record.recommendations.map((r) => ({ ...r, state: 'offen' as const })),
    },
  };
});
const text = `${JSON.stringify(doc, null, 2)}\n`;
decodeRegister(text);
writeFileSync(file, text);
