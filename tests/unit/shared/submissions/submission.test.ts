import { describe, expect, it } from 'vitest';
import { DEFAULT_BODIES } from '@shared/participation/body';
import { cleanText, parseInline, parseRichText, toMarkup } from '@shared/core/richText';
import {
  canChangeStatus,
  formatPrintNumber,
  nextSuffix,
  parsePrintNumber,
  submissionFieldsSchema,
  type SubmissionFields,
} from '@shared/submissions/submission';
import { diffLines, diffSubmissionFields } from '@shared/submissions/submissionDiff';
import { checkCompleteness, exportProblems, isReleased, printNumberTaken } from '@shared/submissions/submissionRules';
import { emptySubmissionFields, SUBMISSION_TEMPLATES } from '@shared/submissions/submissionTemplates';

let counter = 0;
const newId = () => `id-${++counter}`;
const ctx = { bodies: DEFAULT_BODIES, measureIds: new Set(['m-1', 'm-2']) };

function complete(overrides: Partial<SubmissionFields> = {}): SubmissionFields {
  return {
    ...emptySubmissionFields(),
    subject: 'Masterplan Kommunale Sicherheit – Sachstand',
    date: '2026-03-01',
    leadOrgUnitId: 'ou-32',
    resolutions: [{ bodyId: null, text: 'Der Rat beschließt …' }],
    statement: parseRichText('Text'),
    climateImpact: 'keine',
    climateReason: 'Keine Auswirkungen, weil es ein Bericht ist.',
    consultations: [{ id: 'c1', bodyId: 'gremium-rat', sessionDate: '2026-03-26', role: 'beschluss', result: 'offen', resultNote: '' }],
    ...overrides,
  };
}

describe('Drucksache-Nr.', () => {
  it.each([
    ['12534-18', { base: '12534-18', suffix: null }],
    ['12534-18-E1', { base: '12534-18', suffix: 'E1' }],
    [' 26093-22-E12 ', { base: '26093-22', suffix: 'E12' }],
    ['1234-18', null],
    ['12534-2018', null],
    ['12534-18-E0', null],
    ['12534-18-A1', null],
    ['', null],
  ])('parses %j', (text, expected) => {
    expect(parsePrintNumber(text)).toEqual(expected);
  });

  it('formats base and suffix, and is empty without a base', () => {
    expect(formatPrintNumber({ printNumberBase: '12534-18', printNumberSuffix: 'E2' })).toBe('12534-18-E2');
    expect(formatPrintNumber({ printNumberBase: null, printNumberSuffix: null })).toBe('');
  });

  it('gives the next free follow-up suffix', () => {
    const existing = [
      { printNumberBase: '12534-18', printNumberSuffix: null },
      { printNumberBase: '12534-18', printNumberSuffix: 'E1' },
      { printNumberBase: '12534-18', printNumberSuffix: 'E3' },
      { printNumberBase: '99999-20', printNumberSuffix: 'E7' },
    ];
    expect(nextSuffix('12534-18', existing)).toBe('E4');
    expect(nextSuffix('11111-19', existing)).toBe('E1');
  });

  it('detects a number already used by another active submission, not by itself or a deleted one', () => {
    const others = [
      { id: 'a', printNumberBase: '12534-18', printNumberSuffix: null, deletedAt: null },
      { id: 'b', printNumberBase: '12534-18', printNumberSuffix: 'E1', deletedAt: '2026-01-01T00:00:00.000Z' },
    ];
    expect(printNumberTaken({ printNumberBase: '12534-18', printNumberSuffix: null }, 'x', others)).toBe(true);
    expect(printNumberTaken({ printNumberBase: '12534-18', printNumberSuffix: null }, 'a', others)).toBe(false);
    expect(printNumberTaken({ printNumberBase: '12534-18', printNumberSuffix: 'E1' }, 'x', others)).toBe(false);
    expect(printNumberTaken({ printNumberBase: null, printNumberSuffix: null }, 'x', others)).toBe(false);
  });
});

describe('rich text markup', () => {
  it('parses headings, paragraphs, lists, tables and bold/italic', () => {
    const blocks = parseRichText(
      '# Anlass\n\nErster **fetter** und *kursiver* Satz\nzweite Zeile.\n\n- eins\n- zwei\n\n1. erstens\n2. zweitens\n\n| Jahr | Betrag |\n| --- | --- |\n| 2025 | 10 |\n\n## Unterpunkt',
    );
    expect(blocks).toEqual([
      { type: 'heading', level: 1, text: 'Anlass' },
      {
        type: 'paragraph',
        runs: [
          { text: 'Erster ', bold: false, italic: false },
          { text: 'fetter', bold: true, italic: false },
          { text: ' und ', bold: false, italic: false },
          { text: 'kursiver', bold: false, italic: true },
          { text: ' Satz zweite Zeile.', bold: false, italic: false },
        ],
      },
      { type: 'bulletList', items: [parseInline('eins'), parseInline('zwei')] },
      { type: 'numberedList', items: [parseInline('erstens'), parseInline('zweitens')] },
      {
        type: 'table',
        rows: [
          ['Jahr', 'Betrag'],
          ['2025', '10'],
        ],
      },
      { type: 'heading', level: 2, text: 'Unterpunkt' },
    ]);
  });

  it('round-trips through the markup', () => {
    const markup = '# Titel\n\nText mit **fett**.\n\n- a\n- b\n\n1. x\n2. y\n\n| a | b |\n| c | d |';
    expect(parseRichText(toMarkup(parseRichText(markup)))).toEqual(parseRichText(markup));
  });

  it('removes control characters and Word paste junk, keeps umlauts', () => {
    expect(cleanText('Stra\u00ADße\u200B mit\u0007 Glocke\u00A0und\ttab\r\nneu')).toBe('Straße mit Glocke und tab\nneu');
    const blocks = parseRichText('Bürger\u0000innen\u000Bfragen');
    expect(blocks).toEqual([{ type: 'paragraph', runs: [{ text: 'Bürgerinnenfragen', bold: false, italic: false }] }]);
  });

  it('keeps an unclosed marker as text', () => {
    expect(parseInline('5 * 3 = 15')).toEqual([{ text: '5 * 3 = 15', bold: false, italic: false }]);
  });
});

describe('completeness check', () => {
  it('accepts a complete Beschlussvorlage', () => {
    expect(checkCompleteness(complete(), ctx)).toEqual([]);
  });

  const cases: [string, Partial<SubmissionFields>, string[]][] = [
    ['no Betreff', { subject: '  ' }, ['subject']],
    ['no date', { date: null }, ['date']],
    ['empty Beschlussvorschlag on a Beschlussvorlage', { resolutions: [{ bodyId: null, text: ' ' }] }, ['resolutions']],
    ['Mitteilung needs no Beschlussvorschlag', { kind: 'mitteilung', resolutions: [] }, []],
    ['Klimaschutz not chosen', { climateImpact: null }, ['climateImpact']],
    ['Klimaschutz "keine" without a reason', { climateImpact: 'keine', climateReason: '' }, ['climateReason']],
    [
      'no deciding body',
      { consultations: [{ id: 'c', bodyId: 'gremium-aboeab', sessionDate: null, role: 'empfehlung', result: 'offen', resultNote: '' }] },
      ['consultations'],
    ],
    ['empty Beratungsfolge', { consultations: [] }, ['consultations']],
    [
      'unknown body',
      {
        consultations: [{ id: 'c', bodyId: 'gremium-weg', sessionDate: '2026-03-26', role: 'beschluss', result: 'offen', resultNote: '' }],
      },
      ['consultations.0.bodyId'],
    ],
    [
      'deciding body without a session date',
      { consultations: [{ id: 'c', bodyId: 'gremium-rat', sessionDate: null, role: 'beschluss', result: 'offen', resultNote: '' }] },
      ['consultations.0.sessionDate'],
    ],
    [
      'a Mitteilung needs no dates for Kenntnisnahme',
      {
        kind: 'mitteilung',
        consultations: [{ id: 'c', bodyId: 'gremium-rat', sessionDate: null, role: 'kenntnisnahme', result: 'offen', resultNote: '' }],
      },
      [],
    ],
    ['a template section left empty', { statement: parseRichText('# Ausgangslage\n\nText\n\n# Ausblick') }, ['statement']],
    ['a sub-section with text fills its section', { statement: parseRichText('# Stand\n\n## Verzögerungen\n\nText') }, []],
    ['an extra section with a title and no text', { extraSections: [{ id: 'x', title: 'Ausblick', body: [] }] }, ['extraSections.0']],
    [
      '"als Anlage beigefügt" without an Anlage',
      { resolutions: [{ bodyId: null, text: 'Der Rat beschließt die als Anlage beigefügte Fassung.' }] },
      ['attachments'],
    ],
    [
      'an Anlage that is there',
      {
        resolutions: [{ bodyId: null, text: 'Der Rat beschließt die als Anlage beigefügte Fassung.' }],
        attachments: [
          {
            id: 'a',
            title: 'Plan',
            fileName: 'plan.pdf',
            storedName: 'a.pdf',
            size: 1,
            sha256: 'a'.repeat(64),
            addedAt: '2026-03-01T10:00:00.000Z',
          },
        ],
      },
      [],
    ],
    [
      '"in der als Anlage beigefügten" Fassung without an Anlage',
      { resolutions: [{ bodyId: null, text: 'Der Rat beschließt den Plan in der als Anlage beigefügten Fassung.' }] },
      ['attachments'],
    ],
    ['"siehe Anlage" in the Sachverhalt without an Anlage', { statement: parseRichText('Einzelheiten siehe Anlage 1.') }, ['attachments']],
    [
      'finances without amounts and coverage',
      { finances: { hasImpact: true, rows: [{ year: 2026, investiveCents: null, consumptiveCents: 0 }], coverage: '' } },
      ['finances', 'finances.coverage'],
    ],
    ['empty Sachverhalt', { statement: [] }, ['statement']],
    ['vanished measure', { linkedMeasureIds: ['m-1', 'm-weg'] }, ['linkedMeasureIds']],
    ['suffix without base', { printNumberSuffix: 'E1' }, ['printNumberBase']],
  ];
  it.each(cases)('%s', (_name, overrides, fields) => {
    expect(checkCompleteness(complete(overrides), ctx).map((p) => p.field)).toEqual(fields);
  });
});

describe('what may be printed as final', () => {
  it('refuses a Vorlage not yet released, naming its status first', () => {
    expect(isReleased('entwurf')).toBe(false);
    expect(isReleased('mitzeichnung')).toBe(false);
    expect(isReleased('freigegeben')).toBe(true);
    const problems = exportProblems(complete({ status: 'entwurf' }), ctx);
    expect(problems).toEqual([
      {
        field: 'status',
        message: 'Die Vorlage ist noch nicht freigegeben (Status „Entwurf“). Sie kann nur als Entwurf ausgegeben werden.',
      },
    ]);
    expect(exportProblems(complete({ status: 'eingebracht' }), ctx)).toEqual([]);
  });

  it('names the empty template section', () => {
    const problems = checkCompleteness(complete({ statement: parseRichText('# Ausgangslage\n\nText\n\n# Ausblick') }), ctx);
    expect(problems.map((p) => p.message)).toEqual(['Der Abschnitt „Ausblick“ ist leer – bitte ausfüllen oder die Überschrift entfernen.']);
  });
});

describe('status transitions', () => {
  it.each([
    ['entwurf', 'mitzeichnung', true],
    ['entwurf', 'beschlossen', false],
    ['eingebracht', 'beschlossen', true],
    ['beschlossen', 'entwurf', false],
    ['zurueckgezogen', 'entwurf', true],
    ['vertagt', 'beschlossen', true],
  ] as const)('%s → %s: %s', (from, to, allowed) => {
    expect(canChangeStatus(from, to)).toBe(allowed);
  });
});

describe('templates', () => {
  it.each(SUBMISSION_TEMPLATES.map((t) => [t.name, t] as const))(
    '%s gives valid fields with a Beratungsfolge of known bodies',
    (_name, template) => {
      const fields = { ...emptySubmissionFields(), ...template.fields(newId) };
      expect(submissionFieldsSchema.safeParse(fields).success).toBe(true);
      expect(fields.consultations.length).toBeGreaterThan(0);
      const known = new Set(DEFAULT_BODIES.map((b) => b.id));
      expect(fields.consultations.every((c) => known.has(c.bodyId))).toBe(true);
      expect(fields.statement.some((b) => b.type === 'heading')).toBe(true);
    },
  );
});

describe('revision comparison', () => {
  it('lists changed fields with readable before/after text', () => {
    const a = complete();
    const b = complete({ subject: 'Neuer Betreff', statement: parseRichText('Text\n\nNeuer Absatz') });
    const diffs = diffSubmissionFields(a, b);
    expect(diffs.map((d) => d.field)).toEqual(['subject', 'statement']);
    expect(diffs[1]).toEqual({ field: 'statement', before: 'Text', after: 'Text\n\nNeuer Absatz' });
  });

  it('aligns lines: kept, removed, added', () => {
    expect(diffLines('a\nb\nc', 'a\nx\nc\nd')).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'added', text: 'x' },
      { kind: 'removed', text: 'b' },
      { kind: 'same', text: 'c' },
      { kind: 'added', text: 'd' },
    ]);
  });
});
