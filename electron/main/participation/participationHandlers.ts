import { localDay } from '@shared/core/calendar';
import { measureParticipation } from '@shared/participation/measureParticipation';
import { de } from '@shared/i18n/de';
import { ServiceError } from '@main/core/errors';
import type { HandlerContext, Handlers } from '@main/core/handlers';
import { SubmissionService } from '@main/submissions/submissions';
import { LabService } from './labs';
import { ParticipationService } from './participation';
import { lazy } from '@main/core/lazy';
import { TrackingService } from './tracking';
import type { participationContract } from '@shared/participation/participationContract';

/** Binds the Gremien & Beteiligung methods of the contract to their services. */
export function participationHandlers({ session, desktop, exports: tracker }: HandlerContext): Handlers<typeof participationContract> {
  const bodies = new ParticipationService(session);
  const labs = new LabService(session);
  const tracking = new TrackingService(session);
  // SubmissionService keeps no state of its own (only the session), so this instance equals the one of submissionsHandlers.
  // Word letters and minutes, Excel lists: their builders load on first use or in idle time (core/lazy.ts).
  const exports = lazy(
    async () =>
      new (await import('./participationExport')).ParticipationExportService(session, new SubmissionService(session), desktop, tracker),
  );
  return {
    listBodyMembers: ({ bodyId }) => bodies.members(bodyId),
    saveBodyMember: (request) => bodies.saveMember(request),
    deleteBodyMember: ({ id, version }) => bodies.deleteMember(id, version),
    listMeetings: () => bodies.meetings(),
    getMeeting: ({ id }) => bodies.meeting(id),
    saveMeeting: (request) => bodies.saveMeeting(request),
    deleteMeeting: ({ id, version }) => bodies.deleteMeeting(id, version),
    restoreMeeting: ({ id }) => bodies.restoreMeeting(id),
    finaliseMinutes: ({ id, version }) => bodies.finaliseMinutes(id, version),
    exportMeeting: async ({ id, kind, open }) => (await exports()).exportMeeting(id, kind, open),
    listRecommendations: () => bodies.recommendations(),
    saveRecommendation: (request) => bodies.saveRecommendation(request),
    deleteRecommendation: ({ id, version }) => bodies.deleteRecommendation(id, version),
    restoreRecommendation: ({ id }) => bodies.restoreRecommendation(id),
    listLabs: () => labs.labs(),
    saveLab: (request) => labs.saveLab(request),
    deleteLab: ({ id, version }) => labs.deleteLab(id, version),
    restoreLab: ({ id }) => labs.restoreLab(id),
    listProposals: () => labs.proposals(),
    saveProposal: (request) => labs.saveProposal(request),
    deleteProposal: ({ id, version }) => labs.deleteProposal(id, version),
    restoreProposal: ({ id }) => labs.restoreProposal(id),
    createMeasureFromProposal: ({ proposalId, proposalVersion, fields }) => labs.createMeasure(proposalId, proposalVersion, fields),
    getMeasureParticipation: ({ measureId }) => {
      const doc = session.requireOpen().store.doc;
      if (!doc.measures.some((m) => m.id === measureId)) throw new ServiceError('NOT_FOUND', de.api.notFound);
      return measureParticipation(doc, measureId, localDay());
    },
    getProposalContact: ({ proposalId }) => labs.contact(proposalId),
    saveProposalContact: ({ proposalId, fields }) => labs.saveContact(proposalId, fields),
    deleteProposalContact: ({ proposalId }) => labs.deleteContact(proposalId),
    exportProposals: async ({ includePersonalData, open }) => (await exports()).exportProposals(includePersonalData, open),
    exportFeedbackLetter: async ({ proposalId, open }) => (await exports()).exportFeedbackLetter(proposalId, open),
    listTrackedDecisions: () => tracking.list(),
    saveTrackedDecision: (request) => tracking.save(request),
    deleteTrackedDecision: ({ id, version }) => tracking.remove(id, version),
    restoreTrackedDecision: ({ id }) => tracking.restore(id),
    exportTracking: async ({ period, open }) => (await exports()).exportTracking(period, open),
    createTrackingMitteilung: async ({ period }) => (await exports()).createTrackingMitteilung(period),
  };
}
