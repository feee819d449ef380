/** Anregungen through the API on a real register file: lifecycle, measure from an Anregung, contacts kept apart. */
import { describe, expect, it } from 'vitest';
import type { ProposalListItem } from '@shared/participation/participationContract';
import type { Proposal } from '@shared/participation/labs';
import type { Measure } from '@shared/register/measure';
import { de } from '@shared/i18n/de';
import { makeFields } from '@tests/fixtures/documents';
import { useTempDir } from '@tests/unit/helpers/tempDir';
import { failed, fieldsOf, ok, openRegister, type Opened } from './setup';

const participationValidationTexts = de.participation.validation;

function newProposal(overrides: Record<string, unknown> = {}) {
  return {
    number: 'A-2026-100',
    source: 'quartierslabor',
    labId: 'labor-nordmarkt',
    meetingId: null,
    receivedOn: '2026-10-01',
    text: 'Mehr Licht am Spielplatz.',
    category: 'Beleuchtung',
    district: 'IN',
    area: 'Spielplatz Nordmarkt',
    assignedOrgUnitId: 'ou-tiefbau',
    state: 'eingegangen',
    stateReason: '',
    measureId: null,
    feedbackText: '',
    feedbackOn: null,
    ...overrides,
  };
}

async function create(r: Opened, overrides: Record<string, unknown> = {}): Promise<Proposal> {
  return ok<{ value: Proposal }>(await r.call('saveProposal', { id: null, version: null, fields: newProposal(overrides) })).value;
}

async function move(r: Opened, p: Proposal, changes: Record<string, unknown>) {
  return r.call('saveProposal', { id: p.id, version: p.version, fields: { ...fieldsOf(p, 'stateChangedAt'), ...changes } });
}

const fieldOf = (error: { fields?: { field: string; message: string }[] }, field: string) =>
  error.fields?.find((f) => f.field === field)?.message;

describe('Anregungen', () => {
  const dir = useTempDir('mpr-anregung-');

  it('are stored durably with an audit entry naming only the number', async () => {
    const r = await openRegister(dir.path);
    const p = await create(r);
    const disk = await r.onDisk();
    expect(disk.proposals.find((x) => x.id === p.id)).toMatchObject({
      number: 'A-2026-100',
      state: 'eingegangen',
      deletedAt: null,
      anonymisedAt: null,
    });
    expect(disk.audit.at(-1)).toMatchObject({ entityType: 'proposal', action: 'create', entityLabel: 'Anregung A-2026-100' });
  });

  it('refuse a home address, a taken number and a lab Anregung without its lab, each at its field', async () => {
    const r = await openRegister(dir.path);
    const address = failed(await r.call('saveProposal', { id: null, version: null, fields: newProposal({ area: 'Musterstraße 12' }) }));
    expect(fieldOf(address, 'area')).toBe(participationValidationTexts.homeAddress);
    const taken = failed(await r.call('saveProposal', { id: null, version: null, fields: newProposal({ number: 'A-2026-001' }) }));
    expect(fieldOf(taken, 'number')).toBe(participationValidationTexts.numberTaken('A-2026-001'));
    const noLab = failed(await r.call('saveProposal', { id: null, version: null, fields: newProposal({ labId: null }) }));
    expect(fieldOf(noLab, 'labId')).toBe(participationValidationTexts.labRequired);
    expect((await r.onDisk()).proposals.some((p) => p.number === 'A-2026-100')).toBe(false);
  });

  it('follow the lifecycle: a rejection needs a reason, a closed one can only be reopened, the state change time moves', async () => {
    const r = await openRegister(dir.path);
    let p = await create(r);
    p = ok<{ value: Proposal }>(await move(r, p, { state: 'in_pruefung' })).value;
    const noReason = failed(await move(r, p, { state: 'abgelehnt' }));
    expect(fieldOf(noReason, 'stateReason')).toBe(participationValidationTexts.reasonRequired);
    const before = p.stateChangedAt;
    p = ok<{ value: Proposal }>(await move(r, p, { state: 'abgelehnt', stateReason: 'Privatgelände, nicht zuständig.' })).value;
    expect(p.stateChangedAt >= before).toBe(true);
    const jump = failed(await move(r, p, { state: 'erledigt' }));
    expect(fieldOf(jump, 'state')).toBe(participationValidationTexts.transition('abgelehnt', 'erledigt'));
    const taken = failed(await move(r, p, { state: 'uebernommen', measureId: 'm-hf2-05' }));
    expect(fieldOf(taken, 'state')).toBeDefined();
    p = ok<{ value: Proposal }>(await move(r, p, { state: 'in_pruefung' })).value;
    const noMeasure = failed(await move(r, p, { state: 'uebernommen' }));
    expect(fieldOf(noMeasure, 'measureId')).toBe(participationValidationTexts.measureRequired);
    const stored = (await r.onDisk()).proposals.find((x) => x.id === p.id)!;
    expect(stored.state).toBe('in_pruefung');
  });

  it('become a measure in one write, linked both ways, and cannot become a second one', async () => {
    const r = await openRegister(dir.path);
    const p = await create(r);
    const fields = makeFields({
      actionFieldId: 'hf2-2-0',
      number: 'HF2-90',
      title: 'Licht am Spielplatz Nordmarkt',
      origin: { kind: 'quartierslabor', reference: 'Anregung A-2026-100', printNumber: null },
    });
    const result = await r.call('createMeasureFromProposal', { proposalId: p.id, proposalVersion: p.version, fields });
    const { measure, proposal } = ok<{ value: { measure: Measure; proposal: Proposal } }>(result).value;
    expect(proposal).toMatchObject({ state: 'uebernommen', measureId: measure.id });
    const disk = await r.onDisk();
    expect(disk.measures.find((m) => m.id === measure.id)?.origin.reference).toBe('Anregung A-2026-100');
    expect(disk.proposals.find((x) => x.id === p.id)?.measureId).toBe(measure.id);
    const back = ok<{ proposals: { id: string }[] }>(await r.call('getMeasureParticipation', { measureId: measure.id }));
    expect(back.proposals.map((x) => x.id)).toEqual([p.id]);
    const again = failed(
      await r.call('createMeasureFromProposal', {
        proposalId: p.id,
        proposalVersion: proposal.version,
        fields: { ...fields, number: 'HF2-91' },
      }),
    );
    expect(again.message).toBe(de.participation.errors.proposalAlreadyTaken);
    expect((await r.onDisk()).measures.filter((m) => m.title === 'Licht am Spielplatz Nordmarkt')).toHaveLength(1);
  });

  it('a measure that fails its own rules leaves the Anregung untouched', async () => {
    const r = await openRegister(dir.path);
    const p = await create(r);
    const bad = failed(
      await r.call('createMeasureFromProposal', {
        proposalId: p.id,
        proposalVersion: p.version,
        fields: makeFields({ actionFieldId: 'gibt-es-nicht' }),
      }),
    );
    expect(bad.code).toBe('VALIDATION');
    expect((await r.onDisk()).proposals.find((x) => x.id === p.id)).toMatchObject({ state: 'eingegangen', measureId: null, version: 1 });
  });

  it('keep a Quartierslabor from being deleted while they refer to it', async () => {
    const r = await openRegister(dir.path);
    const lab = (await r.onDisk()).labs.find((l) => l.id === 'labor-phoenix')!;
    const refused = failed(await r.call('deleteLab', { id: lab.id, version: lab.version }));
    expect(refused.message).toBe(de.participation.errors.labInUse(2));
  });

  it('store a feedback contact only with consent, apart from the Anregung, and never copy it into lists or the audit trail', async () => {
    const r = await openRegister(dir.path);
    const p = await create(r);
    const contact = {
      name: 'Max Beispiel',
      channel: 'email',
      value: 'max@example.org',
      consentOn: '2026-10-01',
      consentNote: 'schriftlich',
    };
    const withoutConsent = failed(await r.call('saveProposalContact', { proposalId: p.id, fields: { ...contact, consentGiven: false } }));
    expect(withoutConsent.fields?.find((f) => f.field === 'consentGiven')?.message).toBe(participationValidationTexts.consentRequired);
    ok(await r.call('saveProposalContact', { proposalId: p.id, fields: { ...contact, consentGiven: true } }));
    const disk = await r.onDisk();
    expect(disk.contacts.find((c) => c.proposalId === p.id)).toMatchObject({ name: 'Max Beispiel', value: 'max@example.org' });
    expect(JSON.stringify(disk.proposals)).not.toContain('max@example.org');
    expect(JSON.stringify(disk.audit)).not.toContain('Max Beispiel');
    expect(JSON.stringify(disk.audit)).not.toContain('max@example.org');
    const listed = ok<ProposalListItem[]>(await r.call('listProposals', {})).find((x) => x.id === p.id)!;
    expect(listed.hasContact).toBe(true);
    expect(JSON.stringify(listed)).not.toContain('max@example.org');
    ok(await r.call('deleteProposalContact', { proposalId: p.id }));
    expect((await r.onDisk()).contacts.some((c) => c.proposalId === p.id)).toBe(false);
  });

  it('go to the Papierkorb and come back', async () => {
    const r = await openRegister(dir.path);
    const p = await create(r);
    ok(await r.call('deleteProposal', { id: p.id, version: p.version }));
    expect((await r.onDisk()).proposals.find((x) => x.id === p.id)?.deletedAt).not.toBeNull();
    const edit = failed(await move(r, { ...p, version: p.version + 1 }, { text: 'geändert' }));
    expect(edit.code).toBe('NOT_FOUND');
    ok(await r.call('restoreProposal', { id: p.id }));
    expect((await r.onDisk()).proposals.find((x) => x.id === p.id)?.deletedAt).toBeNull();
  });
});
