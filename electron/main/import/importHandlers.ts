import type { importContract } from '@shared/import/importContract';
import type { HandlerContext, Handlers } from '@main/core/handlers';
import { ImportService } from './imports';

/** The spreadsheet import: choose a file, dry run, commit, undo. */
export function importHandlers({ session, desktop }: HandlerContext): Handlers<typeof importContract> {
  const imports = new ImportService(session, desktop);
  return {
    chooseImportFile: () => imports.choose(),
    previewImport: ({ token, kind, mapping, sheet }) => imports.preview(token, kind, mapping, sheet),
    commitImport: ({ token, kind, mapping, sheet }) => imports.commit(token, kind, mapping, sheet),
    undoImport: ({ id }) => imports.undo(id),
    listImports: () => imports.list(),
  };
}
