import { X509Certificate } from 'node:crypto';
import { z } from 'zod';
import { ErrorCode, type HallError } from '../../shared/kernel/errors';
import { TerminalRole } from '../../shared/kernel/roles';
import { type TerminalConfig } from '../../shared/terminals/config';
import { postAndPin } from '../terminal/pinning';
import { saveConfig } from './config';
import { saveToken, type SecretBox } from './tokenStore';

const Enrolled = z.object({
  terminalId: z.string(),
  role: TerminalRole,
  token: z.string().min(10),
  hallId: z.string(),
  hallName: z.string(),
});
const Refused = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export type EnrollResult =
  | { ok: true; role: TerminalRole; hallName: string; storage: 'sealed' | 'file'; fingerprint: string | null }
  | { ok: false; error: HallError };

/**
 * This PC becomes a networked terminal: the one-time code is exchanged at the hub for the
 * terminal's token, the token is stored (safeStorage where possible), and the configuration
 * switches to that hub and role. Nothing is saved unless the hub said yes. Over https the hub's
 * certificate is pinned here, on first use, and required from then on.
 */
export async function enrollTerminal(
  dir: string,
  config: TerminalConfig,
  hubUrl: string,
  code: string,
  box: SecretBox,
  fetchImpl: typeof fetch = fetch,
): Promise<EnrollResult> {
  let url: URL;
  try {
    url = new URL('/enroll', hubUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol');
  } catch {
    return { ok: false, error: { code: ErrorCode.VALIDATION_FAILED, message: '大厅服务器地址无效' } };
  }
  let res: { status: number; body: unknown; certPem: string | null };
  try {
    if (url.protocol === 'https:') res = await postAndPin(url, { code }, 8000);
    else {
      const r = await fetchImpl(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code }),
        signal: AbortSignal.timeout(8000),
      });
      res = { status: r.status, body: await r.json().catch(() => null), certPem: null };
    }
  } catch {
    return { ok: false, error: { code: ErrorCode.HUB_UNREACHABLE, message: '无法连接大厅服务器，请检查地址和网络' } };
  }
  const enrolled = Enrolled.safeParse(res.body);
  if (res.status !== 200 || !enrolled.success) {
    const refused = Refused.safeParse(res.body);
    const error = refused.success ? refused.data.error : { code: ErrorCode.INTERNAL, message: `大厅服务器应答异常（HTTP ${res.status}）` };
    return { ok: false, error: error as HallError };
  }
  const storage = saveToken(dir, enrolled.data.token, box);
  const saved = saveConfig(dir, { ...config, mode: 'terminal', role: enrolled.data.role, hubUrl, token: '', hubCertificate: res.certPem });
  if (!saved.ok) return saved;
  const fingerprint = res.certPem ? new X509Certificate(res.certPem).fingerprint256 : null;
  return { ok: true, role: enrolled.data.role, hallName: enrolled.data.hallName, storage, fingerprint };
}
