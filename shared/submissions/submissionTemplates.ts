import { parseRichText } from '@shared/core/richText';
import type { Consultation, SubmissionFields } from './submission';

/**
 * Starting points for new submissions: pre-filled sections and the typical Beratungsfolge for this
 * topic (Verwaltungsvorstand → Bezirksvertretungen → Ausschuss für Bürgerdienste … → [Finanzausschuss]
 * → Rat). Body ids refer to DEFAULT_BODIES; rows whose body is missing in a register are dropped.
 */
export interface SubmissionTemplate {
  id: string;
  name: string;
  description: string;
  fields: (newId: () => string) => Partial<SubmissionFields>;
}

function row(newId: () => string, bodyId: string, role: Consultation['role']): Consultation {
  return { id: newId(), bodyId, sessionDate: null, role, result: 'offen', resultNote: '' };
}

export const SUBMISSION_TEMPLATES: SubmissionTemplate[] = [
  {
    id: 'sachstandsbericht',
    name: 'Sachstandsbericht Masterplan',
    description: 'Mitteilung zum Stand der Umsetzung der Maßnahmen des Masterplans Kommunale Sicherheit.',
    fields: (newId) => ({
      kind: 'mitteilung',
      subject: 'Masterplan Kommunale Sicherheit – Sachstandsbericht',
      consultations: [
        row(newId, 'gremium-vv', 'kenntnisnahme'),
        row(newId, 'gremium-aboeab', 'kenntnisnahme'),
        row(newId, 'gremium-rat', 'kenntnisnahme'),
      ],
      resolutions: [
        { bodyId: null, text: 'Der Rat der Stadt nimmt den Sachstandsbericht zum Masterplan Kommunale Sicherheit zur Kenntnis.' },
      ],
      statement: parseRichText(
        '# Ausgangslage\n\nDer Rat der Stadt hat den Masterplan Kommunale Sicherheit am 14.02.2019 beschlossen (DS-Nr. 12534-18).\n\n# Stand der Umsetzung\n\n# Ausblick',
      ),
      climateImpact: 'keine',
      climateReason: 'Der Bericht dient der Information; unmittelbare Auswirkungen auf den Klimaschutz ergeben sich nicht.',
    }),
  },
  {
    id: 'fortschreibung',
    name: 'Fortschreibung des Masterplans',
    description: 'Beschlussvorlage zur Fortschreibung (neue Fassung) des Masterplans Kommunale Sicherheit.',
    fields: (newId) => ({
      kind: 'beschlussvorlage',
      subject: 'Fortschreibung des Masterplans Kommunale Sicherheit',
      consultations: [
        row(newId, 'gremium-vv', 'empfehlung'),
        row(newId, 'gremium-bv-in', 'empfehlung'),
        row(newId, 'gremium-aboeab', 'empfehlung'),
        row(newId, 'gremium-afbl', 'empfehlung'),
        row(newId, 'gremium-rat', 'beschluss'),
      ],
      resolutions: [
        {
          bodyId: 'gremium-aboeab',
          text: 'Der Ausschuss für Bürgerdienste, öffentliche Ordnung, Anregungen und Beschwerden empfiehlt dem Rat der Stadt, wie folgt zu beschließen:',
        },
        {
          bodyId: 'gremium-rat',
          text: 'Der Rat der Stadt beschließt die Fortschreibung des Masterplans Kommunale Sicherheit in der als Anlage beigefügten Fassung.',
        },
      ],
      statement: parseRichText(
        '# Anlass\n\n# Ergebnisse der Evaluation\n\n# Handlungsfelder der Fortschreibung\n\n# Beteiligung\n\n# Weiteres Vorgehen',
      ),
    }),
  },
  {
    id: 'evaluationsbericht',
    name: 'Mitteilung Evaluationsbericht',
    description: 'Mitteilung zum Evaluationsbericht über die Projekte und Maßnahmen des Masterplans.',
    fields: (newId) => ({
      kind: 'mitteilung',
      subject: 'Masterplan Kommunale Sicherheit – Evaluationsbericht',
      consultations: [row(newId, 'gremium-aboeab', 'kenntnisnahme'), row(newId, 'gremium-rat', 'kenntnisnahme')],
      resolutions: [{ bodyId: null, text: 'Der Rat der Stadt nimmt den Evaluationsbericht zur Kenntnis.' }],
      statement: parseRichText('# Auftrag\n\n# Vorgehen der Evaluation\n\n# Ergebnisse\n\n# Empfehlungen'),
      climateImpact: 'keine',
      climateReason: 'Der Bericht dient der Information; unmittelbare Auswirkungen auf den Klimaschutz ergeben sich nicht.',
    }),
  },
];

export function emptySubmissionFields(): SubmissionFields {
  return {
    printNumberBase: null,
    printNumberSuffix: null,
    date: null,
    kind: 'beschlussvorlage',
    isPublic: true,
    subject: '',
    departmentOrgUnitId: null,
    leadOrgUnitId: null,
    involvedOrgUnitIds: [],
    author: '',
    fileReference: '',
    consultations: [],
    resolutions: [],
    statement: [],
    finances: { hasImpact: false, rows: [], coverage: '' },
    personnel: '',
    climateImpact: null,
    climateReason: '',
    extraSections: [],
    cosignatures: [],
    attachments: [],
    linkedMeasureIds: [],
    status: 'entwurf',
  };
}
