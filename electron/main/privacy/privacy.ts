import type { Saved } from '@shared/contract';
import type { PrivacyOverview } from '@shared/privacy/privacyContract';
import { localDay } from '@shared/core/calendar';
import { privacyDue, type PrivacyKind } from '@shared/privacy/privacyDue';
import { scrubAuditValues } from '@shared/audit/audit';
import { PROPOSAL_PERSONAL_FIELDS } from '@shared/participation/labs';
import type { RegisterDocument } from '@shared/register/register';
import type { Retention } from '@shared/privacy/retention';
import { de } from '@shared/i18n/de';
import { auditEntry } from '@main/audit/audit';
import { commitSaved } from '@main/participation/collection';
import { ServiceError } from '@main/core/errors';
import { listBackups, pruneBackups } from '@main/store/backups';
import { backupHolds } from '@shared/privacy/backupRetention';
import type { RegisterSession } from '@main/session/session';

/**
 * The Datenschutz view: retention periods, what is due, and deleting or anonymising it. The audit trail
 * records what was done to which entry, never the data that was removed; the values earlier entries
 * recorded for the removed fields are replaced too (the Löschkonzept overrides "never edited afterwards").
 */
export class PrivacyService {
  constructor(private readonly session: RegisterSession) {}

  async overview(): Promise<PrivacyOverview> {
    const { store } = this.session.requireOpen();
    const doc = store.doc;
    const { backupKeepLast, backupKeepDays } = this.session.settings.value;
    const backups = backupHolds(await listBackups(store.path), backupKeepLast, backupKeepDays);
    return {
      retention: doc.retention,
      due: privacyDue(doc, localDay()),
      contacts: doc.contacts.length,
      backups,
      backupKeepLast,
      backupKeepDays,
    };
  }

  /** After a deletion: backups outside the backup retention go now, not only at the next open. */
  private async pruneBackups(): Promise<void> {
    const { store } = this.session.requireOpen();
    const { backupKeepLast, backupKeepDays } = this.session.settings.value;
    await pruneBackups(store.path, backupKeepLast, backupKeepDays).catch(() => 0);
  }

  async saveRetention(retention: Retention): Promise<Saved<Retention>> {
    return commitSaved(this.session, (doc) => {
      const changes = (Object.keys(retention) as (keyof Retention)[])
        .filter((k) => doc.retention[k] !== retention[k])
        .map((field) => ({ field, old: doc.retention[field], new: retention[field] }));
      if (changes.length === 0) return { doc, result: doc.retention };
      const entry = auditEntry(this.session.userName, 'retention', doc.registerId, de.participation.retentionLabel, 'update', changes);
      return { doc: { ...doc, retention, audit: [...doc.audit, entry] }, result: retention };
    });
  }

  /** Applies only to entries that are still due when the write happens (another window may have been quicker). */
  async apply(items: { kind: PrivacyKind; id: string }[]): Promise<Saved<{ deleted: number; anonymised: number }>> {
    const saved = await this.applyToRegister(items);
    await this.pruneBackups();
    return saved;
  }

  private applyToRegister(items: { kind: PrivacyKind; id: string }[]): Promise<Saved<{ deleted: number; anonymised: number }>> {
    return commitSaved(this.session, (doc) => {
      const wanted = new Set(items.map((i) => `${i.kind}:${i.id}`));
      const due = privacyDue(doc, localDay()).filter((d) => wanted.has(`${d.kind}:${d.id}`));
      if (due.length === 0) throw new ServiceError('BAD_REQUEST', de.participation.errors.nothingDue);
      const now = new Date().toISOString();
      const user = this.session.userName;
      const ids = (kind: PrivacyKind) => new Set(due.filter((d) => d.kind === kind).map((d) => d.id));
      const contactIds = ids('contact');
      const memberIds = ids('member');
      const proposalIds = ids('proposal');
      const gone = de.participation.anonymised;
      const next: RegisterDocument = {
        ...doc,
        contacts: doc.contacts.filter((c) => !contactIds.has(c.id)),
        bodyMembers: doc.bodyMembers.map((m) =>
          memberIds.has(m.id)
            ? { ...m, delegate: m.delegate && gone, deputy: m.deputy && gone, anonymisedAt: now, updatedAt: now, version: m.version + 1 }
            : m,
        ),
        proposals: doc.proposals.map((p) =>
          proposalIds.has(p.id)
            ? {
                ...p,
                text: gone,
                feedbackText: p.feedbackText && gone,
                stateReason: p.stateReason && gone,
                area: '',
                anonymisedAt: now,
                updatedAt: now,
                version: p.version + 1,
              }
            : p,
        ),
        // The trail keeps that a field changed, not the words that were removed.
        audit: [
          ...scrubAuditValues(
            scrubAuditValues(doc.audit, memberIds, MEMBER_PERSONAL_FIELDS, gone),
            proposalIds,
            PROPOSAL_PERSONAL_FIELDS,
            gone,
          ),
          ...due.map((d) =>
            auditEntry(user, d.kind === 'member' ? 'bodyMember' : d.kind, d.id, d.label, d.action === 'delete' ? 'delete' : 'anonymise', [
              { field: 'retentionDueSince', old: null, new: d.dueSince },
            ]),
          ),
        ],
      };
      // The contact of an anonymised Anregung has no purpose left either.
      const orphaned = next.contacts.filter((c) => proposalIds.has(c.proposalId));
      const deleted = contactIds.size + orphaned.length;
      const finalDoc = orphaned.length
        ? {
            ...next,
            contacts: next.contacts.filter((c) => !proposalIds.has(c.proposalId)),
            audit: [
              ...next.audit,
              ...orphaned.map((c) =>
                auditEntry(
                  user,
                  'contact',
                  c.id,
                  de.participation.privacyLabels.contact(doc.proposals.find((p) => p.id === c.proposalId)?.number ?? '–'),
                  'delete',
                  [],
                ),
              ),
            ],
          }
        : next;
      return { doc: finalDoc, result: { deleted, anonymised: memberIds.size + proposalIds.size } };
    });
  }
}

const MEMBER_PERSONAL_FIELDS: ReadonlySet<string> = new Set(['delegate', 'deputy']);
