import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { ExportResult, Saved } from '@shared/contract';
import { localDay } from '@shared/core/calendar';
import type { Submission } from '@shared/submissions/submission';
import { trackingMitteilungFields } from '@shared/participation/trackingMitteilung';
import { halfYearRange, type HalfYear } from '@shared/participation/trackingReport';
import { de } from '@shared/i18n/de';
import { formatDate } from '@shared/core/format';
import { APP_VERSION } from '@main/appInfo';
import { buildFeedbackLetterDocx, FeedbackLetterError, letterProposal } from './feedbackLetter';
import {
  buildMeetingDocx,
  MeetingDocumentRefused,
  minutesParts,
  sessionHeld,
  UnknownMeetingError,
  type MeetingDocumentKind,
} from './meetingDocx';
import { committedState, exportWorker } from '@main/export/exportWorkerClient';
import { writeExportFile } from '@main/export/writeExportFile';
import type { Desktop } from '@main/core/desktop';
import type { ExportTracker } from '@main/export/exportTracker';
import { ServiceError } from '@main/core/errors';
import { readLogo } from '@main/settings/logo';
import type { RegisterSession } from '@main/session/session';
import type { SubmissionService } from '@main/submissions/submissions';
import { safeFileName } from '@shared/core/fileName';

const names = de.participationDocs.fileNames;

/** A refusal of the feedback letter as the service error the renderer shows; anything else as it is. */
function letterRefusal(error: unknown): never {
  if (error instanceof FeedbackLetterError) throw new ServiceError(error.code, error.message);
  throw error;
}

/**
 * The documents of Gremien & Beteiligung from the app: Einladung and Niederschrift (Word), the Anregungen
 * and the Beschlussverfolgung (Excel), and the draft Mitteilung of the Beschlussverfolgung. Exports go
 * through the save dialog in the last export folder, are written atomically and optionally opened.
 * Feedback contacts (personal data) leave the register only when chosen, and that choice is audited.
 */
export class ParticipationExportService {
  constructor(
    private readonly session: RegisterSession,
    private readonly submissions: SubmissionService,
    private readonly desktop: Desktop,
    private readonly exports: ExportTracker,
  ) {}

  /**
   * Save dialog, write, remember the folder, open. Null when the dialog was cancelled or `make` gave null
   * (an Excel export stopped with "Abbrechen": nothing is written).
   */
  private async save(
    suggestedName: string,
    open: boolean,
    make: () => Promise<Uint8Array | null> | Uint8Array,
    afterWrite?: (target: string) => Promise<void>,
  ): Promise<ExportResult | null> {
    const settings = this.session.settings;
    const target = await this.desktop.pickExportTarget(suggestedName, settings.value.lastExportDir);
    if (!target) return null;
    const bytes = await make();
    if (!bytes) return null;
    await writeExportFile(target, bytes);
    if (afterWrite) await afterWrite(target);
    await settings.update((current) => ({ ...current, lastExportDir: path.dirname(target) })).catch(() => undefined);
    if (open) await this.desktop.openFile(target);
    return { path: target, bytes: bytes.length };
  }

  async exportMeeting(id: string, kind: MeetingDocumentKind, open: boolean): Promise<ExportResult | null> {
    const doc = this.session.requireOpen().store.doc;
    const meeting = doc.meetings.find((m) => m.id === id && m.deletedAt === null);
    if (!meeting) throw new ServiceError('NOT_FOUND', de.api.notFound);
    const body = doc.bodies.find((b) => b.id === meeting.bodyId);
    // Refused before the dialog opens: no minutes of a session that has not taken place.
    if (kind === 'niederschrift' && !sessionHeld(meeting, localDay()))
      throw new ServiceError(
        'VALIDATION',
        de.participationDocs.meeting.notHeld(formatDate(meeting.date), de.participation.meetingStates[meeting.state]),
      );
    const nameParts = [
      names[kind],
      body?.shortName || body?.name || '',
      de.participationDocs.meeting.sessionLabel(meeting.number),
      meeting.date,
    ];
    const fileName = safeFileName(nameParts, 'docx');
    const settings = this.session.settings;
    const logoSetting = settings.value.documentLogo;
    const build = async (part?: 'oeffentlich' | 'nichtoeffentlich') => {
      const logo = logoSetting ? await readLogo(logoSetting.path, logoSetting.altText) : null;
      try {
        return await buildMeetingDocx({
          doc,
          meetingId: id,
          kind,
          part,
          logo,
          sender: settings.value.letterSender,
          generatedAt: new Date(),
          appVersion: APP_VERSION,
        });
      } catch (error) {
        if (error instanceof UnknownMeetingError) throw new ServiceError('NOT_FOUND', error.message);
        if (error instanceof MeetingDocumentRefused) throw new ServiceError('VALIDATION', error.message);
        throw error;
      }
    };
    // A Niederschrift with a non-public part: the chosen file holds the public part (for publication),
    // the non-public part is its own file beside it, never mixed into the public one.
    const split = kind === 'niederschrift' && minutesParts(meeting).length > 1;
    return this.save(
      fileName,
      open,
      () => build(split ? 'oeffentlich' : undefined),
      split
        ? async (target) => {
            const nonPublic = path.join(
              path.dirname(target),
              `${path.basename(target, path.extname(target))}_${de.participationDocs.meeting.nonPublicFileSuffix}.docx`,
            );
            await writeExportFile(nonPublic, await build('nichtoeffentlich'));
          }
        : undefined,
    );
  }

  async exportProposals(includePersonalData: boolean, open: boolean): Promise<ExportResult | null> {
    this.session.requireOpen();
    // Personal data leaves the register only if that choice can be recorded (not in a read-only window).
    if (includePersonalData) this.session.writableStore();
    return this.save(
      safeFileName([names.proposals, localDay()], 'xlsx'),
      open,
      // In the export worker, which reads the register itself: the window stays responsive however many Anregungen there are.
      () => {
        const { register, fallback } = committedState(this.session.requireOpen().store);
        const input = { includePersonalData, generatedAt: new Date(), appVersion: APP_VERSION };
        return this.exports.run((control) => exportWorker().run({ kind: 'proposals', input, register }, { fallback, ...control }));
      },
      includePersonalData ? (target) => this.session.recordPersonalDataExport(path.basename(target)) : undefined,
    );
  }

  /**
   * The Rückmeldung to the citizen as a Word letter. It holds personal data (the contact's name and
   * perhaps address), so it is refused in a read-only window and recorded in the audit trail by its file
   * name (never the person's name, which is not in the file name either). Everything that makes the
   * letter impossible is refused before the dialog opens.
   */
  async exportFeedbackLetter(proposalId: string, open: boolean): Promise<ExportResult | null> {
    this.session.writableStore();
    const doc = this.session.requireOpen().store.doc;
    const contactOf = (d: typeof doc) => d.contacts.find((c) => c.proposalId === proposalId) ?? null;
    let number: string;
    try {
      number = letterProposal(doc, proposalId, contactOf(doc)).proposal.number;
    } catch (error) {
      letterRefusal(error);
    }
    const settings = this.session.settings;
    return this.save(
      safeFileName([names.feedbackLetter, number], 'docx'),
      open,
      async () => {
        // The register as it is when the file is written (the dialog may have stayed open a while).
        const current = this.session.requireOpen().store.doc;
        const logoSetting = settings.value.documentLogo;
        const logo = logoSetting ? await readLogo(logoSetting.path, logoSetting.altText) : null;
        try {
          return await buildFeedbackLetterDocx({
            doc: current,
            proposalId,
            contact: contactOf(current),
            logo,
            sender: settings.value.letterSender,
            generatedAt: new Date(),
            appVersion: APP_VERSION,
          });
        } catch (error) {
          letterRefusal(error);
        }
      },
      (target) => this.session.recordPersonalDataExport(path.basename(target)),
    );
  }

  async exportTracking(period: HalfYear | null, open: boolean): Promise<ExportResult | null> {
    this.session.requireOpen();
    const today = localDay();
    const name = period
      ? safeFileName([names.tracking, halfYearRange(period).label], 'xlsx')
      : safeFileName([names.tracking, names.trackingAll, today], 'xlsx');
    return this.save(name, open, () => {
      const { register, fallback } = committedState(this.session.requireOpen().store);
      const input = { period, today, generatedAt: new Date(), appVersion: APP_VERSION };
      return this.exports.run((control) => exportWorker().run({ kind: 'tracking', input, register }, { fallback, ...control }));
    });
  }

  /**
   * A new draft Mitteilung listing the period's decisions, created like any submission (a blank draft,
   * then its fields saved as its next version). If filling it fails, the blank draft goes to the Papierkorb.
   */
  async createTrackingMitteilung(period: HalfYear): Promise<Saved<Submission>> {
    this.session.writableStore();
    const created = await this.submissions.create({ kind: 'blank' });
    const draft = created.value;
    const { id: _id, baseSubmissionId: _base, version, createdAt: _c, updatedAt: _u, deletedAt: _d, ...base } = draft;
    try {
      const doc = this.session.requireOpen().store.doc;
      const fields = trackingMitteilungFields(doc, period, localDay(), base, randomUUID);
      return await this.submissions.update(draft.id, version, fields);
    } catch (error) {
      await this.submissions.remove(draft.id, version).catch(() => undefined);
      throw error;
    }
  }
}
