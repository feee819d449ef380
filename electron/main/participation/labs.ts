import { randomUUID } from 'node:crypto';
import type { Saved } from '@shared/contract';
import type { ProposalListItem } from '@shared/participation/participationContract';
import { labFieldsSchema, proposalFieldsSchema } from '@shared/participation/labs';
import type { ContactFields, FeedbackContact, Lab, LabFields, Proposal, ProposalFields } from '@shared/participation/labs';
import type { Measure, MeasureFields } from '@shared/register/measure';
import { checkProposal } from '@shared/participation/participationRules';
import type { RegisterDocument } from '@shared/register/register';
import { de } from '@shared/i18n/de';
import { auditEntry } from '@main/audit/audit';
import { type CollectionSpec, commitSaved, findEntry, refuse, restoreEntry, saveEntry, trashEntry } from './collection';
import { ServiceError } from '@main/core/errors';
import { addMeasure, replaceAt } from '@main/register/measures';
import type { RegisterSession } from '@main/session/session';

const LABS: CollectionSpec<'labs'> = {
  key: 'labs',
  entityType: 'lab',
  fieldNames: Object.keys(labFieldsSchema.shape),
  describe: (l) => l.name,
};
const PROPOSALS: CollectionSpec<'proposals'> = {
  key: 'proposals',
  entityType: 'proposal',
  fieldNames: Object.keys(proposalFieldsSchema.shape),
  // The number only: the text may reveal opinions and is anonymised later, the audit trail is not.
  describe: (p) => `Anregung ${p.number}`,
};

type SaveRequest<F> = { id: string | null; version: number | null; fields: F };

/** Quartierslabore, Anregungen and their feedback contacts (kept apart, only with consent). */
export class LabService {
  constructor(private readonly session: RegisterSession) {}

  private get doc(): RegisterDocument {
    return this.session.requireOpen().store.doc;
  }

  labs(): Lab[] {
    return this.doc.labs;
  }

  async saveLab(request: SaveRequest<LabFields>): Promise<Saved<Lab>> {
    return this.commit((doc) => {
      const problems = request.fields.sessions.flatMap((s, i) =>
        s.invitedCount !== null && s.attendingCount !== null && s.attendingCount > s.invitedCount
          ? [{ field: `sessions.${i}.attendingCount`, message: de.participation.validation.attendingAboveInvited }]
          : [],
      );
      refuse(problems);
      return saveEntry(doc, LABS, request, this.session.userName, (before) => (before ? {} : { deletedAt: null }));
    });
  }

  async deleteLab(id: string, version: number): Promise<Saved<null>> {
    return this.commit((doc) => {
      const users = doc.proposals.filter((p) => p.labId === id && !p.deletedAt).length;
      if (users > 0) throw new ServiceError('IN_USE', de.participation.errors.labInUse(users));
      return { doc: trashEntry(doc, LABS, id, version, this.session.userName), result: null };
    });
  }

  async restoreLab(id: string): Promise<Saved<null>> {
    return this.commit((doc) => ({ doc: restoreEntry(doc, LABS, id, this.session.userName), result: null }));
  }

  proposals(): ProposalListItem[] {
    const doc = this.doc;
    const withContact = new Set(doc.contacts.map((c) => c.proposalId));
    return doc.proposals.map((p) => ({ ...p, hasContact: withContact.has(p.id) }));
  }

  async saveProposal(request: SaveRequest<ProposalFields>): Promise<Saved<Proposal>> {
    return this.commit((doc) => {
      const before = request.id ? findEntry(doc, 'proposals', request.id).item : null;
      refuse(checkProposal(request.fields, before, doc));
      return saveEntry(doc, PROPOSALS, request, this.session.userName, (previous, now) =>
        previous
          ? previous.state !== request.fields.state
            ? { stateChangedAt: now }
            : {}
          : { stateChangedAt: now, deletedAt: null, anonymisedAt: null },
      );
    });
  }

  async deleteProposal(id: string, version: number): Promise<Saved<null>> {
    return this.commit((doc) => ({ doc: trashEntry(doc, PROPOSALS, id, version, this.session.userName), result: null }));
  }

  async restoreProposal(id: string): Promise<Saved<null>> {
    return this.commit((doc) => ({ doc: restoreEntry(doc, PROPOSALS, id, this.session.userName), result: null }));
  }

  /** One write: the measure is created and the Anregung points to it ("übernommen in Maßnahme"). */
  async createMeasure(
    proposalId: string,
    proposalVersion: number,
    fields: MeasureFields,
  ): Promise<Saved<{ measure: Measure; proposal: Proposal }>> {
    return this.commit((doc) => {
      const { item: proposal } = findEntry(doc, 'proposals', proposalId);
      if (proposal.deletedAt) throw new ServiceError('NOT_FOUND', de.api.notFound);
      if (proposal.version !== proposalVersion) throw new ServiceError('CONFLICT', de.api.conflict);
      if (proposal.state === 'uebernommen') throw new ServiceError('CONFLICT', de.participation.errors.proposalAlreadyTaken);
      if (proposal.state === 'abgelehnt' || proposal.state === 'erledigt')
        throw new ServiceError('CONFLICT', de.participation.errors.proposalClosedForMeasure);
      const created = addMeasure(doc, fields, this.session.userName);
      const { proposalFields } = splitProposal(proposal);
      const saved = saveEntry(
        created.doc,
        PROPOSALS,
        {
          id: proposal.id,
          version: proposal.version,
          fields: { ...proposalFields, state: 'uebernommen' as const, measureId: created.measure.id },
        },
        this.session.userName,
        () => ({ stateChangedAt: new Date().toISOString() }),
      );
      return { doc: saved.doc, result: { measure: created.measure, proposal: saved.result } };
    });
  }

  contact(proposalId: string): FeedbackContact | null {
    return this.doc.contacts.find((c) => c.proposalId === proposalId) ?? null;
  }

  /** The audit trail records that a contact was stored or changed, never its content. */
  async saveContact(proposalId: string, fields: ContactFields): Promise<Saved<FeedbackContact>> {
    return this.commit((doc) => {
      const { item: proposal } = findEntry(doc, 'proposals', proposalId);
      if (proposal.deletedAt) throw new ServiceError('NOT_FOUND', de.api.notFound);
      if (proposal.anonymisedAt) throw new ServiceError('FORBIDDEN', de.participation.errors.anonymisedReadOnly);
      const now = new Date().toISOString();
      const index = doc.contacts.findIndex((c) => c.proposalId === proposalId);
      const before = doc.contacts[index];
      const contact: FeedbackContact = {
        ...fields,
        id: before?.id ?? randomUUID(),
        proposalId,
        createdAt: before?.createdAt ?? now,
        updatedAt: now,
      };
      const changed = Object.keys(fields).filter((k) => before?.[k as keyof ContactFields] !== fields[k as keyof ContactFields]);
      if (before && changed.length === 0) return { doc, result: before };
      const entry = auditEntry(
        this.session.userName,
        'contact',
        contact.id,
        de.participation.privacyLabels.contact(proposal.number),
        before ? 'update' : 'create',
        [
          { field: 'consentOn', old: before?.consentOn ?? null, new: fields.consentOn },
          ...changed.filter((k) => k !== 'consentOn').map((field) => ({ field, old: before ? '…' : null, new: '…' })),
        ],
      );
      const contacts = before ? replaceAt(doc.contacts, index, contact) : [...doc.contacts, contact];
      return { doc: { ...doc, contacts, audit: [...doc.audit, entry] }, result: contact };
    });
  }

  async deleteContact(proposalId: string): Promise<Saved<null>> {
    return this.commit((doc) => {
      const contact = doc.contacts.find((c) => c.proposalId === proposalId);
      if (!contact) throw new ServiceError('NOT_FOUND', de.api.notFound);
      const number = doc.proposals.find((p) => p.id === proposalId)?.number ?? '–';
      const entry = auditEntry(this.session.userName, 'contact', contact.id, de.participation.privacyLabels.contact(number), 'delete', []);
      return { doc: { ...doc, contacts: doc.contacts.filter((c) => c.id !== contact.id), audit: [...doc.audit, entry] }, result: null };
    });
  }

  private commit<T>(change: (doc: RegisterDocument) => { doc: RegisterDocument; result: T }): Promise<Saved<T>> {
    return commitSaved(this.session, change);
  }
}

function splitProposal(p: Proposal): { proposalFields: ProposalFields } {
  const { id: _id, version: _v, createdAt: _c, updatedAt: _u, stateChangedAt: _s, deletedAt: _d, anonymisedAt: _a, ...proposalFields } = p;
  return { proposalFields };
}
