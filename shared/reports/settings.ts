import { z } from 'zod';
import { settingsParser } from '../kernel/zod';

/**
 * The monthly report pack written by the hub after each month ends (DOMAIN.md "Reports"): whether,
 * and into which folder of the hub's PC. Kept on the hall's row (`report_pack_settings`), set by
 * the administrator on the board.
 */
export interface PackSettings {
  enabled: boolean;
  /** An absolute path on the hub's PC; '' for none. */
  folder: string;
}

export const defaultPackSettings: PackSettings = { enabled: false, folder: '' };

export const PackSettingsSchema = z.strictObject({
  enabled: z.boolean(),
  folder: z.string().trim().max(500),
}) satisfies z.ZodType<PackSettings>;

export const parsePackSettings: (json: string) => PackSettings = settingsParser(PackSettingsSchema, defaultPackSettings);

/**
 * Whether a folder is an absolute path, on the hub's Linux or Windows PC: a relative one would be
 * read from wherever the hub was started, which nobody setting it on the board can know.
 */
export const isAbsoluteFolder = (folder: string): boolean =>
  folder.startsWith('/') || /^[A-Za-z]:[\\/]/.test(folder) || /^\\\\[^\\]+\\[^\\]+/.test(folder);

/** A failed pack is tried again this long after its last attempt (at once when the folder changes). */
export const PACK_RETRY_MS = 15 * 60_000;

/** The month before the one of `day` ('YYYY-MM-DD'), as 'YYYY-MM'. */
export function previousMonth(day: string): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
