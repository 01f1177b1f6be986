import { z } from 'zod';
import { TableName } from './registry';

/** One row change. `seq` is hub-wide, gap-free and increasing. `row` is the role's projection. */
export const FeedEntry = z.object({
  seq: z.number().int().positive(),
  table: TableName,
  op: z.enum(['upsert', 'delete']),
  id: z.string().min(1),
  row: z.record(z.string(), z.unknown()).nullable(),
});
export type FeedEntry = z.infer<typeof FeedEntry>;

/**
 * The entries of seqs `from`..`to` that the receiving role may see. A role does not see every
 * table, so entries may be missing inside the range; the range itself is what must be gap-free
 * from one batch to the next.
 */
export const FeedBatch = z.object({
  from: z.number().int().positive(),
  to: z.number().int().positive(),
  entries: z.array(FeedEntry),
});
export type FeedBatch = z.infer<typeof FeedBatch>;

/** Every replicated table, whole, as of `seq`; replaces a replica's content. */
export const Snapshot = z.object({
  seq: z.number().int().nonnegative(),
  tables: z.partialRecord(TableName, z.array(z.record(z.string(), z.unknown()))),
});
export type Snapshot = z.infer<typeof Snapshot>;

export const SubscribeRequest = z.strictObject({ since: z.number().int().nonnegative() });
export type SubscribeRequest = z.infer<typeof SubscribeRequest>;

/** What the hub tells a terminal about itself on connect. */
export const Welcome = z.object({
  hallId: z.string(),
  hallName: z.string(),
  /** Changes when the hub's database is replaced: a replica from another epoch starts over. */
  epoch: z.string(),
  terminalId: z.string(),
  role: z.string(),
  counterId: z.string().nullable(),
  zone: z.string(),
  serverTime: z.number().int(),
  /** The hub's TLS certificate fingerprint (SHA-256) when it serves TLS: shown with enrollment codes, to compare. */
  tlsFingerprint: z.string().nullable().default(null),
});
export type Welcome = z.infer<typeof Welcome>;
