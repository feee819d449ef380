/**
 * What the clerk reads when a Vorlage is not ready (shared/submissions/submissionRules.ts): the list of
 * missing fields in the order of the form, each with the German sentence the editor shows and the export
 * refuses with, and the edges of each rule (blanks count as empty, a row number counts from 1, one amount
 * is enough). Written against the survivors of a mutation run; the messages are written out here, not
 * read from the texts, so a changed sentence is a deliberate change.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_BODIES } from '@shared/participation/body';
import { parseRichText } from '@shared/core/richText';
import { SUBMISSION_STATUSES, type SubmissionFields } from '@shared/submissions/submission';
import { checkCompleteness, isReleased, printNumberTaken } from '@shared/submissions/submissionRules';
import { emptySubmissionFields } from '@shared/submissions/submissionTemplates';

const ctx = { bodies: DEFAULT_BODIES, measureIds: new Set(['m-1', 'm-2']) };

type Consultation = SubmissionFields['consultations'][number];
const consultation = (overrides: Partial<Consultation> = {}): Consultation => ({
  id: 'c',
  bodyId: 'gremium-rat',
  sessionDate: '2026-03-26',
  role: 'beschluss',
  result: 'offen',
  resultNote: '',
  ...overrides,
});

/** A Beschlussvorlage with nothing missing; each test spoils one thing. */
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
    consultations: [consultation()],
    ...overrides,
  };
}

const fieldsOf = (s: SubmissionFields) => checkCompleteness(s, ctx).map((p) => p.field);
const messagesOf = (s: SubmissionFields) => checkCompleteness(s, ctx).map((p) => p.message);

describe('the completeness list as the clerk reads it', () => {
  it('names every missing field of a new Beschlussvorlage in the order of the form, in German', () => {
    expect(checkCompleteness(emptySubmissionFields(), ctx)).toEqual([
      { field: 'subject', message: 'Der Betreff fehlt.' },
      { field: 'date', message: 'Das Datum der Vorlage fehlt.' },
      { field: 'leadOrgUnitId', message: 'Die federführende Stelle fehlt.' },
      { field: 'resolutions', message: 'Eine Beschlussvorlage braucht einen Beschlussvorschlag.' },
      { field: 'statement', message: 'Der Sachverhalt ist leer.' },
      { field: 'climateImpact', message: 'Bitte die Auswirkungen auf den Klimaschutz angeben (positiv, negativ oder keine).' },
      { field: 'climateReason', message: 'Die Einschätzung zum Klimaschutz braucht eine Begründung – auch bei „keine“.' },
      { field: 'consultations', message: 'Die Beratungsfolge ist leer.' },
    ]);
  });

  it('keeps the order of the form when the later parts are wrong too', () => {
    const s: SubmissionFields = {
      ...emptySubmissionFields(),
      printNumberSuffix: 'E1',
      resolutions: [{ bodyId: null, text: 'Der Rat beschließt die als Anlage beigefügte Fassung.' }],
      statement: parseRichText('# Ausgangslage\n\nText\n\n# Ausblick'),
      extraSections: [
        { id: 'x1', title: ' Zeitplan ', body: [] },
        { id: 'x2', title: 'Kosten', body: parseRichText('# Haushalt') },
      ],
      climateImpact: 'keine',
      climateReason: '',
      consultations: [
        consultation({ id: 'c1', role: 'empfehlung', bodyId: 'gremium-aboeab' }),
        consultation({ id: 'c2', bodyId: 'gremium-weg', sessionDate: null }),
      ],
      finances: { hasImpact: true, rows: [], coverage: ' ' },
      linkedMeasureIds: ['m-weg'],
    };
    expect(checkCompleteness(s, ctx)).toEqual([
      { field: 'subject', message: 'Der Betreff fehlt.' },
      { field: 'date', message: 'Das Datum der Vorlage fehlt.' },
      { field: 'leadOrgUnitId', message: 'Die federführende Stelle fehlt.' },
      { field: 'printNumberBase', message: 'Eine Ergänzung (-E1) braucht die Nummer der Ursprungsvorlage.' },
      {
        field: 'statement',
        message: 'Der Abschnitt „Ausblick“ ist leer – bitte ausfüllen oder die Überschrift entfernen.',
      },
      { field: 'extraSections.0', message: 'Der weitere Abschnitt „Zeitplan“ hat keinen Text.' },
      {
        field: 'extraSections.1',
        message: 'Der Abschnitt „Haushalt“ ist leer – bitte ausfüllen oder die Überschrift entfernen.',
      },
      {
        field: 'attachments',
        message: 'Der Text verweist auf eine Anlage („als Anlage beigefügt“), es ist aber keine Anlage aufgenommen.',
      },
      { field: 'climateReason', message: 'Die Einschätzung zum Klimaschutz braucht eine Begründung – auch bei „keine“.' },
      { field: 'consultations.1.bodyId', message: 'Beratungsfolge Zeile 2: Dieses Gremium ist nicht (mehr) in der Liste.' },
      {
        field: 'consultations.1.sessionDate',
        message: 'Beratungsfolge Zeile 2: Für das beschließende Gremium fehlt der Sitzungstermin.',
      },
      { field: 'finances', message: 'Bei finanziellen Auswirkungen bitte mindestens ein Jahr mit Beträgen angeben.' },
      {
        field: 'finances.coverage',
        message: 'Bei finanziellen Auswirkungen bitte die Deckung beschreiben (z. B. „Deckung ist gegeben“).',
      },
      { field: 'linkedMeasureIds', message: 'Eine verknüpfte Maßnahme gibt es nicht (mehr).' },
    ]);
  });

  it('a Beratungsfolge without a deciding body says so (not that it is empty)', () => {
    expect(checkCompleteness(complete({ consultations: [consultation({ role: 'vorberatung' })] }), ctx)).toEqual([
      { field: 'consultations', message: 'In der Beratungsfolge fehlt ein Gremium, das beschließt oder entscheidet.' },
    ]);
  });

  it('a Mitteilung without a Beratungsfolge is still told that it is empty', () => {
    expect(messagesOf(complete({ kind: 'mitteilung', consultations: [] }))).toEqual(['Die Beratungsfolge ist leer.']);
  });
});

describe('edges of the rules', () => {
  it('a Begründung of blanks counts as none', () => {
    expect(fieldsOf(complete({ climateReason: '  \n ' }))).toEqual(['climateReason']);
  });

  it('the row number counts from 1 in the order of the Beratungsfolge', () => {
    const s = complete({
      consultations: [consultation({ id: 'c1' }), consultation({ id: 'c2' }), consultation({ id: 'c3', bodyId: 'gremium-weg' })],
    });
    expect(messagesOf(s)).toEqual(['Beratungsfolge Zeile 3: Dieses Gremium ist nicht (mehr) in der Liste.']);
  });

  describe('weitere Abschnitte', () => {
    const section = (title: string, markup: string) => ({ id: 'x', title, body: parseRichText(markup) });

    it('one with a title and text is complete', () => {
      expect(fieldsOf(complete({ extraSections: [section('Ausblick', 'Text')] }))).toEqual([]);
    });

    it('an untitled empty one (a row added and left) is not reported', () => {
      expect(fieldsOf(complete({ extraSections: [section('', '')] }))).toEqual([]);
    });

    it('a title of blanks is no title', () => {
      expect(fieldsOf(complete({ extraSections: [section('   ', '')] }))).toEqual([]);
    });

    it('names the title without the blanks around it', () => {
      expect(messagesOf(complete({ extraSections: [section('  Ausblick  ', '')] }))).toEqual([
        'Der weitere Abschnitt „Ausblick“ hat keinen Text.',
      ]);
    });

    it('a heading inside it left empty is named with the section to jump to', () => {
      expect(checkCompleteness(complete({ extraSections: [section('Ausblick', 'Text\n\n# Zeitplan')] }), ctx)).toEqual([
        {
          field: 'extraSections.0',
          message: 'Der Abschnitt „Zeitplan“ ist leer – bitte ausfüllen oder die Überschrift entfernen.',
        },
      ]);
    });

    it('its text may promise an Anlage too', () => {
      expect(fieldsOf(complete({ extraSections: [section('Ausblick', 'Der Zeitplan ist als Anlage beigefügt.')] }))).toEqual([
        'attachments',
      ]);
    });
  });

  describe('finanzielle Auswirkungen', () => {
    type Row = SubmissionFields['finances']['rows'][number];
    const finances = (rows: Row[], coverage = 'Deckung ist gegeben.') => complete({ finances: { hasImpact: true, rows, coverage } });

    it('one cent in one year is an amount, investive or consumptive', () => {
      expect(fieldsOf(finances([{ year: 2026, investiveCents: 1, consumptiveCents: null }]))).toEqual([]);
      expect(fieldsOf(finances([{ year: 2026, investiveCents: null, consumptiveCents: 1 }]))).toEqual([]);
    });

    it('one year with an amount among empty ones is enough', () => {
      const rows = [
        { year: 2026, investiveCents: null, consumptiveCents: null },
        { year: 2027, investiveCents: 0, consumptiveCents: 250_000 },
      ];
      expect(fieldsOf(finances(rows))).toEqual([]);
    });

    it('zero is no amount', () => {
      expect(fieldsOf(finances([{ year: 2026, investiveCents: 0, consumptiveCents: 0 }]))).toEqual(['finances']);
    });

    it('a Deckung of blanks counts as none', () => {
      expect(fieldsOf(finances([{ year: 2026, investiveCents: 100, consumptiveCents: null }], ' \n '))).toEqual(['finances.coverage']);
    });

    it('without financial impact neither is asked', () => {
      expect(fieldsOf(complete({ finances: { hasImpact: false, rows: [], coverage: '' } }))).toEqual([]);
    });
  });

  it('linked measures that all exist are fine', () => {
    expect(fieldsOf(complete({ linkedMeasureIds: ['m-1', 'm-2'] }))).toEqual([]);
  });

  describe('a text that promises an Anlage', () => {
    // Each wording on its own, single-spaced, and as typed or pasted with several blanks or a line break.
    it.each([
      'Der Plan ist als Anlage beigefügt.',
      'Die Karten sind als Anlagen beigefügt.',
      'Einzelheiten siehe Anlage 1.',
      'Die Kosten stehen in der Anlage.',
      'Die beigefügte Anlage zeigt den Plan.',
      'Die beigefügten Anlagen zeigen den Plan.',
      'Das anliegende Konzept',
      'Der Plan ist als  Anlage  beigefügt.',
      'Der Plan ist als Anlage \n beigefügt.',
      'Einzelheiten siehe \n Anlage 1.',
      'Die Kosten stehen in  der  Anlage.',
      'Die beigefügte  Anlage zeigt den Plan.',
    ])('„%s“ without an Anlage', (text) => {
      expect(fieldsOf(complete({ personnel: text }))).toEqual(['attachments']);
    });

    it.each(['Das Anlagevermögen bleibt unverändert.', 'Die Grünanlage wird beleuchtet.', 'Die Hauptanlage ist fertig.'])(
      '„%s“ promises none',
      (text) => {
        expect(fieldsOf(complete({ personnel: text }))).toEqual([]);
      },
    );
  });
});

describe('released statuses', () => {
  it('every status from freigegeben on may be printed as final; Entwurf and Mitzeichnung only as a draft', () => {
    const released = Object.fromEntries(SUBMISSION_STATUSES.map((status) => [status, isReleased(status)]));
    expect(released).toEqual({
      entwurf: false,
      mitzeichnung: false,
      freigegeben: true,
      eingebracht: true,
      beschlossen: true,
      abgelehnt: true,
      vertagt: true,
      zurueckgezogen: true,
    });
  });
});

describe('a Drucksache-Nr. already taken', () => {
  it('a Vorlage without a number never collides, not even with others without one', () => {
    const others = [{ id: 'a', printNumberBase: null, printNumberSuffix: null, deletedAt: null }];
    expect(printNumberTaken({ printNumberBase: null, printNumberSuffix: null }, 'x', others)).toBe(false);
  });
});
