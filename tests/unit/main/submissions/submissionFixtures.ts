/**
 * Test submissions for the Word and OParl exports: one per template (on the sample register's bodies
 * and measures), one with everything filled (lists, tables, bold/italic, finances, cosignatures,
 * attachments, 200 linked measures, not public), a minimal one, a very long one and one full of Word
 * paste junk. Every builder returns fresh objects.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeRegister } from '@main/store/decode';
import type { SubmissionDocxInput } from '@main/submissions/submissionDocx';
import type { Measure } from '@shared/register/measure';
import type { RegisterDocument } from '@shared/register/register';
import { parseRichText, type Block, type Run } from '@shared/core/richText';
import type { Submission, SubmissionFields } from '@shared/submissions/submission';
import { emptySubmissionFields, SUBMISSION_TEMPLATES } from '@shared/submissions/submissionTemplates';
import { makeMeasure, STAMP } from '@tests/fixtures/documents';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..', '..');
export const GENERATED_AT = new Date('2025-03-04T10:00:00.000Z');

let cachedSample: string | null = null;

/** resources/sample-register.json, decoded and validated (a fresh copy per call). */
export function sampleRegister(): RegisterDocument {
  cachedSample ??= readFileSync(path.join(ROOT, 'resources', 'sample-register.json'), 'utf8');
  return decodeRegister(cachedSample).doc;
}

export function toSubmission(fields: SubmissionFields, overrides: Partial<Submission> = {}): Submission {
  return {
    ...fields,
    id: 'vorlage-1',
    baseSubmissionId: null,
    version: 3,
    createdAt: STAMP,
    updatedAt: STAMP,
    deletedAt: null,
    ...overrides,
  };
}

/** Everything buildSubmissionDocx needs besides the submission, taken from a register. */
export function inputFor(
  register: RegisterDocument,
  submission: Submission,
  extra: Partial<SubmissionDocxInput> = {},
): SubmissionDocxInput {
  return {
    submission,
    bodies: register.bodies,
    orgUnits: register.orgUnits,
    statuses: register.statuses,
    actionFields: register.actionFields,
    measures: register.measures,
    logo: null,
    generatedAt: GENERATED_AT,
    ...extra,
  };
}

function counter(prefix: string): () => string {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

/**
 * A template applied as the editor does (emptySubmissionFields + template.fields()), with what a clerk
 * fills in right after: number, date, offices, author, a few linked measures and, where the template
 * leaves it open, the climate assessment.
 */
export function templateSubmission(templateId: string, register = sampleRegister()): Submission {
  const template = SUBMISSION_TEMPLATES.find((tpl) => tpl.id === templateId);
  if (!template) throw new Error(`unknown template ${templateId}`);
  const fields: SubmissionFields = { ...emptySubmissionFields(), ...template.fields(counter('row')) };
  const bodyIds = new Set(register.bodies.map((b) => b.id));
  fields.consultations = fields.consultations.filter((c) => bodyIds.has(c.bodyId));
  fields.printNumberBase = '12534-18';
  fields.printNumberSuffix = templateId === 'sachstandsbericht' ? 'E1' : null;
  fields.date = '2025-02-20';
  fields.departmentOrgUnitId = 'ou-3-dez';
  fields.leadOrgUnitId = 'ou-sicherheitskoordination';
  fields.involvedOrgUnitIds = ['ou-fb32', 'ou-jugendamt', 'ou-polizei'];
  fields.author = 'Frau Beispiel';
  fields.fileReference = '32/SK-2025-014';
  // Every section the template brings gets its text (an empty one is incomplete and is not printed).
  fields.statement = [
    ...fields.statement.flatMap((block) =>
      block.type === 'heading' ? [block, ...parseRichText(`Ausführungen zu „${block.text}“ für den Rat.`)] : [block],
    ),
    ...parseRichText('Die Verwaltung berichtet über den Stand der Maßnahmen des Masterplans Kommunale Sicherheit.'),
  ];
  fields.status = 'freigegeben';
  fields.consultations = fields.consultations.map((c) =>
    c.role === 'beschluss' || c.role === 'entscheidung' ? { ...c, sessionDate: '2025-03-27' } : c,
  );
  // The Fortschreibung's Beschlussvorschlag names "die als Anlage beigefügte Fassung": it has the Anlage.
  if (templateId === 'fortschreibung')
    fields.attachments = [
      {
        id: 'anlage-fassung',
        title: 'Masterplan 2.0',
        fileName: 'Masterplan_2.0.pdf',
        storedName: `${'b'.repeat(64)}.pdf`,
        size: 2_484_000,
        sha256: 'b'.repeat(64),
        addedAt: '2025-02-18T09:00:00.000Z',
      },
    ];
  fields.climateImpact ??= 'keine';
  if (fields.climateReason.trim() === '') fields.climateReason = 'Unmittelbare Auswirkungen auf den Klimaschutz ergeben sich nicht.';
  fields.linkedMeasureIds = register.measures
    .filter((m) => !m.deletedAt)
    .slice(0, 5)
    .map((m) => m.id);
  return toSubmission(fields, { id: `vorlage-${templateId}` });
}

/** 200 additional measures for the register of the full submission (ids `m-001` …). */
export function manyMeasures(register: RegisterDocument, count = 200): Measure[] {
  const units = register.orgUnits.map((u) => u.id);
  const statuses = register.statuses.map((s) => s.key);
  return Array.from({ length: count }, (_, k) => {
    const i = k + 1;
    return makeMeasure(i, {
      id: `m-${String(i).padStart(3, '0')}`,
      number: `HF${(k % 3) + 1}-${String(i).padStart(3, '0')}`,
      title: `Maßnahme ${i}: Präsenz und Beleuchtung im Quartier ${i % 12}`,
      actionFieldId: register.actionFields[k % register.actionFields.length]!.id,
      status: statuses[k % statuses.length]!,
      statusReason: 'Begründung',
      linkedMeasureId: null,
      leadOrgUnitId: units[k % units.length]!,
      budget:
        k % 4 === 0
          ? []
          : [
              {
                year: 2025,
                plannedCents: 1_000_000 + k * 12_345,
                approvedCents: null,
                spentCents: null,
                fundingSource: 'haushalt',
                budgetPosition: '',
              },
            ],
    });
  });
}

const run = (text: string, bold = false, italic = false): Run => ({ text, bold, italic });

/** Sachverhalt with every block type: headings on three levels, bold/italic runs, both lists, a table. */
export function richStatement(): Block[] {
  return [
    { type: 'heading', level: 1, text: 'Ausgangslage' },
    {
      type: 'paragraph',
      runs: [
        run('Der Rat hat den Masterplan am 14.02.2019 '),
        run('einstimmig', true),
        run(' beschlossen; der Bericht ist '),
        run('fristgerecht', false, true),
        run(' vorgelegt.'),
      ],
    },
    { type: 'heading', level: 2, text: 'Rechtlicher Rahmen' },
    { type: 'paragraph', runs: [run('Grundlage ist § 41 GO NRW.')] },
    { type: 'heading', level: 3, text: 'Zuständigkeiten' },
    {
      type: 'bulletList',
      items: [[run('Ordnungsamt (FB 32)')], [run('Jugendamt', true), run(' (FB 51)')], [run('Polizeipräsidium Dortmund')]],
    },
    { type: 'heading', level: 1, text: 'Stand der Umsetzung' },
    {
      type: 'numberedList',
      items: [[run('Bestandsaufnahme abgeschlossen')], [run('Beteiligung der Bezirksvertretung')], [run('Umsetzung ab 2025')]],
    },
    {
      type: 'table',
      rows: [
        ['Handlungsfeld', 'Maßnahmen', 'davon umgesetzt'],
        ['Sichere Nachbarschaft', '12', '7'],
        ['Sichere öffentliche Räume', '14', '9'],
        ['Sichere Infrastruktur', '8', '3'],
      ],
    },
    { type: 'paragraph', runs: [run('')] },
    { type: 'heading', level: 1, text: 'Ausblick' },
    { type: 'paragraph', runs: [run('Die Verwaltung berichtet erneut im Herbst 2025.')] },
  ];
}

/** Everything filled: not public, per-body resolutions, finances, cosignatures, attachments, 200 measures. */
export function fullSubmission(): { register: RegisterDocument; submission: Submission } {
  const register = sampleRegister();
  const extra = manyMeasures(register);
  register.measures = [...register.measures, ...extra];
  const fields: SubmissionFields = {
    ...emptySubmissionFields(),
    printNumberBase: '12534-18',
    printNumberSuffix: 'E1',
    date: '2025-02-20',
    kind: 'beschlussvorlage',
    isPublic: false,
    subject: 'Fortschreibung des Masterplans Kommunale Sicherheit – Videobeobachtung Brückstraße',
    departmentOrgUnitId: 'ou-3-dez',
    leadOrgUnitId: 'ou-fb32',
    involvedOrgUnitIds: ['ou-sicherheitskoordination', 'ou-jugendamt', 'ou-polizei', 'ou-cityring'],
    author: 'Herr Mustermann',
    fileReference: '32/1-2025-007',
    consultations: [
      { id: 'c1', bodyId: 'gremium-vv', sessionDate: '2025-03-11', role: 'empfehlung', result: 'zugestimmt', resultNote: '' },
      {
        id: 'c2',
        bodyId: 'gremium-bv-in',
        sessionDate: '2025-03-19',
        role: 'empfehlung',
        result: 'geaendert',
        resultNote: 'mit Prüfauftrag zur Beleuchtung',
      },
      { id: 'c3', bodyId: 'gremium-aboeab', sessionDate: '2025-04-01', role: 'empfehlung', result: 'offen', resultNote: '' },
      { id: 'c4', bodyId: 'gremium-rat', sessionDate: null, role: 'beschluss', result: 'offen', resultNote: '' },
    ],
    resolutions: [
      { bodyId: 'gremium-aboeab', text: 'Der Ausschuss empfiehlt dem Rat der Stadt, wie folgt zu beschließen:' },
      {
        bodyId: 'gremium-rat',
        text: 'Der Rat der Stadt beschließt:\n1. die Fortschreibung des Masterplans in der Fassung der Anlage 1,\n2. die Weiterführung der Videobeobachtung Brückstraße bis 2027,\n3. einen Bericht im Herbst 2026.',
      },
    ],
    statement: richStatement(),
    finances: {
      hasImpact: true,
      rows: [
        { year: 2026, investiveCents: 12_000_000, consumptiveCents: 4_550_000 },
        { year: 2025, investiveCents: 25_000_000, consumptiveCents: null },
      ],
      coverage: 'Deckung ist gegeben.\nDie Mittel sind im Haushaltsplan 2025 veranschlagt.',
    },
    personnel: 'Eine zusätzliche Stelle (EG 11) im Ordnungsamt.',
    climateImpact: 'negativ',
    climateReason: 'Der Betrieb der Kameras verbraucht Strom.\n- etwa 4.000 kWh im Jahr\n- Ökostrom der DEW21',
    extraSections: [
      {
        id: 'x1',
        title: 'Auswirkungen auf die Gleichstellung',
        body: parseRichText('# Prüfung\n\nDie Maßnahme wirkt sich **positiv** auf das Sicherheitsgefühl von Frauen aus.'),
      },
    ],
    cosignatures: [
      { id: 'k1', orgUnitId: 'ou-jugendamt', person: 'Frau Schmidt', date: '2025-02-18', vote: 'einverstanden', note: '' },
      {
        id: 'k2',
        orgUnitId: 'ou-polizei',
        person: 'Herr Krause',
        date: null,
        vote: 'mit_aenderungen',
        note: 'Datenschutzhinweis ergänzen',
      },
    ],
    attachments: [
      {
        id: 'a1',
        title: 'Masterplan, Fassung 2025',
        fileName: 'Masterplan_2025.pdf',
        storedName: `${'a'.repeat(64)}.pdf`,
        size: 2_345_678,
        sha256: 'a'.repeat(64),
        addedAt: STAMP,
      },
      {
        id: 'a2',
        title: 'Evaluationsbericht',
        fileName: 'Evaluation.docx',
        storedName: `${'b'.repeat(64)}.docx`,
        size: 10,
        sha256: 'b'.repeat(64),
        addedAt: STAMP,
      },
    ],
    linkedMeasureIds: extra.map((m) => m.id),
    status: 'mitzeichnung',
  };
  return { register, submission: toSubmission(fields, { id: 'vorlage-voll' }) };
}

/** A fresh draft with nothing filled in at all. */
export function minimalSubmission(): Submission {
  return toSubmission(emptySubmissionFields(), { id: 'vorlage-leer' });
}

const SENTENCES = [
  'Die Verwaltung hat die Maßnahmen des Masterplans gemeinsam mit der Polizei, den Bezirksvertretungen und den Partnern im Quartier ausgewertet.',
  'Dabei zeigt sich, dass die Präsenz des Kommunalen Ordnungsdienstes in den Abendstunden von den Anwohnenden besonders geschätzt wird.',
  'Die Zahl der Beschwerden über Vermüllung und Lärm ist im Vergleich zum Vorjahr deutlich zurückgegangen, in einzelnen Straßenzügen aber gestiegen.',
  'Für eine dauerhafte Wirkung sind zusätzliche Mittel für Beleuchtung, Reinigung und aufsuchende Sozialarbeit erforderlich.',
  'Die Ergebnisse der Quartierslabore fließen in die Fortschreibung ein und werden der Vollversammlung zur Beratung vorgelegt.',
];

/** A Sachverhalt of roughly fifty pages: 60 chapters with sub-chapters, paragraphs, lists and tables. */
export function longStatement(chapters = 60): Block[] {
  const blocks: Block[] = [];
  for (let c = 1; c <= chapters; c++) {
    blocks.push({ type: 'heading', level: 1, text: `Kapitel ${c}: Handlungsfeld und Quartier` });
    for (let s = 1; s <= 2; s++) {
      blocks.push({ type: 'heading', level: 2, text: `Abschnitt ${c}.${s}` });
      for (let p = 0; p < 3; p++) {
        const text = Array.from({ length: 4 }, (_, k) => SENTENCES[(c + s + p + k) % SENTENCES.length]).join(' ');
        blocks.push({ type: 'paragraph', runs: [run(text.slice(0, 40), true), run(text.slice(40))] });
      }
    }
    blocks.push({
      type: 'bulletList',
      items: [[run('Beleuchtung verbessert')], [run('Reinigung verstärkt')], [run('Streetwork ausgebaut')]],
    });
    if (c % 5 === 0)
      blocks.push({
        type: 'table',
        rows: [
          ['Jahr', 'Einsätze', 'Beschwerden'],
          ...Array.from({ length: 6 }, (_, k) => [String(2019 + k), String(100 + k * c), String(50 - k)]),
        ],
      });
  }
  return blocks;
}

/** Control characters, soft hyphens, zero-width and BOM characters, NBSP, lone surrogates, line separators. */
export const JUNK =
  'Zeile\u0001 mit\u0007 Steuer\u000Bzeichen\u00AD und\u200B Word\uFEFF-Müll\u00A0\uD800 \u2028und Umbruch\u0000\u001F\u007F\u0085';

export function junkSubmission(): Submission {
  const fields: SubmissionFields = {
    ...emptySubmissionFields(),
    subject: `Betreff ${JUNK}`,
    author: `Bearbeiter ${JUNK}`,
    fileReference: JUNK,
    consultations: [{ id: 'c1', bodyId: 'gremium-rat', sessionDate: null, role: 'beschluss', result: 'offen', resultNote: JUNK }],
    resolutions: [{ bodyId: null, text: `${JUNK}\n- ${JUNK}\n1. ${JUNK}` }],
    statement: [
      { type: 'heading', level: 1, text: JUNK },
      { type: 'paragraph', runs: [run(JUNK, true), run(JUNK, false, true)] },
      { type: 'bulletList', items: [[run(JUNK)]] },
      { type: 'table', rows: [[JUNK, JUNK], [JUNK]] },
    ],
    finances: { hasImpact: true, rows: [{ year: 2025, investiveCents: 100, consumptiveCents: null }], coverage: JUNK },
    personnel: JUNK,
    climateImpact: 'keine',
    climateReason: JUNK,
    extraSections: [{ id: 'x', title: JUNK, body: [] }],
    cosignatures: [{ id: 'k', orgUnitId: null, person: JUNK, date: null, vote: 'offen', note: JUNK }],
    attachments: [
      {
        id: 'a',
        title: JUNK,
        fileName: `${JUNK}.pdf`,
        storedName: `${'c'.repeat(64)}.pdf`,
        size: 0,
        sha256: 'c'.repeat(64),
        addedAt: STAMP,
      },
    ],
  };
  return toSubmission(fields, { id: 'vorlage-junk' });
}
