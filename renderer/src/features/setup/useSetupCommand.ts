import { useState } from 'react';
import type { CommandOutcome, CommandPayload, CommandType } from '../../../../shared/protocol';
import { useHall } from '../../app/hall';
import { useCommandError } from '../../ui/ErrorLine';

/**
 * Sends the setup editors' commands: the last refusal is kept to show (in the reader's language),
 * and `run` answers whether the change went through, so that a form is cleared only then.
 */
export function useSetupCommand() {
  const { api } = useHall();
  const { error, check } = useCommandError();
  const [busy, setBusy] = useState(false);
  const run = async <T extends CommandType>(type: T, payload: CommandPayload<T>): Promise<CommandOutcome<T> | null> => {
    setBusy(true);
    try {
      const outcome = await api.command(type, payload);
      return check(outcome) ? outcome : null;
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, run };
}

/** A new row's id: the hall's prefix keeps ids unique across halls in the regional store. */
export const newId = (hallId: string, kind: string) => `${hallId}-${kind}-${crypto.randomUUID()}`;
