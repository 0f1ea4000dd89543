import { type KeyboardEvent, type ReactNode, useRef } from 'react';

export type TabItem<T extends string> = { id: T; label: ReactNode };

export function tabId(base: string, id: string): string {
  return `${base}-tab-${id}`;
}
export function panelId(base: string, id: string): string {
  return `${base}-panel-${id}`;
}

/** A WAI-ARIA tab list: arrow keys, Home and End move between tabs. */
export function Tabs<T extends string>({
  idBase,
  label,
  items,
  value,
  onChange,
}: {
  idBase: string;
  label: string;
  items: ReadonlyArray<TabItem<T>>;
  value: T;
  onChange: (id: T) => void;
}) {
  const listRef = useRef<HTMLDivElement>(null);
  const move = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const last = items.length - 1;
    const next =
      event.key === 'ArrowRight'
        ? index === last
          ? 0
          : index + 1
        : event.key === 'ArrowLeft'
          ? index === 0
            ? last
            : index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (next === null) return;
    event.preventDefault();
    const item = items[next];
    if (!item) return;
    onChange(item.id);
    listRef.current?.querySelector<HTMLButtonElement>(`#${CSS.escape(tabId(idBase, item.id))}`)?.focus();
  };
  return (
    <div className="b-tabs" role="tablist" aria-label={label} ref={listRef}>
      {items.map((item, index) => {
        const selected = item.id === value;
        return (
          <button
            key={item.id}
            type="button"
            role="tab"
            className="b-tab"
            id={tabId(idBase, item.id)}
            aria-selected={selected}
            aria-controls={panelId(idBase, item.id)}
            tabIndex={selected ? 0 : -1}
            onClick={() => onChange(item.id)}
            onKeyDown={(event) => move(event, index)}
          >
            {item.label}
          </button>
        );
      })}
    </div>
  );
}

export function TabPanel({ idBase, id, children }: { idBase: string; id: string; children: ReactNode }) {
  return (
    <div className="b-tabpanel" role="tabpanel" id={panelId(idBase, id)} aria-labelledby={tabId(idBase, id)}>
      {children}
    </div>
  );
}
