import { z } from 'zod';
import { FaceRole } from '../kernel/roles';

/**
 * A PC's terminal configuration, kept in Electron's user-data dir and edited on the setup screen.
 * standalone: this PC runs the hall hub too (the default, with the demo hall on first start).
 */
export const TerminalConfig = z.strictObject({
  mode: z.enum(['standalone', 'terminal']),
  /** terminal mode: this PC's role and its link to the hub. */
  role: FaceRole,
  hubUrl: z.url({ protocol: /^https?$/ }),
  token: z.string().max(200),
  /** The https hub's certificate, pinned at enrollment (PEM); null for plain http or a CA-signed hub. */
  hubCertificate: z.string().max(8000).nullable().default(null),
  /** standalone mode: the faces to open, and the hub's port. */
  faces: z.array(FaceRole).min(1),
  hubPort: z.number().int().min(1).max(65535),
  /** Which monitor the lobby display goes fullscreen on (index in the OS's list). */
  displayMonitor: z.number().int().min(0).max(16),
  language: z.enum(['zh-CN', 'en']),
  /** The kiosk's thermal printer (system name; empty: the default printer) and its paper width. */
  printerName: z.string().max(200),
  paperWidthMm: z.union([z.literal(58), z.literal(80)]),
});
export type TerminalConfig = z.infer<typeof TerminalConfig>;

export const defaultTerminalConfig: TerminalConfig = {
  mode: 'standalone',
  role: 'clerk',
  hubUrl: 'http://127.0.0.1:7700',
  token: '',
  hubCertificate: null,
  faces: ['clerk', 'display', 'manager'],
  hubPort: 7700,
  displayMonitor: 0,
  language: 'zh-CN',
  printerName: '',
  paperWidthMm: 80,
};
