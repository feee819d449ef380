import { useEffect, useRef, useState } from 'react';
import { addDays, addMonths, localDay } from '@shared/core/calendar';
import { de } from '@shared/i18n/de';

const t = de.ui.dateField;

/** Monday-first weekday (0 = Montag) of an ISO date. */
const weekday = (iso: string) => (new Date(`${iso}T00:00:00Z`).getUTCDay() + 6) % 7;
const monthStart = (iso: string) => `${iso.slice(0, 7)}-01`;
const dayName = (iso: string) =>
  `${t.weekdays[weekday(iso)]}, ${Number(iso.slice(8, 10))}. ${t.months[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;

/** The six weeks (Monday to Sunday) that show the month of `iso`. */
function weeksOf(iso: string): string[][] {
  const first = addDays(monthStart(iso), -weekday(monthStart(iso)));
  return Array.from({ length: 6 }, (_, w) => Array.from({ length: 7 }, (_, d) => addDays(first, w * 7 + d)));
}

/**
 * A modal calendar: the day buttons form one Tab stop (roving tabindex); arrow keys move by day and
 * week, Bild auf/ab by month, Home/Ende to the week's start and end, Enter or Leertaste takes the day,
 * Esc closes without a change. Names are German ("Dienstag, 1. Juni 2027"); today is marked as text
 * for screen readers (aria-current) and by a frame, not by colour only.
 */
export function CalendarDialog({ label, value, onClose }: { label: string; value: string | null; onClose: (iso: string | null) => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const grid = useRef<HTMLTableElement>(null);
  const today = localDay();
  const [focused, setFocused] = useState(value ?? today);
  const month = focused.slice(0, 7);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  useEffect(() => {
    grid.current?.querySelector<HTMLButtonElement>(`button[data-day="${focused}"]`)?.focus();
  }, [focused]);

  const onKey = (e: React.KeyboardEvent) => {
    const moves: Record<string, () => string> = {
      ArrowLeft: () => addDays(focused, -1),
      ArrowRight: () => addDays(focused, 1),
      ArrowUp: () => addDays(focused, -7),
      ArrowDown: () => addDays(focused, 7),
      PageUp: () => addMonths(focused, e.shiftKey ? -12 : -1),
      PageDown: () => addMonths(focused, e.shiftKey ? 12 : 1),
      Home: () => addDays(focused, -weekday(focused)),
      End: () => addDays(focused, 6 - weekday(focused)),
    };
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    setFocused(move());
  };

  const monthTitle = `${t.months[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
  return (
    <dialog
      ref={ref}
      className="calendar"
      aria-labelledby="calendar-title"
      aria-describedby="calendar-help"
      onCancel={(e) => {
        e.preventDefault();
        onClose(null);
      }}
    >
      <h2 id="calendar-title">{t.title(label)}</h2>
      <div className="calendar-head">
        <button type="button" onClick={() => setFocused(addMonths(focused, -1))} aria-label={t.previousMonth}>
          <span aria-hidden="true">‹</span>
        </button>
        <p className="calendar-month" aria-live="polite" id="calendar-month">
          {monthTitle}
        </p>
        <button type="button" onClick={() => setFocused(addMonths(focused, 1))} aria-label={t.nextMonth}>
          <span aria-hidden="true">›</span>
        </button>
      </div>
      <table ref={grid} className="calendar-grid" aria-labelledby="calendar-month" onKeyDown={onKey}>
        <thead>
          <tr>
            {t.weekdaysShort.map((d, i) => (
              <th key={d} scope="col" abbr={t.weekdays[i]}>
                {d}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeksOf(focused).map((week) => (
            <tr key={week[0]}>
              {week.map((day) => (
                <td key={day}>
                  <button
                    type="button"
                    data-day={day}
                    tabIndex={day === focused ? 0 : -1}
                    className={[day.slice(0, 7) !== month ? 'other-month' : '', day === today ? 'today' : '', day === value ? 'chosen' : '']
                      .filter(Boolean)
                      .join(' ')}
                    aria-label={`${dayName(day)}${day === value ? `, ${t.chosen}` : ''}`}
                    aria-current={day === today ? 'date' : undefined}
                    onClick={() => onClose(day)}
                  >
                    {Number(day.slice(8, 10))}
                  </button>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p id="calendar-help" className="hint">
        {t.help}
      </p>
      <div className="buttons">
        <button type="button" onClick={() => onClose(today)}>
          {t.today}
        </button>
        <button type="button" onClick={() => onClose(null)}>
          {t.cancel}
        </button>
      </div>
    </dialog>
  );
}
