import type { ExportResult, Saved } from '../../../shared/contract';
import type { Submission } from '../../../shared/domain/submission';
import type { HalfYear } from '../../../shared/domain/trackingReport';
import type { Desktop } from './desktop';
import { ServiceError } from './errors';
import type { RegisterSession } from './session';
import type { SubmissionService } from './submissions';

// PLACEHOLDER – being written by the documents helper; must not be committed like this.
export class ParticipationExportService {
  constructor(
    private readonly session: RegisterSession,
    private readonly submissions: SubmissionService,
    private readonly desktop: Desktop,
  ) {}

  exportMeeting(_id: string, _kind: 'einladung' | 'niederschrift', _open: boolean): Promise<ExportResult | null> {
    throw new ServiceError('INTERNAL', 'TODO');
  }
  exportProposals(_includePersonalData: boolean, _open: boolean): Promise<ExportResult | null> {
    throw new ServiceError('INTERNAL', 'TODO');
  }
  exportTracking(_period: HalfYear | null, _open: boolean): Promise<ExportResult | null> {
    throw new ServiceError('INTERNAL', 'TODO');
  }
  createTrackingMitteilung(_period: HalfYear): Promise<Saved<Submission>> {
    void this.session;
    void this.submissions;
    void this.desktop;
    throw new ServiceError('INTERNAL', 'TODO');
  }
}
