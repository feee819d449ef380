/**
 * The completeness check of a Vorlage and the status rules, driven by the enums themselves: every
 * Vorlagenart with every Beratungsfolge role, every status pair. The expected answers are written out
 * here (not read from the rule's own constants), so a rule that drops a kind or a role fails.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_BODIES } from '@shared/participation/body';
import { PROPOSAL_STATES } from '@shared/participation/labs';
import { canMoveProposal } from '@shared/participation/participationRules';
import { parseRichText } from '@shared/core/richText';
import {
  canChangeStatus,
  CONSULTATION_ROLES,
  SUBMISSION_KINDS,
  SUBMISSION_STATUSES,
  type SubmissionFields,
} from '@shared/submissions/submission';
import { checkCompleteness } from '@shared/submissions/submissionRules';
import { emptySubmissionFields } from '@shared/submissions/submissionTemplates';

const ctx = { bodies: DEFAULT_BODIES, measureIds: new Set(['m-1']) };

/** Vorlagenarten that ask a body to decide: they need a Beschlussvorschlag and a deciding body. */
const DECIDING_KINDS = new Set(['beschlussvorlage', 'dringlichkeitsentscheidung']);
/** Beratungsfolge roles in which a body decides. */
const DECIDING_ROLES = new Set(['beschluss', 'entscheidung']);

function fields(
  kind: SubmissionFields['kind'],
  role: SubmissionFields['consultations'][number]['role'],
  resolution: string,
): SubmissionFields {
  return {
    ...emptySubmissionFields(),
    kind,
    subject: 'Masterplan Kommunale Sicherheit – Sachstand',
    date: '2026-03-01',
    leadOrgUnitId: 'ou-32',
    resolutions: resolution ? [{ bodyId: null, text: resolution }] : [],
    statement: parseRichText('Text'),
    climateImpact: 'keine',
    climateReason: 'Keine Auswirkungen.',
    consultations: [{ id: 'c1', bodyId: 'gremium-rat', sessionDate: '2026-04-01', role, result: 'offen', resultNote: '' }],
  };
}

describe('completeness: every Vorlagenart × every Beratungsfolge role', () => {
  it('the tables cover the enums as they are', () => {
    expect([...SUBMISSION_KINDS].sort()).toEqual(
      ['bericht', 'beantwortung', 'beschlussvorlage', 'dringlichkeitsentscheidung', 'mitteilung', 'stellungnahme'].sort(),
    );
    expect([...CONSULTATION_ROLES].sort()).toEqual(
      ['anhoerung', 'beschluss', 'empfehlung', 'entscheidung', 'kenntnisnahme', 'vorberatung'].sort(),
    );
  });

  const rows = SUBMISSION_KINDS.flatMap((kind) => CONSULTATION_ROLES.map((role) => [kind, role] as const));

  it.each(rows)('%s with a Beschlussvorschlag, body in role %s', (kind, role) => {
    const expected = DECIDING_KINDS.has(kind) && !DECIDING_ROLES.has(role) ? ['consultations'] : [];
    expect(checkCompleteness(fields(kind, role, 'Der Rat beschließt …'), ctx).map((p) => p.field)).toEqual(expected);
  });

  it.each(rows)('%s without a Beschlussvorschlag, body in role %s', (kind, role) => {
    const expected = DECIDING_KINDS.has(kind) ? ['resolutions', ...(DECIDING_ROLES.has(role) ? [] : ['consultations'])] : [];
    expect(checkCompleteness(fields(kind, role, ''), ctx).map((p) => p.field)).toEqual(expected);
  });

  it.each([...DECIDING_KINDS])('%s: one deciding body among several advising ones is enough', (kind) => {
    const f = fields(kind as SubmissionFields['kind'], 'empfehlung', 'Beschluss');
    f.consultations.push({
      id: 'c2',
      bodyId: 'gremium-rat',
      sessionDate: '2026-04-01',
      role: 'entscheidung',
      result: 'offen',
      resultNote: '',
    });
    expect(checkCompleteness(f, ctx)).toEqual([]);
  });

  it.each(SUBMISSION_KINDS)('%s: a deciding body needs its session date only on a deciding Vorlage', (kind) => {
    const f = fields(kind, 'entscheidung', 'Beschluss');
    f.consultations[0]!.sessionDate = null;
    expect(checkCompleteness(f, ctx).map((p) => p.field)).toEqual(DECIDING_KINDS.has(kind) ? ['consultations.0.sessionDate'] : []);
  });

  it.each(SUBMISSION_KINDS)('%s: a Beschlussvorschlag of blanks counts as none', (kind) => {
    const problems = checkCompleteness(fields(kind, 'beschluss', '   \n '), ctx).map((p) => p.field);
    expect(problems).toEqual(DECIDING_KINDS.has(kind) ? ['resolutions'] : []);
  });
});

describe('status of a Vorlage: every pair', () => {
  /** Allowed moves besides staying put, written out. */
  const ALLOWED: Record<string, string[]> = {
    entwurf: ['mitzeichnung', 'freigegeben', 'zurueckgezogen'],
    mitzeichnung: ['entwurf', 'freigegeben', 'zurueckgezogen'],
    freigegeben: ['entwurf', 'eingebracht', 'zurueckgezogen'],
    eingebracht: ['beschlossen', 'abgelehnt', 'vertagt', 'zurueckgezogen'],
    vertagt: ['eingebracht', 'beschlossen', 'abgelehnt', 'zurueckgezogen'],
    beschlossen: ['eingebracht'],
    abgelehnt: ['eingebracht'],
    zurueckgezogen: ['entwurf'],
  };
  it('covers every status', () => expect(Object.keys(ALLOWED).sort()).toEqual([...SUBMISSION_STATUSES].sort()));
  const rows = SUBMISSION_STATUSES.flatMap((from) =>
    SUBMISSION_STATUSES.map((to) => [from, to, from === to || ALLOWED[from]!.includes(to)] as const),
  );
  it.each(rows)('%s → %s: %s', (from, to, allowed) => {
    expect(canChangeStatus(from, to)).toBe(allowed);
  });
});

describe('state of an Anregung: every pair', () => {
  const ALLOWED: Record<string, string[]> = {
    eingegangen: ['in_pruefung', 'uebernommen', 'erledigt', 'abgelehnt'],
    in_pruefung: ['eingegangen', 'uebernommen', 'erledigt', 'abgelehnt'],
    uebernommen: ['in_pruefung'],
    erledigt: ['in_pruefung'],
    abgelehnt: ['in_pruefung'],
  };
  it('covers every state', () => expect(Object.keys(ALLOWED).sort()).toEqual([...PROPOSAL_STATES].sort()));
  const rows = PROPOSAL_STATES.flatMap((from) =>
    PROPOSAL_STATES.map((to) => [from, to, from === to || ALLOWED[from]!.includes(to)] as const),
  );
  it.each(rows)('%s → %s: %s', (from, to, allowed) => {
    expect(canMoveProposal(from, to)).toBe(allowed);
  });
});
