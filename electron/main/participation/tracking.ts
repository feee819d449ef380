import type { Saved } from '@shared/contract';
import { localDay } from '@shared/core/calendar';
import { checkTrackedDecision } from '@shared/participation/participationRules';
import type { RegisterDocument } from '@shared/register/register';
import { trackedDecisionFieldsSchema, type TrackedDecision, type TrackedDecisionFields } from '@shared/participation/tracking';
import { type CollectionSpec, commitSaved, refuse, restoreEntry, saveEntry, trashEntry } from './collection';
import type { RegisterSession } from '@main/session/session';

const DECISIONS: CollectionSpec<'trackedDecisions'> = {
  key: 'trackedDecisions',
  entityType: 'trackedDecision',
  fieldNames: Object.keys(trackedDecisionFieldsSchema.shape),
  describe: (d) => `${d.printNumber} ${d.subject}`,
};

/** Beschlussverfolgung: tracked council decisions; "letzte Aktualisierung" follows changes of the state. */
export class TrackingService {
  constructor(private readonly session: RegisterSession) {}

  list(): TrackedDecision[] {
    return this.session.requireOpen().store.doc.trackedDecisions;
  }

  async save(request: { id: string | null; version: number | null; fields: TrackedDecisionFields }): Promise<Saved<TrackedDecision>> {
    return this.commit((doc) => {
      refuse(checkTrackedDecision(request.fields, request.id, doc));
      return saveEntry(doc, DECISIONS, request, this.session.userName, (before) => {
        if (!before) return { lastUpdateOn: localDay(), deletedAt: null };
        return before.state !== request.fields.state || before.stateText !== request.fields.stateText ? { lastUpdateOn: localDay() } : {};
      });
    });
  }

  async remove(id: string, version: number): Promise<Saved<null>> {
    return this.commit((doc) => ({ doc: trashEntry(doc, DECISIONS, id, version, this.session.userName), result: null }));
  }

  async restore(id: string): Promise<Saved<null>> {
    return this.commit((doc) => ({ doc: restoreEntry(doc, DECISIONS, id, this.session.userName), result: null }));
  }

  private commit<T>(change: (doc: RegisterDocument) => { doc: RegisterDocument; result: T }): Promise<Saved<T>> {
    return commitSaved(this.session, change);
  }
}
