import type { Saved } from '@shared/contract';
import { bodyMemberFieldsSchema, meetingFieldsSchema, recommendationFieldsSchema } from '@shared/participation/participation';
import type {
  BodyMember,
  BodyMemberFields,
  Meeting,
  MeetingFields,
  RecommendationFields,
  RecommendationRecord,
} from '@shared/participation/participation';
import { checkMeeting, checkMember, checkRecommendation, finaliseProblem } from '@shared/participation/participationRules';
import type { RegisterDocument } from '@shared/register/register';
import { de } from '@shared/i18n/de';
import { type CollectionSpec, commitSaved, eraseEntry, findEntry, refuse, restoreEntry, saveEntry, trashEntry } from './collection';
import { ServiceError } from '@main/core/errors';
import { auditEntry } from '@main/audit/audit';
import { replaceAt } from '@main/register/measures';
import { localDay } from '@shared/core/calendar';
import { formatDate } from '@shared/core/format';
import { takeMinutesRecord } from '@shared/participation/minutesRecord';
import type { RegisterSession } from '@main/session/session';

const MEMBERS: CollectionSpec<'bodyMembers'> = {
  key: 'bodyMembers',
  entityType: 'bodyMember',
  fieldNames: Object.keys(bodyMemberFieldsSchema.shape),
  // The audit label names the organisation, not the delegate (names are anonymised later, the trail is not).
  describe: (m) => m.organisation,
};
const MEETINGS: CollectionSpec<'meetings'> = {
  key: 'meetings',
  entityType: 'meeting',
  fieldNames: Object.keys(meetingFieldsSchema.shape),
  describe: (m) => `${m.number} (${m.date})`,
};
const RECOMMENDATIONS: CollectionSpec<'recommendations'> = {
  key: 'recommendations',
  entityType: 'recommendation',
  fieldNames: Object.keys(recommendationFieldsSchema.shape),
  describe: (r) => `${r.number} ${r.title}`,
};

type SaveRequest<F> = { id: string | null; version: number | null; fields: F };

/** A finalised session is a record: it is neither changed nor moved into the Papierkorb. */
function refuseFinalised(doc: RegisterDocument, id: string | null): void {
  const record = id ? doc.meetings.find((m) => m.id === id)?.minutesRecord : null;
  if (record)
    throw new ServiceError('FORBIDDEN', de.participation.errors.meetingFinalised(formatDate(localDay(new Date(record.finalisedAt)))));
}

/** Members of bodies, sessions with agenda and minutes, and recommendations of the Vollversammlung. */
export class ParticipationService {
  constructor(private readonly session: RegisterSession) {}

  private get doc(): RegisterDocument {
    return this.session.requireOpen().store.doc;
  }

  members(bodyId: string | null): BodyMember[] {
    return this.doc.bodyMembers.filter((m) => bodyId === null || m.bodyId === bodyId);
  }

  async saveMember(request: SaveRequest<BodyMemberFields>): Promise<Saved<BodyMember>> {
    return this.commit((doc) => {
      refuse(checkMember(request.fields, doc));
      return saveEntry(doc, MEMBERS, request, this.session.userName, (before) => (before ? {} : { anonymisedAt: null }));
    });
  }

  async deleteMember(id: string, version: number): Promise<Saved<null>> {
    return this.commit((doc) => ({ doc: eraseEntry(doc, MEMBERS, id, version, this.session.userName), result: null }));
  }

  meetings(): Meeting[] {
    return this.doc.meetings;
  }

  meeting(id: string): Meeting {
    return findEntry(this.doc, 'meetings', id).item;
  }

  async saveMeeting(request: SaveRequest<MeetingFields>): Promise<Saved<Meeting>> {
    return this.commit((doc) => {
      refuseFinalised(doc, request.id);
      refuse(checkMeeting(request.fields, request.id, doc));
      return saveEntry(doc, MEETINGS, request, this.session.userName, (before) => (before ? {} : { deletedAt: null, minutesRecord: null }));
    });
  }

  /**
   * "Niederschrift abschließen": the session becomes "abgeschlossen" and keeps the record of what its
   * Niederschrift prints from outside it (minutesRecord.ts) as of now; audited like any change. Refused for a
   * session not held, already finalised, without chair or recorder, or of another version.
   */
  async finaliseMinutes(id: string, version: number, today: string = localDay()): Promise<Saved<Meeting>> {
    return this.commit((doc) => {
      const { index, item } = findEntry(doc, 'meetings', id);
      if (item.version !== version) throw new ServiceError('CONFLICT', de.api.conflict);
      const problem = finaliseProblem(item, today);
      if (problem) throw new ServiceError('VALIDATION', problem);
      const now = new Date().toISOString();
      const record = takeMinutesRecord(doc, item, now, this.session.userName);
      const finalised: Meeting = { ...item, state: 'abgeschlossen', minutesRecord: record, version: item.version + 1, updatedAt: now };
      const entry = auditEntry(this.session.userName, 'meeting', id, MEETINGS.describe(item), 'update', [
        { field: 'state', old: item.state, new: 'abgeschlossen' },
        {
          field: 'minutesRecord',
          old: null,
          new: de.participation.recordSummary(record.recommendations.length, record.decisions.length),
        },
      ]);
      return { doc: { ...doc, meetings: replaceAt(doc.meetings, index, finalised), audit: [...doc.audit, entry] }, result: finalised };
    });
  }

  /** A session that recommendations or Anregungen refer to stays (the links would dangle). */
  async deleteMeeting(id: string, version: number): Promise<Saved<null>> {
    return this.commit((doc) => {
      const users =
        doc.recommendations.filter((r) => r.meetingId === id && !r.deletedAt).length +
        doc.proposals.filter((p) => p.meetingId === id && !p.deletedAt).length;
      if (users > 0) throw new ServiceError('IN_USE', de.participation.errors.meetingInUse(users));
      refuseFinalised(doc, id);
      return { doc: trashEntry(doc, MEETINGS, id, version, this.session.userName), result: null };
    });
  }

  async restoreMeeting(id: string): Promise<Saved<null>> {
    return this.commit((doc) => {
      const { item } = findEntry(doc, 'meetings', id);
      refuse(checkMeeting(item, id, doc).filter((p) => p.field === 'number'));
      return { doc: restoreEntry(doc, MEETINGS, id, this.session.userName), result: null };
    });
  }

  recommendations(): RecommendationRecord[] {
    return this.doc.recommendations;
  }

  async saveRecommendation(request: SaveRequest<RecommendationFields>): Promise<Saved<RecommendationRecord>> {
    return this.commit((doc) => {
      refuse(checkRecommendation(request.fields, request.id, doc));
      return saveEntry(doc, RECOMMENDATIONS, request, this.session.userName, (before) => (before ? {} : { deletedAt: null }));
    });
  }

  async deleteRecommendation(id: string, version: number): Promise<Saved<null>> {
    return this.commit((doc) => ({ doc: trashEntry(doc, RECOMMENDATIONS, id, version, this.session.userName), result: null }));
  }

  async restoreRecommendation(id: string): Promise<Saved<null>> {
    return this.commit((doc) => ({ doc: restoreEntry(doc, RECOMMENDATIONS, id, this.session.userName), result: null }));
  }

  private commit<T>(change: (doc: RegisterDocument) => { doc: RegisterDocument; result: T }): Promise<Saved<T>> {
    return commitSaved(this.session, change);
  }
}
