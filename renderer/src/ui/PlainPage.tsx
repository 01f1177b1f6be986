import type { ReactNode } from 'react';
import { LanguageToggle } from '../i18n';

/** A plain page frame for setup-like screens: title bar with the language switch, then the body. */
export function PlainPage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="face setup">
      <header className="topbar">
        <h1>{title}</h1>
        <LanguageToggle />
      </header>
      {children}
    </div>
  );
}
