/**
 * What only the desktop can do: file dialogs and opening a file in its program. Electron's dialogs
 * and shell in the app (electron/main/index.ts); fixed answers in the test harness and the tests.
 */
export interface Desktop {
  pickRegister(mode: 'open' | 'new'): Promise<string | null>;
  /** A file to attach to a submission. */
  pickAttachment(): Promise<string | null>;
  /** Where to save an export; `defaultName` carries the extension. Electron asks before overwriting. */
  pickExportTarget(defaultName: string, defaultDir: string | null): Promise<string | null>;
  /** A spreadsheet to import (.xlsx, .xls, .ods, .csv). */
  pickImportFile(): Promise<string | null>;
  /** A PNG or JPEG, e.g. the city logo for Word documents. */
  pickImage(): Promise<string | null>;
  /** Opens a written export in Word/Excel/LibreOffice. */
  openFile(file: string): Promise<void>;
  /** A review package (.mpreview) to open in review mode or to read back into the register. */
  pickReviewPackage(purpose: 'open' | 'import'): Promise<string | null>;
  /** Where to save a new review package; `defaultName` ends in .mpreview. */
  pickReviewTarget(defaultName: string, defaultDir: string | null): Promise<string | null>;
}

export const NO_DESKTOP: Desktop = {
  pickRegister: async () => null,
  pickAttachment: async () => null,
  pickExportTarget: async () => null,
  pickImportFile: async () => null,
  pickImage: async () => null,
  openFile: async () => undefined,
  pickReviewPackage: async () => null,
  pickReviewTarget: async () => null,
};
