import { z } from 'zod';
import { ErrorCode, TerminalRole, type HallError, type TerminalConfig } from '../../shared/protocol';
import { saveConfig } from './config';
import { saveToken, type SecretBox } from './tokenStore';

const Enrolled = z.object({ terminalId: z.string(), role: TerminalRole, token: z.string().min(10), hallId: z.string(), hallName: z.string() });
const Refused = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export type EnrollResult = { ok: true; role: TerminalRole; hallName: string; storage: 'sealed' | 'file' } | { ok: false; error: HallError };

/**
 * This PC becomes a networked terminal: the one-time code is exchanged at the hub for the
 * terminal's token, the token is stored (safeStorage where possible), and the configuration
 * switches to that hub and role. Nothing is saved unless the hub said yes.
 */
export async function enrollTerminal(dir: string, config: TerminalConfig, hubUrl: string, code: string, box: SecretBox, fetchImpl: typeof fetch = fetch): Promise<EnrollResult> {
  let url: URL;
  try {
    url = new URL('/enroll', hubUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol');
  } catch {
    return { ok: false, error: { code: ErrorCode.VALIDATION_FAILED, message: '大厅服务器地址无效' } };
  }
  let res: Response;
  try {
    res = await fetchImpl(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }), signal: AbortSignal.timeout(8000) });
  } catch {
    return { ok: false, error: { code: ErrorCode.HUB_UNREACHABLE, message: '无法连接大厅服务器，请检查地址和网络' } };
  }
  const body: unknown = await res.json().catch(() => null);
  const enrolled = Enrolled.safeParse(body);
  if (!res.ok || !enrolled.success) {
    const refused = Refused.safeParse(body);
    const error = refused.success ? refused.data.error : { code: ErrorCode.INTERNAL, message: `大厅服务器应答异常（HTTP ${res.status}）` };
    return { ok: false, error: error as HallError };
  }
  const storage = saveToken(dir, enrolled.data.token, box);
  const saved = saveConfig(dir, { ...config, mode: 'terminal', role: enrolled.data.role, hubUrl, token: '' });
  if (!saved.ok) return saved;
  return { ok: true, role: enrolled.data.role, hallName: enrolled.data.hallName, storage };
}
