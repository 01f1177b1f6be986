import { z } from 'zod';
import { ms, rowId as id, table } from '../kernel/table';
import { NodeLevel } from '../region/board';
import { DocKind, OverrideType } from './enums';

/** The region's documents as a hall applied them, and the hall's own exceptions to them. */
export const regionDocTables = {
  /**
   * The version of each document the hall has applied (one row per calendar year, one for the proxy
   * catalog): its content as canonical JSON, the level the region placed the hall at when it sent it.
   * The region sees it come back up: which version each hall runs. The hall's clerks hold it too:
   * a point's clerk takes in proxy cases for the items of its level's list (faces/clerk/ProxyPanel).
   */
  region_documents: table(
    z.object({
      id,
      hall_id: id,
      kind: DocKind,
      doc_key: z.string(),
      version: z.number().int(),
      content: z.string(),
      hall_level: NodeLevel.nullable(),
      published_at: ms,
      applied_at: ms,
    }),
    { staff: 'all', region: 'all' },
  ),
  /** A hall administrator's exception to a document (its value: the day, or the item code); revoked, never deleted. */
  region_overrides: table(
    z.object({
      id,
      hall_id: id,
      kind: DocKind,
      doc_key: z.string(),
      type: OverrideType,
      value: z.string(),
      note: z.string(),
      made_by: id,
      made_at: ms,
      revoked_at: ms.nullable(),
    }),
    { staff: 'all', region: 'all' },
  ),
};
