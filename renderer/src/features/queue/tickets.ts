import type { Row } from '../../../../shared/protocol';

/** The ticket a counter holds now (called or being served), if any: a counter holds one at a time. */
export const heldTicket = (tickets: readonly Row<'tickets'>[], counterId: string): Row<'tickets'> | undefined =>
  tickets.find((tk) => tk.counter_id === counterId && (tk.status === 'called' || tk.status === 'serving'));
