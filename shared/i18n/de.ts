/**
 * Every user-visible text of the app, German first, under one name. Main process, CLI and renderer all
 * read from here, so a message reads the same wherever it appears. Each feature keeps its texts beside
 * it (shared/<feature>/<feature>Texts.ts, one export per namespace, named like the aliases in the code:
 * de.ui.measure is measureTexts); this file only composes them, plus a few app-wide words.
 */
import { importTexts } from '@shared/import/importTexts';
import { participationTexts } from '@shared/participation/participationTexts';
import { meetingsTexts } from '@shared/participation/meetingsTexts';
import { proposalsTexts } from '@shared/participation/proposalsTexts';
import { trackingTexts } from '@shared/participation/trackingTexts';
import { overviewTexts } from '@shared/overview/overviewTexts';
import { participationDocsTexts } from '@shared/participation/participationDocsTexts';
import { workbookTexts } from '@shared/core/workbookTexts';
import { exportProgressTexts } from '@shared/export/exportTexts';
import { auditTexts, historyTexts } from '@shared/audit/auditTexts';
import {
  apiTexts,
  dateFieldTexts,
  dialogTexts,
  errorTexts,
  helpTexts,
  navTexts,
  noticePrefixTexts,
  saveFeedbackTexts,
  validationTexts,
} from '@shared/core/coreTexts';
import { editionsTexts } from '@shared/editions/editionsTexts';
import { evaluationExportUiTexts, evaluationTexts, evaluationUiTexts } from '@shared/evaluation/evaluationTexts';
import { bodiesTexts } from '@shared/participation/bodiesTexts';
import {
  actionFieldsTexts,
  decisionKindsTexts,
  fundingSourcesTexts,
  integrityTexts,
  measureTexts,
  measureHistoryTexts,
  statusChangeTexts,
  bulkStatusTexts,
  measurePageTexts,
  measurePickerTexts,
  orgUnitKindsTexts,
  orgUnitsTexts,
  originKindsTexts,
  registerTexts,
  statusesTexts,
  trashTexts,
  typesTexts,
} from '@shared/register/registerTexts';
import { reviewTexts } from '@shared/review/reviewTexts';
import { storeTexts } from '@shared/session/sessionTexts';
import { letterTexts, logoTexts, settingsTexts } from '@shared/settings/settingsTexts';
import { submissionTexts, submissionsTexts } from '@shared/submissions/submissionsTexts';
import { shellTexts } from '@shared/core/shellTexts';
import { listTexts } from '@shared/core/listTexts';

/** Largest register file in MiB (binary: 1 MiB = 1.048.576 Byte); the store's limit is derived from it. */
export { MAX_REGISTER_MIB } from '@shared/session/sessionTexts';

export const de = {
  appName: 'Masterplan-Register',
  lists: listTexts,
  validation: validationTexts,
  integrity: integrityTexts,
  store: storeTexts,
  api: apiTexts,
  ui: {
    dateField: dateFieldTexts,
    evaluationExport: evaluationExportUiTexts,
    exportProgress: exportProgressTexts,
    sampleBadge: 'Beispieldaten',
    sampleHint: 'Dieses Register enthält erfundene Beispieldaten zum Ausprobieren.',
    realData: 'Echte Daten',
    registerFile: 'Registerdatei',
    savedAt: (time: string) => `Gespeichert um ${time}`,
    saving: 'Wird gespeichert …',
    notSaved: 'Nicht gespeichert',
    noChangesYet: 'Keine Änderungen in dieser Sitzung',
    readOnlyTitle: 'Nur Lesen',
    /** Banner text after the bold "Nur Lesen:" title (so the title is not said twice). */
    lockedBy: (who: string, host: string, since: string) =>
      `Das Register ist geöffnet von ${who} auf ${host} seit ${since}. Änderungen sind erst möglich, wenn dort geschlossen wird.`,
    takeOver: 'Sperre übernehmen …',
    takeOverConfirm: (who: string, host: string) =>
      `Die Sperre von ${who} auf ${host} übernehmen? Tun Sie das nur, wenn dort sicher nicht mehr gearbeitet wird – sonst können Änderungen verloren gehen.`,
    lockReleased: 'Das Register wurde an dem anderen Arbeitsplatz geschlossen. Sie können es jetzt bearbeiten.',
    enableEditing: 'Bearbeiten ermöglichen',
    nav: navTexts,
    register: registerTexts,
    measure: measureTexts,
    measurePicker: measurePickerTexts,
    measureHistory: measureHistoryTexts,
    statusChange: statusChangeTexts,
    bulkStatus: bulkStatusTexts,
    measurePage: measurePageTexts,
    types: typesTexts,
    fundingSources: fundingSourcesTexts,
    originKinds: originKindsTexts,
    decisionKinds: decisionKindsTexts,
    orgUnitKinds: orgUnitKindsTexts,
    history: historyTexts,
    trash: trashTexts,
    actionFields: actionFieldsTexts,
    orgUnits: orgUnitsTexts,
    settings: settingsTexts,
    error: errorTexts,
    help: helpTexts,
    submissions: submissionsTexts,
    bodies: bodiesTexts,
    evaluation: evaluationUiTexts,
    dialog: dialogTexts,
    loading: 'Wird geladen …',
    errorPrefix: 'Fehler:',
    noticePrefix: noticePrefixTexts,
    saveFeedback: saveFeedbackTexts,
    actionsColumn: 'Aktionen',
    warnings: 'Hinweise zum Register',
    skipToContent: 'Zum Inhalt springen',
  },
  submission: submissionTexts,
  evaluation: evaluationTexts,
  import: importTexts,
  participation: participationTexts,
  /** Screens of bodies, members, sessions and recommendations. */
  meetingsUi: meetingsTexts,
  /** Screens of Quartierslabore and Anregungen. */
  proposalsUi: proposalsTexts,
  /** Screens of the Beschlussverfolgung and the Datenschutz view. */
  trackingUi: trackingTexts,
  /** The Übersicht (start screen). */
  overviewUi: overviewTexts,
  /** Word and Excel documents of Gremien & Beteiligung and their CLI. */
  participationDocs: participationDocsTexts,
  /** Title block and footer lines shared by every exported Excel workbook. */
  workbook: workbookTexts,
  review: reviewTexts,
  editions: editionsTexts,
  logo: logoTexts,
  /** Letters after DIN 5008 (Informationsblock, closing, address refusals). */
  letter: letterTexts,
  statuses: statusesTexts,
  audit: auditTexts,
  shell: shellTexts,
} as const;
