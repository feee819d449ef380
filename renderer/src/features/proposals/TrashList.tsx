import { formatDateTime } from '@shared/core/format';
import { de } from '@shared/i18n/de';

const proposalsTexts = de.proposalsUi;

/** Entries of a list in the Papierkorb, each with "Wiederherstellen"; nothing when it is empty. */
export function TrashList({
  items,
  disabled,
  onRestore,
}: {
  items: { id: string; label: string; deletedAt: string }[];
  disabled: boolean;
  onRestore: (id: string) => void;
}) {
  if (items.length === 0) return null;
  return (
    <details className="proposals-trash">
      <summary>{proposalsTexts.trashTitle(items.length)}</summary>
      <ul>
        {items.map((item) => (
          <li key={item.id}>
            <span>
              {item.label} <span className="muted">({formatDateTime(item.deletedAt)})</span>
            </span>{' '}
            <button
              type="button"
              disabled={disabled}
              aria-label={proposalsTexts.restoreLabel(item.label)}
              onClick={() => onRestore(item.id)}
            >
              {proposalsTexts.restore}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
