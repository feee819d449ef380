/** Datenschutz: what the retention periods make due, and deleting or anonymising it without a trace of the data. */
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, localDay } from '@shared/core/calendar';
import { privacyDue } from '@shared/privacy/privacyDue';
import type { PrivacyOverview } from '@shared/privacy/privacyContract';
import { de } from '@shared/i18n/de';
import { useTempDir } from '@tests/unit/helpers/tempDir';
import { failed, ok, openRegister, sampleDoc } from '@tests/unit/main/participation/setup';

describe('calendar arithmetic', () => {
  it('adds days and months the way a clerk counts (end of month clamped)', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-11-30', 14)).toBe('2028-01-30');
    expect(addMonths('2026-05-15', 60)).toBe('2031-05-15');
  });
});

describe('what is due', () => {
  const base = sampleDoc();
  const withFeedback = (feedbackOn: string | null, extra: Record<string, unknown> = {}) => ({
    ...base,
    proposals: base.proposals.map((p) =>
      p.id === 'anregung-2026-002' ? { ...p, feedbackText: feedbackOn ? 'Danke.' : '', feedbackOn, ...extra } : p,
    ),
  });

  it('a contact: the grace period after the Rückmeldung, not before', () => {
    const doc = withFeedback('2026-08-01');
    const grace = doc.retention.contactGraceDays;
    expect(privacyDue(doc, addDays('2026-08-01', grace - 1)).some((d) => d.kind === 'contact')).toBe(false);
    const due = privacyDue(doc, addDays('2026-08-01', grace)).find((d) => d.kind === 'contact')!;
    expect(due).toMatchObject({
      id: 'kontakt-01',
      action: 'delete',
      dueSince: addDays('2026-08-01', grace),
      label: 'Kontakt zur Anregung A-2026-002',
    });
    expect(privacyDue(withFeedback(null), '2099-01-01').some((d) => d.kind === 'contact')).toBe(false);
  });

  it('a contact whose Anregung went to the Papierkorb is due at once', () => {
    const doc = withFeedback(null, { deletedAt: '2026-10-05T10:00:00.000Z' });
    expect(privacyDue(doc, '2026-10-05').find((d) => d.kind === 'contact')?.dueSince).toBe('2026-10-05');
  });

  it('delegate names: months after the term; closed Anregungen: years after closing; anonymised ones never again', () => {
    const doc = { ...base, retention: { ...base.retention, memberMonthsAfterTerm: 24 } };
    expect(privacyDue(doc, '2026-10-30').some((d) => d.id === 'mitglied-12')).toBe(false);
    expect(privacyDue(doc, '2026-10-31').some((d) => d.id === 'mitglied-12')).toBe(true);
    const closedOn = base.proposals.find((p) => p.id === 'anregung-2026-004')!.stateChangedAt.slice(0, 10);
    const years = base.retention.proposalYearsAfterClosing;
    const proposalsDue = privacyDue(base, addMonths(closedOn, years * 12)).filter((d) => d.kind === 'proposal');
    expect(proposalsDue.map((d) => d.id)).toContain('anregung-2026-004');
    expect(proposalsDue.map((d) => d.id)).not.toContain('anregung-2026-002');
    const anonymised = { ...base, proposals: base.proposals.map((p) => ({ ...p, anonymisedAt: '2031-01-01T00:00:00.000Z' })) };
    expect(privacyDue(anonymised, '2099-01-01').some((d) => d.kind === 'proposal')).toBe(false);
  });
});

describe('applying the Löschkonzept through the API', () => {
  const dir = useTempDir('mpr-datenschutz-');

  it('deletes due contacts and anonymises due names; the audit trail records that, not the data', async () => {
    const doc = sampleDoc();
    const patched = {
      ...doc,
      proposals: doc.proposals.map((p) => (p.id === 'anregung-2026-002' ? { ...p, feedbackText: 'Danke.', feedbackOn: '2020-01-01' } : p)),
    };
    const r = await openRegister(dir.path, patched);
    const overview = ok<PrivacyOverview>(await r.call('getPrivacyOverview', {}));
    expect(overview.contacts).toBe(1);
    expect(overview.due.map((d) => d.id).sort()).toEqual(['kontakt-01', 'mitglied-12']);
    const applied = ok<{ value: { deleted: number; anonymised: number } }>(
      await r.call('applyPrivacy', { items: overview.due.map(({ kind, id }) => ({ kind, id })) }),
    );
    expect(applied.value).toEqual({ deleted: 1, anonymised: 1 });
    const disk = await r.onDisk();
    expect(disk.contacts).toEqual([]);
    const member = disk.bodyMembers.find((m) => m.id === 'mitglied-12')!;
    expect(member).toMatchObject({
      delegate: de.participation.anonymised,
      deputy: de.participation.anonymised,
      organisation: 'Jugendring Dortmund',
    });
    expect(member.anonymisedAt).not.toBeNull();
    const trail = JSON.stringify(disk.audit);
    for (const personal of ['Fischer, Lukas', 'Roth, Selin', 'Erika Beispiel', 'erika.beispiel@example.org'])
      expect(trail).not.toContain(personal);
    expect(disk.audit.filter((a) => a.action === 'anonymise' || (a.entityType === 'contact' && a.action === 'delete'))).toHaveLength(2);
    // Anonymised entries are history now: no edits.
    const { id, version, createdAt: _c, updatedAt: _u, anonymisedAt: _a, ...fields } = member;
    expect(failed(await r.call('saveBodyMember', { id, version, fields: { ...fields, delegate: 'Fischer, Lukas' } })).code).toBe(
      'FORBIDDEN',
    );
  });

  it('also removes the names from what the audit trail recorded when they were entered and changed', async () => {
    const r = await openRegister(dir.path);
    const fields = {
      bodyId: 'gremium-vollversammlung',
      organisation: 'Integrationsrat',
      orgUnitId: null,
      delegate: 'Demir, Ayla',
      deputy: '',
      role: 'beratend',
      termStart: '2015-11-01',
      termEnd: '2020-10-31',
      note: '',
    };
    const created = ok<{ value: { id: string; version: number } }>(
      await r.call('saveBodyMember', { id: null, version: null, fields }),
    ).value;
    ok(await r.call('saveBodyMember', { id: created.id, version: created.version, fields: { ...fields, deputy: 'Aksoy, Can' } }));
    expect(JSON.stringify((await r.onDisk()).audit)).toContain('Demir, Ayla');
    ok(await r.call('applyPrivacy', { items: [{ kind: 'member', id: created.id }] }));
    const disk = await r.onDisk();
    const trail = JSON.stringify(disk.audit);
    expect(trail).not.toContain('Demir, Ayla');
    expect(trail).not.toContain('Aksoy, Can');
    const entries = disk.audit.filter((a) => a.entityId === created.id);
    expect(entries.map((a) => a.action)).toEqual(['create', 'update', 'anonymise']);
    expect(entries[1]!.changes).toEqual([{ field: 'deputy', old: '', new: de.participation.anonymised }]);
  });

  it('does nothing for entries that are not due, and says so', async () => {
    const r = await openRegister(dir.path);
    const refused = failed(await r.call('applyPrivacy', { items: [{ kind: 'contact', id: 'kontakt-01' }] }));
    expect(refused.message).toBe(de.participation.errors.nothingDue);
    expect((await r.onDisk()).contacts).toHaveLength(1);
  });

  it('anonymising a closed Anregung keeps number, category, district and state, removes its words and its contact', async () => {
    const doc = sampleDoc();
    const patched = {
      ...doc,
      retention: { ...doc.retention, proposalYearsAfterClosing: 0 },
      proposals: doc.proposals.map((p) => (p.id === 'anregung-2026-002' ? { ...p, state: 'erledigt' as const } : p)),
    };
    const r = await openRegister(dir.path, patched);
    const due = ok<PrivacyOverview>(await r.call('getPrivacyOverview', {})).due.filter((d) => d.id === 'anregung-2026-002');
    expect(due).toHaveLength(1);
    ok(await r.call('applyPrivacy', { items: [{ kind: 'proposal', id: 'anregung-2026-002' }] }));
    const disk = await r.onDisk();
    const p = disk.proposals.find((x) => x.id === 'anregung-2026-002')!;
    expect(p).toMatchObject({
      number: 'A-2026-002',
      category: 'Beleuchtung',
      district: 'IN',
      state: 'erledigt',
      text: de.participation.anonymised,
      area: '',
    });
    expect(disk.contacts.some((c) => c.proposalId === p.id)).toBe(false);
  });

  it('saves retention periods with an audit entry; absurd values are refused', async () => {
    const r = await openRegister(dir.path);
    ok(await r.call('saveRetention', { retention: { contactGraceDays: 30, memberMonthsAfterTerm: 6, proposalYearsAfterClosing: 3 } }));
    const disk = await r.onDisk();
    expect(disk.retention).toEqual({ contactGraceDays: 30, memberMonthsAfterTerm: 6, proposalYearsAfterClosing: 3 });
    expect(disk.audit.at(-1)).toMatchObject({ entityType: 'retention', action: 'update' });
    expect(
      failed(await r.call('saveRetention', { retention: { contactGraceDays: -1, memberMonthsAfterTerm: 6, proposalYearsAfterClosing: 3 } }))
        .code,
    ).toBe('BAD_REQUEST');
    expect(
      failed(
        await r.call('saveRetention', { retention: { contactGraceDays: 1e9, memberMonthsAfterTerm: 6, proposalYearsAfterClosing: 3 } }),
      ).code,
    ).toBe('BAD_REQUEST');
    expect(localDay()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
