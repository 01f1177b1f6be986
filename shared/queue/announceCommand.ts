import { z } from 'zod/mini';
import type { CommandSpec } from '../kernel/command';
import { entityIdMini } from '../kernel/zodMini';
import { AnnounceOutcome } from './enums';

const payload = z.strictObject({
  outcome: AnnounceOutcome,
  calls: z
    .array(z.strictObject({ ticketId: entityIdMini, calledAt: z.int().check(z.nonnegative()) }))
    .check(z.minLength(1), z.maxLength(50)),
});
const result = z.object({ recorded: z.int().check(z.nonnegative()) });

/**
 * The lobby display tells what its voice did with calls (one run of speech, or the calls it left
 * to the screen), so that each clerk sees whether their call was heard. A report about a call
 * that has since been recalled or moved on is not recorded (`recorded` counts the others).
 */
const announced: CommandSpec<typeof payload, typeof result> = { payload, result, roles: ['display'], offline: false };

/**
 * The one command a lobby display sends, in zod/mini so that the display's page need not load
 * classic zod (queue/commands merges it into the queue's commands).
 */
export const announceCommandSpecs = { 'ticket.announced': announced } as const;
