import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { ExportResult, Saved } from '@shared/contract';
import { localDay } from '@shared/core/calendar';
import type { Submission } from '@shared/submissions/submission';
import { trackingMitteilungFields } from '@shared/participation/trackingMitteilung';
import { halfYearRange, type HalfYear } from '@shared/participation/trackingReport';
import { de } from '@shared/i18n/de';
import { APP_VERSION } from '@main/appInfo';
import { buildFeedbackLetterDocx, FeedbackLetterError, letterProposal } from './feedbackLetter';
import { buildMeetingDocx, UnknownMeetingError, type MeetingDocumentKind } from './meetingDocx';
import { writeProposalsXlsx } from './proposalsWorkbook';
import { writeTrackingXlsx } from './trackingWorkbook';
import { writeExportFile } from '@main/export/writeExportFile';
import type { Desktop } from '@main/core/desktop';
import { ServiceError } from '@main/core/errors';
import { readLogo } from '@main/settings/logo';
import type { RegisterSession } from '@main/session/session';
import type { SubmissionService } from '@main/submissions/submissions';

const names = de.participationDocs.fileNames;

/**
 * A file name safe on Windows from its parts: forbidden and control characters removed, blanks become
 * "_", each part cut to 80 characters ("Einladung_VollV_3._Sitzung_2026-03-12.docx").
 */
export function safeFileName(parts: readonly string[], extension: string): string {
  const clean = parts
    // eslint-disable-next-line no-control-regex -- control characters are not allowed in Windows file names
    .map((part) => part.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').trim().replace(/\s+/g, '_').slice(0, 80))
    .filter((part) => part !== '');
  // Windows refuses names ending in a dot or a blank.
  return `${clean.join('_').replace(/[. ]+$/, '')}.${extension}`;
}

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
  ) {}

  /** Save dialog, write, remember the folder, open. Null when the dialog was cancelled. */
  private async save(suggestedName: string, open: boolean, make: () => Promise<Uint8Array> | Uint8Array, afterWrite?: (target: string) => Promise<void>): Promise<ExportResult | null> {
    const settings = this.session.settings;
    const target = await this.desktop.pickExportTarget(suggestedName, settings.value.lastExportDir);
    if (!target) return null;
    const bytes = await make();
    await writeExportFile(target, bytes);
    if (afterWrite) await afterWrite(target);
    await settings.save({ ...settings.value, lastExportDir: path.dirname(target) }).catch(() => undefined);
    if (open) await this.desktop.openFile(target);
    return { path: target, bytes: bytes.length };
  }

  async exportMeeting(id: string, kind: MeetingDocumentKind, open: boolean): Promise<ExportResult | null> {
    const doc = this.session.requireOpen().store.doc;
    const meeting = doc.meetings.find((m) => m.id === id && m.deletedAt === null);
    if (!meeting) throw new ServiceError('NOT_FOUND', de.api.notFound);
    const body = doc.bodies.find((b) => b.id === meeting.bodyId);
    const fileName = safeFileName([names[kind], body?.shortName || body?.name || '', de.participationDocs.meeting.sessionLabel(meeting.number), meeting.date], 'docx');
    const settings = this.session.settings;
    return this.save(fileName, open, async () => {
      const logoSetting = settings.value.documentLogo;
      const logo = logoSetting ? await readLogo(logoSetting.path, logoSetting.altText) : null;
      try {
        return await buildMeetingDocx({ doc, meetingId: id, kind, logo, generatedAt: new Date(), appVersion: APP_VERSION });
      } catch (error) {
        if (error instanceof UnknownMeetingError) throw new ServiceError('NOT_FOUND', error.message);
        throw error;
      }
    });
  }

  async exportProposals(includePersonalData: boolean, open: boolean): Promise<ExportResult | null> {
    const doc = this.session.requireOpen().store.doc;
    // Personal data leaves the register only if that choice can be recorded (not in a read-only window).
    if (includePersonalData) this.session.writableStore();
    return this.save(
      safeFileName([names.proposals, localDay()], 'xlsx'),
      open,
      () => writeProposalsXlsx({ doc, includePersonalData, generatedAt: new Date(), appVersion: APP_VERSION }),
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
          return await buildFeedbackLetterDocx({ doc: current, proposalId, contact: contactOf(current), logo, generatedAt: new Date(), appVersion: APP_VERSION });
        } catch (error) {
          letterRefusal(error);
        }
      },
      (target) => this.session.recordPersonalDataExport(path.basename(target)),
    );
  }

  async exportTracking(period: HalfYear | null, open: boolean): Promise<ExportResult | null> {
    const doc = this.session.requireOpen().store.doc;
    const today = localDay();
    const name = period ? safeFileName([names.tracking, halfYearRange(period).label], 'xlsx') : safeFileName([names.tracking, names.trackingAll, today], 'xlsx');
    return this.save(name, open, () => writeTrackingXlsx({ doc, period, today, generatedAt: new Date(), appVersion: APP_VERSION }));
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
