/** Broken cross-references of Gremien & Beteiligung (a file edited outside the app) become readable warnings. */
import { describe, expect, it } from 'vitest';
import { checkParticipationIntegrity } from '@shared/participation/participationIntegrity';
import { checkRegisterIntegrity } from '@shared/register/rules';
import { sampleDoc } from '@tests/unit/main/participation/setup';

describe('integrity of Gremien & Beteiligung', () => {
  it('the sample register has none of these problems', () => {
    expect(checkRegisterIntegrity(sampleDoc())).toEqual([]);
  });

  it('a link into the Papierkorb is fine, a link to nothing is named with where it is', () => {
    const doc = sampleDoc();
    const trashed = {
      ...doc,
      measures: doc.measures.map((m) => (m.id === 'm-hf2-05' ? { ...m, deletedAt: '2026-11-01T00:00:00.000Z' } : m)),
    };
    expect(checkParticipationIntegrity(trashed)).toEqual([]);
    const broken = {
      ...doc,
      proposals: doc.proposals.map((p) => (p.number === 'A-2026-001' ? { ...p, measureId: 'weg' } : p)),
      meetings: doc.meetings.map((m) =>
        m.id === 'sitzung-vollv-1'
          ? { ...m, agenda: m.agenda.map((a) => (a.number === '6' ? { ...a, recommendationIds: ['fehlt'] } : a)) }
          : m,
      ),
      trackedDecisions: doc.trackedDecisions.map((d, i) => (i === 0 ? { ...d, bodyId: 'gremium-weg' } : d)),
      contacts: [...doc.contacts, { ...doc.contacts[0]!, id: 'kontakt-02' }],
    };
    expect(checkParticipationIntegrity(broken)).toEqual([
      'Sitzung „1. Sitzung“ vom 13.11.2025, TOP 6 verweist auf einen Eintrag, der nicht im Register steht (Empfehlung fehlt).',
      'Anregung A-2026-001 verweist auf einen Eintrag, der nicht im Register steht (Maßnahme weg).',
      'Zur Anregung A-2026-002 sind mehrere Kontakte gespeichert; erlaubt ist einer.',
      'Beschluss DS 12534-18 verweist auf einen Eintrag, der nicht im Register steht (Gremium gremium-weg).',
    ]);
  });

  it('doubled ids and a contact without its Anregung are reported', () => {
    const doc = sampleDoc();
    const broken = { ...doc, labs: [...doc.labs, doc.labs[0]!], contacts: [{ ...doc.contacts[0]!, proposalId: 'anregung-weg' }] };
    expect(checkParticipationIntegrity(broken)).toEqual([
      'Quartierslabor mit der Kennung labor-nordmarkt kommt mehrfach vor.',
      'Ein Kontakt für Rückmeldungen gehört zu keiner vorhandenen Anregung.',
    ]);
  });
});
