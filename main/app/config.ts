import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileDurably } from '../db/durableFile';
import { defaultTerminalConfig, TerminalConfig } from '../../shared/terminals/config';
import { ErrorCode, type HallError } from '../../shared/kernel/errors';

const FILE = 'terminal.json';

/**
 * The terminal's configuration file in the user-data dir. A missing file means the default
 * (standalone demo hall); an unreadable or invalid one is reported and the setup screen opens,
 * rather than guessing what the administrator meant.
 */
export function loadConfig(dir: string): { config: TerminalConfig; error: HallError | null } {
  const file = path.join(dir, FILE);
  if (!existsSync(file)) return { config: defaultTerminalConfig, error: null };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    return {
      config: defaultTerminalConfig,
      error: { code: ErrorCode.VALIDATION_FAILED, message: `${file} 不是有效的 JSON：${(e as Error).message}` },
    };
  }
  const parsed = TerminalConfig.safeParse(raw);
  if (!parsed.success) {
    return {
      config: defaultTerminalConfig,
      error: {
        code: ErrorCode.VALIDATION_FAILED,
        message: `${file} 配置错误：${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      },
    };
  }
  return { config: parsed.data, error: null };
}

/** Validates, then replaces the file atomically; it holds the terminal token, so owner-only. */
export function saveConfig(dir: string, input: unknown): { ok: true } | { ok: false; error: HallError } {
  const parsed = TerminalConfig.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      error: { code: ErrorCode.VALIDATION_FAILED, message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') },
    };
  }
  const file = path.join(dir, FILE);
  writeFileDurably(file, JSON.stringify(parsed.data, null, 2), 0o600);
  return { ok: true };
}
