import type { ExportResult } from '@shared/contract';
import { de } from '@shared/i18n/de';
import { APP_VERSION } from '@main/appInfo';
import { buildEvaluationReportDocx } from './evaluationReport';
import { UnknownRoundError, type EvaluationFilters } from './evaluationData';
import { committedState, exportWorker } from '@main/export/exportWorkerClient';
import { writeExportFile } from '@main/export/writeExportFile';
import type { Desktop } from '@main/core/desktop';
import type { ExportTracker } from '@main/export/exportTracker';
import { ServiceError } from '@main/core/errors';
import type { RegisterSession } from '@main/session/session';
import path from 'node:path';
import { fileNamePart, safeFileName } from '@shared/core/fileName';

/**
 * "Evaluationstabellen_Evaluationsbericht_2024.xlsx" / "Evaluationsbericht_Stand_2026-12-07.docx", safe on
 * Windows. Without a round the day of the export names the state it shows; a round named
 * "Evaluationsbericht 2024" does not give "Evaluationsbericht_Evaluationsbericht_2024".
 */
function fileName(roundName: string | null, extension: string, today: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stand = `Stand_${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;
  const prefix = extension === 'xlsx' ? 'Evaluationstabellen' : 'Evaluationsbericht';
  const name = fileNamePart(roundName ?? '') || stand;
  const doubled = name.toLowerCase().startsWith(prefix.toLowerCase());
  return safeFileName(doubled ? [name] : [prefix, name], extension);
}

/**
 * Excel evaluation tables and the Word Evaluationsbericht from the app: save dialog in the last export
 * folder, atomic write, optionally open. Personal data (assessor names, full paths) only when chosen; the
 * choice is recorded in the audit trail. Null when the dialog was cancelled or the Excel export was
 * stopped with "Abbrechen" (then nothing is written).
 */
export class EvaluationExportService {
  constructor(
    private readonly session: RegisterSession,
    private readonly desktop: Desktop,
    private readonly exports: ExportTracker,
  ) {}

  async export(request: {
    roundId: string | null;
    format: 'xlsx' | 'docx';
    filters: EvaluationFilters;
    includePersonalData: boolean;
    open: boolean;
  }): Promise<ExportResult | null> {
    const { store } = this.session.requireOpen();
    // Personal data leaves the register only if that choice can be recorded (not in a read-only window).
    if (request.includePersonalData) this.session.writableStore();
    const doc = store.doc;
    const round = request.roundId ? doc.evaluationRounds.find((r) => r.id === request.roundId) : null;
    if (request.roundId && !round) throw new ServiceError('NOT_FOUND', de.api.notFound);
    const settings = this.session.settings;
    const target = await this.desktop.pickExportTarget(
      fileName(round?.name ?? null, request.format, new Date()),
      settings.value.lastExportDir,
    );
    if (!target) return null;
    const input = {
      roundId: request.roundId,
      filters: request.filters,
      includePersonalData: request.includePersonalData,
      registerPath: store.path,
      appVersion: APP_VERSION,
      generatedAt: new Date(),
    };
    let bytes: Uint8Array | null;
    try {
      if (request.format === 'xlsx') {
        const { register, fallback } = committedState(store);
        // Tracked: the window shows its progress and may cancel it ("Abbrechen" gives null, no file).
        bytes = await this.exports.run((control) => exportWorker().run({ kind: 'evaluation', input, register }, { fallback, ...control }));
      } else bytes = await buildEvaluationReportDocx({ ...input, doc });
    } catch (error) {
      if (error instanceof UnknownRoundError) throw new ServiceError('NOT_FOUND', error.message);
      throw error;
    }
    if (!bytes) return null;
    await writeExportFile(target, bytes);
    if (request.includePersonalData) await this.session.recordPersonalDataExport(path.basename(target));
    await settings.update((current) => ({ ...current, lastExportDir: path.dirname(target) })).catch(() => undefined);
    if (request.open) await this.desktop.openFile(target);
    return { path: target, bytes: bytes.length };
  }
}
