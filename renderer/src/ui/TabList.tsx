import { useRef, type KeyboardEvent, type ReactNode } from 'react';

/**
 * A row of tabs after the WAI-ARIA tab pattern: one Tab stop (the selected tab, roving tabindex), the arrow
 * keys and Pos1/Ende move to and select a neighbour (automatic activation: every tab here is cheap to show).
 * Tab ids are `${idPrefix}-tab-${key}`, the panel the caller renders is `${idPrefix}-panel-${key}` (or `panelId`).
 */
export function TabList<K extends string>(props: {
  label: string;
  idPrefix: string;
  tabs: readonly K[];
  selected: K;
  onSelect: (key: K) => void;
  render: (key: K) => ReactNode;
  /** One shared panel id for all tabs, when the caller renders a single panel element. */
  panelId?: string;
}) {
  const { label, idPrefix, tabs, selected, onSelect, render, panelId } = props;
  const ref = useRef<HTMLDivElement>(null);
  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.indexOf(selected);
    const next =
      event.key === 'ArrowRight'
        ? (index + 1) % tabs.length
        : event.key === 'ArrowLeft'
          ? (index - 1 + tabs.length) % tabs.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? tabs.length - 1
              : -1;
    if (next < 0) return;
    event.preventDefault();
    const key = tabs[next]!;
    onSelect(key);
    // The selected tab may re-render after an asynchronous navigation; focus the button that stands for it now.
    ref.current?.querySelector<HTMLButtonElement>(`#${CSS.escape(`${idPrefix}-tab-${key}`)}`)?.focus();
  };
  return (
    <div className="tabs" role="tablist" aria-label={label} ref={ref} onKeyDown={move}>
      {tabs.map((k) => (
        <button
          key={k}
          type="button"
          role="tab"
          id={`${idPrefix}-tab-${k}`}
          aria-selected={selected === k}
          aria-controls={selected === k ? (panelId ?? `${idPrefix}-panel-${k}`) : undefined}
          tabIndex={selected === k ? 0 : -1}
          onClick={() => onSelect(k)}
        >
          {render(k)}
        </button>
      ))}
    </div>
  );
}
