import { de } from '@shared/i18n/de';
import { addDays, addMonths } from '@shared/core/calendar';
import type { RegisterDocument } from '@shared/register/register';

/**
 * What the Löschkonzept says is due today: feedback contacts to delete, delegate names and closed
 * Anregungen to anonymise. Labels never contain the personal data itself (they end up in the audit trail).
 */
export const PRIVACY_KINDS = ['contact', 'member', 'proposal'] as const;
export type PrivacyKind = (typeof PRIVACY_KINDS)[number];

export interface PrivacyDueItem {
  kind: PrivacyKind;
  id: string;
  label: string;
  /** Day the retention period ended. */
  dueSince: string;
  action: 'delete' | 'anonymise';
}

const CLOSED_PROPOSAL_STATES = new Set(['uebernommen', 'erledigt', 'abgelehnt']);

export function privacyDue(doc: RegisterDocument, today: string): PrivacyDueItem[] {
  const items: PrivacyDueItem[] = [];
  const { contactGraceDays, memberMonthsAfterTerm, proposalYearsAfterClosing } = doc.retention;
  const proposals = new Map(doc.proposals.map((p) => [p.id, p]));
  for (const contact of doc.contacts) {
    const proposal = proposals.get(contact.proposalId);
    // Without its Anregung (deleted or anonymised) the contact has no purpose left.
    const start = !proposal
      ? contact.createdAt.slice(0, 10)
      : proposal.deletedAt
        ? proposal.deletedAt.slice(0, 10)
        : proposal.anonymisedAt
          ? proposal.anonymisedAt.slice(0, 10)
          : proposal.feedbackOn;
    if (!start) continue;
    const dueSince = proposal && !proposal.deletedAt && !proposal.anonymisedAt ? addDays(start, contactGraceDays) : start;
    if (dueSince <= today)
      items.push({
        kind: 'contact',
        id: contact.id,
        label: de.participation.privacyLabels.contact(proposal?.number ?? '–'),
        dueSince,
        action: 'delete',
      });
  }
  const bodies = new Map(doc.bodies.map((b) => [b.id, b.shortName || b.name]));
  for (const member of doc.bodyMembers) {
    if (member.anonymisedAt || !member.termEnd || (!member.delegate && !member.deputy)) continue;
    const dueSince = addMonths(member.termEnd, memberMonthsAfterTerm);
    if (dueSince <= today)
      items.push({
        kind: 'member',
        id: member.id,
        label: de.participation.privacyLabels.member(bodies.get(member.bodyId) ?? '', member.organisation),
        dueSince,
        action: 'anonymise',
      });
  }
  for (const proposal of doc.proposals) {
    if (proposal.anonymisedAt || !CLOSED_PROPOSAL_STATES.has(proposal.state)) continue;
    const dueSince = addMonths(proposal.stateChangedAt.slice(0, 10), proposalYearsAfterClosing * 12);
    if (dueSince <= today)
      items.push({
        kind: 'proposal',
        id: proposal.id,
        label: de.participation.privacyLabels.proposal(proposal.number),
        dueSince,
        action: 'anonymise',
      });
  }
  return items.sort((a, b) => a.dueSince.localeCompare(b.dueSince) || a.label.localeCompare(b.label));
}
