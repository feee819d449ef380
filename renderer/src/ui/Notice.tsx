import { de } from '@shared/i18n/de';

/** Status messages: announced to screen readers, and never told by colour alone (icon word + text). */
export function Notice({ kind, children }: { kind: 'info' | 'success' | 'error' | 'warning'; children: React.ReactNode }) {
  const prefix = de.ui.noticePrefix[kind];
  return (
    <div className={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      <strong>{prefix}</strong> {children}
    </div>
  );
}
