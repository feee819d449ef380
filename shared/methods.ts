/**
 * Names of the contract's methods, without the schemas, so the sandboxed preload can expose them
 * without bundling the validator. contract.ts checks at compile time that both lists agree.
 */
export const METHOD_NAMES = [
  'getSession',
  'takeOverLock',
  'restoreBackup',
  'openRegister',
  'getReference',
  'listMeasureRows',
  'getMeasure',
  'createMeasure',
  'updateMeasure',
  'deleteMeasure',
  'restoreMeasure',
  'getHistory',
  'saveActionField',
  'deleteActionField',
  'saveOrgUnit',
  'deleteOrgUnit',
  'saveBody',
  'deleteBody',
  'listSubmissions',
  'getSubmission',
  'createSubmission',
  'updateSubmission',
  'deleteSubmission',
  'restoreSubmission',
  'listSubmissionRevisions',
  'compareSubmissionRevisions',
  'restoreSubmissionRevision',
  'addSubmissionAttachment',
  'exportSubmission',
  'listIndicators',
  'saveIndicator',
  'deleteIndicator',
  'listEvaluationRounds',
  'saveEvaluationRound',
  'deleteEvaluationRound',
  'listAssessments',
  'saveAssessment',
  'getEvaluationOverview',
  'getSettings',
  'saveSettings',
] as const;

export const IPC_PREFIX = 'masterplan:';
export const MENU_CHANNEL = 'masterplan-menu';

export const MENU_COMMANDS = ['newMeasure', 'find', 'showRegister', 'showTrash', 'showSettings', 'showHelp', 'openRegister', 'newRegister'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
