import { useEffect, useId, useRef, useState } from 'react';
import { de } from '@shared/i18n/de';

const texts = de.lists;

/**
 * "Spalten …": a disclosure with a checkbox per column (shown or not) and its width in pixels – the
 * keyboard's way to what the mouse does on the header edges. Escape closes and returns to the button.
 */
export function ColumnsMenu(props: {
  columns: readonly { key: string; label: string; fixed?: boolean }[];
  shown: readonly string[];
  widthOf: (key: string) => number;
  onHidden: (hidden: string[]) => void;
  onWidth: (key: string, width: number) => void;
  onReset: () => void;
}) {
  const { columns, shown, widthOf, onHidden, onWidth, onReset } = props;
  const [open, setOpen] = useState(false);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (open) panel.current?.querySelector<HTMLElement>('input')?.focus();
  }, [open]);
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  return (
    <div className="columns-menu">
      <button type="button" ref={button} aria-expanded={open} aria-controls={id} onClick={() => (open ? close() : setOpen(true))}>
        {texts.columns}
      </button>
      {open ? (
        <div
          id={id}
          ref={panel}
          role="group"
          aria-label={texts.columnsTitle}
          className="columns-panel"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              close();
            }
          }}
        >
          <p className="columns-title">{texts.columnsTitle}</p>
          <ul>
            {columns.map((c) => (
              <li key={c.key}>
                <label>
                  <input
                    type="checkbox"
                    checked={shown.includes(c.key)}
                    disabled={c.fixed}
                    aria-label={texts.columnVisible(c.label)}
                    onChange={(e) => {
                      const visible = new Set(shown);
                      if (e.target.checked) visible.add(c.key);
                      else visible.delete(c.key);
                      onHidden(columns.filter((x) => !visible.has(x.key)).map((x) => x.key));
                    }}
                  />
                  {c.label}
                </label>
                <input
                  type="number"
                  min={48}
                  max={2000}
                  step={10}
                  value={widthOf(c.key)}
                  aria-label={texts.columnWidth(c.label)}
                  onChange={(e) => {
                    const value = Number(e.target.value);
                    if (Number.isFinite(value) && value >= 48) onWidth(c.key, value);
                  }}
                />
              </li>
            ))}
          </ul>
          <div className="buttons">
            <button type="button" onClick={onReset}>
              {texts.columnsReset}
            </button>
            <button type="button" onClick={close}>
              {texts.columnsClose}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
