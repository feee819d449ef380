import { lazy } from 'react';

/**
 * The screens after the first one live in their own chunks, so the start (Übersicht) needs only the shell
 * and its own code (README, Measure). The Maßnahmen list and a measure's page — where the first click
 * from the Übersicht goes — are fetched with the app's own code at start (`preloadFirstClicks`), while
 * main still reads the register; the others right after the first screen is shown (`preloadScreens`), so
 * a later click does not wait and the focus order does not change. Not earlier: fetched at mount, their
 * ~70 files queued ahead of the first screen's own calls (a browser opens six connections to the harness).
 */
const loaders = {
  ActionFieldsView: () => import('./features/reference/ActionFieldsView').then((m) => ({ default: m.ActionFieldsView })),
  OrgUnitsView: () => import('./features/reference/OrgUnitsView').then((m) => ({ default: m.OrgUnitsView })),
  StatusesView: () => import('./features/reference/StatusesView').then((m) => ({ default: m.StatusesView })),
  MeasureEditor: () => import('./features/register/MeasureEditor').then((m) => ({ default: m.MeasureEditor })),
  MeasureView: () => import('./features/register/MeasureView').then((m) => ({ default: m.MeasureView })),
  RegisterView: () => import('./features/register/RegisterView').then((m) => ({ default: m.RegisterView })),
  CompareView: () => import('./features/editions/CompareView').then((m) => ({ default: m.CompareView })),
  EditionsView: () => import('./features/editions/EditionsView').then((m) => ({ default: m.EditionsView })),
  FortschreibungWizard: () => import('./features/editions/FortschreibungWizard').then((m) => ({ default: m.FortschreibungWizard })),
  EvaluationView: () => import('./features/evaluation/EvaluationView').then((m) => ({ default: m.EvaluationView })),
  IndicatorEditor: () => import('./features/evaluation/IndicatorEditor').then((m) => ({ default: m.IndicatorEditor })),
  HelpView: () => import('./features/session/HelpView').then((m) => ({ default: m.HelpView })),
  SubmissionEditor: () => import('./features/submissions/SubmissionEditor').then((m) => ({ default: m.SubmissionEditor })),
  SubmissionsView: () => import('./features/submissions/SubmissionsView').then((m) => ({ default: m.SubmissionsView })),
  SettingsView: () => import('./features/settings/SettingsView').then((m) => ({ default: m.SettingsView })),
  TrashView: () => import('./features/trash/TrashView').then((m) => ({ default: m.TrashView })),
  ReviewsView: () => import('./features/review/ReviewsView').then((m) => ({ default: m.ReviewsView })),
  ParticipationView: () => import('./features/participation/ParticipationView').then((m) => ({ default: m.ParticipationView })),
  MeetingEditor: () => import('./features/meetings/MeetingEditor').then((m) => ({ default: m.MeetingEditor })),
  LabEditor: () => import('./features/proposals/LabEditor').then((m) => ({ default: m.LabEditor })),
  ProposalEditor: () => import('./features/proposals/ProposalEditor').then((m) => ({ default: m.ProposalEditor })),
  DecisionEditor: () => import('./features/tracking/DecisionEditor').then((m) => ({ default: m.DecisionEditor })),
  PrivacyView: () => import('./features/tracking/PrivacyView').then((m) => ({ default: m.PrivacyView })),
};

/** Starts loading the Maßnahmen list's and a measure's chunks; called once at start. */
export function preloadFirstClicks(): void {
  void loaders.RegisterView();
  void loaders.MeasureView();
}

/** Starts loading every screen's chunk; called once after the first screen has rendered. */
export function preloadScreens(): void {
  for (const load of Object.values(loaders)) void load();
}

export const ActionFieldsView = lazy(loaders.ActionFieldsView);
export const OrgUnitsView = lazy(loaders.OrgUnitsView);
export const StatusesView = lazy(loaders.StatusesView);
export const MeasureEditor = lazy(loaders.MeasureEditor);
export const MeasureView = lazy(loaders.MeasureView);
export const RegisterView = lazy(loaders.RegisterView);
export const CompareView = lazy(loaders.CompareView);
export const EditionsView = lazy(loaders.EditionsView);
export const FortschreibungWizard = lazy(loaders.FortschreibungWizard);
export const EvaluationView = lazy(loaders.EvaluationView);
export const IndicatorEditor = lazy(loaders.IndicatorEditor);
export const HelpView = lazy(loaders.HelpView);
export const SubmissionEditor = lazy(loaders.SubmissionEditor);
export const SubmissionsView = lazy(loaders.SubmissionsView);
export const SettingsView = lazy(loaders.SettingsView);
export const TrashView = lazy(loaders.TrashView);
export const ReviewsView = lazy(loaders.ReviewsView);
export const ParticipationView = lazy(loaders.ParticipationView);
export const MeetingEditor = lazy(loaders.MeetingEditor);
export const LabEditor = lazy(loaders.LabEditor);
export const ProposalEditor = lazy(loaders.ProposalEditor);
export const DecisionEditor = lazy(loaders.DecisionEditor);
export const PrivacyView = lazy(loaders.PrivacyView);
