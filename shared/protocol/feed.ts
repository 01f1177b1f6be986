// zod/mini, like everything the lobby display loads (kernel/zodMini says why).
import { z } from 'zod/mini';
import { TABLE_NAMES } from './tableNames';

const TableName = z.enum(TABLE_NAMES);
const seq = z.int().check(z.positive());
const cursor = z.int().check(z.nonnegative());

/** One row change. `seq` is hub-wide, gap-free and increasing. `row` is the role's projection. */
export const FeedEntry = z.object({
  seq,
  table: TableName,
  op: z.enum(['upsert', 'delete']),
  id: z.string().check(z.minLength(1)),
  row: z.nullable(z.record(z.string(), z.unknown())),
});
export type FeedEntry = z.infer<typeof FeedEntry>;

/**
 * The entries of seqs `from`..`to` that the receiving role may see. A role does not see every
 * table, so entries may be missing inside the range; the range itself is what must be gap-free
 * from one batch to the next.
 */
export const FeedBatch = z.object({
  from: seq,
  to: seq,
  entries: z.array(FeedEntry),
});
export type FeedBatch = z.infer<typeof FeedBatch>;

/** Every replicated table, whole, as of `seq`; replaces a replica's content. */
export const Snapshot = z.object({
  seq: cursor,
  tables: z.partialRecord(TableName, z.array(z.record(z.string(), z.unknown()))),
});
export type Snapshot = z.infer<typeof Snapshot>;

export const SubscribeRequest = z.strictObject({ since: cursor });
export type SubscribeRequest = z.infer<typeof SubscribeRequest>;

/** What the hub tells a terminal about itself on connect. */
export const Welcome = z.object({
  hallId: z.string(),
  hallName: z.string(),
  /** Changes when the hub's database is replaced: a replica from another epoch starts over. */
  epoch: z.string(),
  terminalId: z.string(),
  role: z.string(),
  counterId: z.nullable(z.string()),
  zone: z.string(),
  serverTime: z.int(),
  /** The hub's TLS certificate fingerprint (SHA-256) when it serves TLS: shown with enrollment codes, to compare. */
  tlsFingerprint: z._default(z.nullable(z.string()), null),
});
export type Welcome = z.infer<typeof Welcome>;
