import { useState } from 'react';
import type { HallError } from '../../../shared/kernel/errors';
import { useI18n } from '../i18n';

/** A refusal from the hub (shown in the reader's language) or a message the face wrote itself. */
export type Problem = HallError | string;

export function ErrorLine({ error }: { error: Problem | null }) {
  const { tError } = useI18n();
  return error ? (
    <p className="error" role="alert">
      {typeof error === 'string' ? error : tError(error)}
    </p>
  ) : null;
}

/** How a command, a query or a window's own action (a PDF saved) came out. */
export type Outcome = { ok: true } | { ok: 'queued' } | { ok: false; error: HallError };

/** Keeps the last refusal to show; `check` answers whether it went through (or was queued). */
export function useCommandError() {
  const [error, setError] = useState<Problem | null>(null);
  const check = (outcome: Outcome): boolean => {
    setError(outcome.ok === false ? outcome.error : null);
    return outcome.ok !== false;
  };
  return { error, check, setError };
}
