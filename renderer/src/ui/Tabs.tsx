import { useId, type KeyboardEvent, type ReactNode } from 'react';

export interface Tab<Id extends string> {
  id: Id;
  label: string;
}

/**
 * Tabs and the selected tab's panel (WAI-ARIA tabs: arrow keys, Home and End move between tabs).
 * `aside` stands beside the tab list (a search box, say).
 */
export function Tabs<Id extends string>(props: {
  label: string;
  tabs: readonly Tab<Id>[];
  selected: Id;
  onSelect: (id: Id) => void;
  aside?: ReactNode;
  children: ReactNode;
}) {
  const base = useId();
  const tabId = (id: Id) => `${base}-${id}`;
  const onKeyDown = (e: KeyboardEvent) => {
    const at = props.tabs.findIndex((tab) => tab.id === props.selected);
    const last = props.tabs.length - 1;
    const to = { ArrowRight: at === last ? 0 : at + 1, ArrowLeft: at === 0 ? last : at - 1, Home: 0, End: last }[e.key];
    const next = to === undefined ? undefined : props.tabs[to];
    if (!next) return;
    e.preventDefault();
    props.onSelect(next.id);
    document.getElementById(tabId(next.id))?.focus();
  };
  return (
    <>
      <div className="tabs-head">
        <div role="tablist" className="tabs" aria-label={props.label} onKeyDown={onKeyDown}>
          {props.tabs.map((tab) => {
            const selected = tab.id === props.selected;
            return (
              <button
                key={tab.id}
                id={tabId(tab.id)}
                type="button"
                role="tab"
                aria-selected={selected}
                aria-controls={`${base}-panel`}
                tabIndex={selected ? 0 : -1}
                className={`tab ${selected ? 'active' : ''}`}
                onClick={() => props.onSelect(tab.id)}
              >
                {tab.label}
              </button>
            );
          })}
        </div>
        {props.aside}
      </div>
      <div role="tabpanel" id={`${base}-panel`} aria-labelledby={tabId(props.selected)} className="tabpanel">
        {props.children}
      </div>
    </>
  );
}
