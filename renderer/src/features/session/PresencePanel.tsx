import { useEffect, useId, useRef, useState } from 'react';
import type { PresenceInfo } from '@shared/contract';
import { formatDateTime } from '@shared/core/format';
import { multiUser } from '@shared/session/multiUserTexts';

/** Who has the register open (status bar): a count that opens a small panel with names, computers, since. */
export function PresenceButton({ presence }: { presence: PresenceInfo[] }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) closeRef.current?.focus();
  }, [open]);
  const count = Math.max(1, presence.length);
  return (
    <span className="presence">
      <button type="button" className="link-button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
        {multiUser.presenceCount(count)}
      </button>
      {open ? (
        <div
          id={panelId}
          className="presence-panel"
          role="dialog"
          aria-label={multiUser.presenceTitle}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setOpen(false);
          }}
        >
          <h2>{multiUser.presenceTitle}</h2>
          <ul>
            {presence.map((p, i) => (
              <li key={`${p.host}-${p.since}-${i}`}>
                {multiUser.presenceEntry(p.user, p.host, formatDateTime(p.since))} {p.self ? multiUser.presenceYou : null}
              </li>
            ))}
          </ul>
          <button type="button" ref={closeRef} onClick={() => setOpen(false)}>
            {multiUser.presenceClose}
          </button>
        </div>
      ) : null}
    </span>
  );
}
