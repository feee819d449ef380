/**
 * Deterministic evaluation data for the benchmark (tests/bench/xlsx.ts): Kennzahlen with yearly values
 * for every active measure of a generated register, one round ("Evaluationsbericht 2024") and an
 * assessment for most measures. Same register, options and seed → same data. Not used by the app.
 */
import type { Assessment, EvaluationRound, Indicator, IndicatorValue } from '@shared/evaluation/evaluation';
import { RATINGS, RECOMMENDATIONS } from '@shared/evaluation/evaluation';
import type { RegisterDocument } from '@shared/register/register';
import { createRandom } from './generate';

export interface EvaluationDataOptions {
  indicatorsPerMeasure: number;
  /** Yearly values from `firstYear` on, e.g. 6 → 2019–2024. */
  years: number;
  firstYear?: number;
  /** Share of the active measures that get an assessment in the round. */
  assessedShare?: number;
  seed?: number;
}

const KINDS = [
  { name: 'Gemeldete Angsträume', unit: 'Meldungen', direction: 'lower', source: 'Quartierslabore, Mängelmelder', base: [40, 120] },
  { name: 'Straftaten im Straßenraum', unit: 'Fälle', direction: 'lower', source: 'Polizeiliche Kriminalstatistik (PKS)', base: [80, 400] },
  {
    name: 'Anteil der Befragten, die sich sicher fühlen',
    unit: '%',
    direction: 'higher',
    source: 'Bürgerbefragung Sicherheitsgefühl',
    base: [35, 75],
  },
  {
    name: 'Präsenzstunden des Kommunalen Ordnungsdienstes',
    unit: 'Stunden',
    direction: 'higher',
    source: 'Einsatzstatistik Ordnungsamt',
    base: [1000, 6000],
  },
  { name: 'Teilnehmende an Beratungsangeboten', unit: 'Personen', direction: 'higher', source: 'eigene Zählung', base: [20, 400] },
  { name: 'Beschwerden über Vermüllung', unit: 'Beschwerden', direction: 'lower', source: 'Mängelmelder', base: [30, 250] },
] as const;

const REASONS = [
  'Die Maßnahme wirkt wie geplant; die Kennzahlen entwickeln sich in die gewünschte Richtung.',
  'Umgesetzt, aber bisher ohne messbare Wirkung; die Begleitevaluation läuft noch.',
  'Die Umsetzung verzögert sich wegen fehlender Haushaltsmittel.',
  'Zu wenige Daten für eine Bewertung; eine weitere Befragungswelle ist geplant.',
] as const;

const ASSESSORS = ['Sicherheitskoordination', 'Petra Schulte', 'Mehmet Yilmaz', 'Anja Kowalski'] as const;

/** The register with Kennzahlen, one round and assessments added (the input is not changed). */
export function withEvaluationData(register: RegisterDocument, options: EvaluationDataOptions): RegisterDocument {
  const r = createRandom((options.seed ?? 2024) ^ register.measures.length);
  const firstYear = options.firstYear ?? 2019;
  const stamp = '2024-10-01T08:00:00.000Z';
  const indicators: Indicator[] = [];
  const active = register.measures.filter((m) => !m.deletedAt);
  for (const m of active) {
    for (let k = 0; k < options.indicatorsPerMeasure; k++) {
      const kind = KINDS[(k + r.int(0, KINDS.length - 1)) % KINDS.length]!;
      const baseline = r.int(kind.base[0], kind.base[1]);
      const change = 0.1 + r.next() * 0.4;
      const target = Math.round(kind.direction === 'higher' ? baseline * (1 + change) : baseline * (1 - change));
      const values: IndicatorValue[] = [];
      for (let y = 0; y < options.years; y++) {
        const progress = (y + 1) / options.years;
        const noise = (r.next() - 0.4) * 0.3;
        const raw = baseline + (target - baseline) * (progress + noise);
        values.push({ year: firstYear + y, period: '', value: kind.unit === '%' ? Math.round(raw * 10) / 10 : Math.round(raw), note: '' });
      }
      indicators.push({
        id: r.uuid(),
        measureId: m.id,
        name: `${kind.name} (${m.number})`,
        type: k % 2 === 0 ? 'outcome' : 'output',
        unit: kind.unit,
        direction: kind.direction,
        dataSource: kind.source,
        method: 'Jahreswert zum 31.12.',
        baselineValue: baseline,
        baselineYear: firstYear - 1,
        targetValue: target,
        targetYear: firstYear + options.years - 1,
        thresholdGood: null,
        thresholdCritical: null,
        comparisonArea: '',
        comparisonPeriod: '',
        values,
        version: 1,
        createdAt: stamp,
        updatedAt: stamp,
        deletedAt: null,
      });
    }
  }
  const round: EvaluationRound = {
    id: 'bench-runde-2024',
    name: 'Evaluationsbericht 2024',
    date: '2024-10-15',
    cutOffDate: '2024-12-31',
    actionFieldIds: [],
    description: 'Evaluation der Maßnahmen nach fünf Jahren (Benchmark).',
    closed: false,
    version: 1,
    createdAt: stamp,
    updatedAt: stamp,
  };
  const assessments: Assessment[] = active
    .filter(() => r.chance(options.assessedShare ?? 0.8))
    .map((m) => ({
      id: r.uuid(),
      roundId: round.id,
      measureId: m.id,
      rating: r.pick(RATINGS),
      reasoning: r.pick(REASONS),
      recommendation: r.chance(0.9) ? r.pick(RECOMMENDATIONS) : null,
      assessor: r.pick(ASSESSORS),
      date: '2024-09-30',
      version: 1,
      createdAt: stamp,
      updatedAt: stamp,
    }));
  return { ...register, indicators, evaluationRounds: [round], assessments };
}
