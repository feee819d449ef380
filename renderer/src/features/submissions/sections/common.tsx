import type { ReactNode } from 'react';
import type { RegisterReference } from '@shared/contract';
import { de } from '@shared/i18n/de';
import type { SubmissionForm } from '../submissionForm';

const submissionsEditorTexts = de.ui.submissions.editor;

/** What every section of the editor gets: the form, a patch function and the field wiring. */
export interface SectionProps {
  form: SubmissionForm;
  update: (patch: Partial<SubmissionForm>) => void;
  /** id (f-…), the save problem of that field, disabled when read-only. */
  common: (field: string) => { id: string; error: string | undefined; disabled: boolean };
  reference: RegisterReference;
  readOnly: boolean;
}

/** The sections in document order; the outline on the left links to them. */
export const SECTIONS = [
  { key: 'header', title: submissionsEditorTexts.sections.header },
  { key: 'consultations', title: submissionsEditorTexts.sections.consultations },
  { key: 'resolution', title: submissionsEditorTexts.sections.resolution },
  { key: 'statement', title: submissionsEditorTexts.sections.statement },
  { key: 'finances', title: submissionsEditorTexts.sections.finances },
  { key: 'personnel', title: submissionsEditorTexts.sections.personnel },
  { key: 'climate', title: submissionsEditorTexts.sections.climate },
  { key: 'extra', title: submissionsEditorTexts.sections.extra },
  { key: 'cosignatures', title: submissionsEditorTexts.sections.cosignatures },
  { key: 'attachments', title: submissionsEditorTexts.sections.attachments },
  { key: 'measures', title: submissionsEditorTexts.sections.measures },
] as const;
export type SectionKey = (typeof SECTIONS)[number]['key'];

export function sectionTitle(key: SectionKey): string {
  return SECTIONS.find((s) => s.key === key)!.title;
}

export function EditorSection({ name, children }: { name: SectionKey; children: ReactNode }) {
  return (
    <section id={`sec-${name}`} className="sub-section" aria-labelledby={`sec-${name}-title`}>
      <h2 id={`sec-${name}-title`} tabIndex={-1}>
        {sectionTitle(name)}
      </h2>
      {children}
    </section>
  );
}

/** Moves an item of a list up (-1) or down (+1); a new list. */
export function moveItem<T>(list: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  if (target < 0 || target >= list.length) return [...list];
  const next = [...list];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

export function replaceItem<T>(list: readonly T[], index: number, patch: Partial<T>): T[] {
  return list.map((item, i) => (i === index ? { ...item, ...patch } : item));
}

/**
 * After a "Entfernen" the pressed button is gone and the focus would fall back to the page start; it goes
 * to the heading of the section instead, so keyboard users keep their place.
 */
export function keepFocusInSection(from: HTMLElement): void {
  const heading = from.closest('section')?.querySelector<HTMLElement>('h2');
  requestAnimationFrame(() => {
    const active = document.activeElement;
    if (!active || active === document.body || !active.isConnected) heading?.focus();
  });
}

/** Up, down and remove for one row of an ordered list; the names say which row. */
export function RowButtons({
  row,
  index,
  count,
  disabled,
  onMove,
  onRemove,
}: {
  row: string;
  index: number;
  count: number;
  disabled: boolean;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}) {
  return (
    <div className="row-buttons">
      <button
        type="button"
        aria-label={submissionsEditorTexts.moveUpLabel(row)}
        disabled={disabled || index === 0}
        onClick={() => onMove(-1)}
      >
        <span aria-hidden="true">↑ </span>
        {submissionsEditorTexts.moveUp}
      </button>
      <button
        type="button"
        aria-label={submissionsEditorTexts.moveDownLabel(row)}
        disabled={disabled || index === count - 1}
        onClick={() => onMove(1)}
      >
        <span aria-hidden="true">↓ </span>
        {submissionsEditorTexts.moveDown}
      </button>
      <button
        type="button"
        aria-label={submissionsEditorTexts.removeLabel(row)}
        disabled={disabled}
        onClick={(ev) => {
          keepFocusInSection(ev.currentTarget);
          onRemove();
        }}
      >
        {submissionsEditorTexts.remove}
      </button>
    </div>
  );
}

export { RadioGroup } from '../../../ui/fields';
