import type { exportContract } from '@shared/export/exportContract';
import type { HandlerContext, Handlers } from '@main/core/handlers';

/** Progress and "Abbrechen" of the Excel export running in the export worker. */
export function exportHandlers({ exports }: HandlerContext): Handlers<typeof exportContract> {
  return {
    getExportProgress: () => exports.state(),
    cancelExport: () => exports.cancel(),
  };
}
