import { ErrorCode } from '../kernel/errors';
import { defineRefusals, refuse } from '../kernel/refusal';
import type { RowOf } from '../kernel/table';
import type { CounterState } from './enums';
import type { counterTables } from './rows';

/**
 * A counter's working session: closed → open ⇄ paused → closed.
 * Invariants: an open or paused counter has a staff member; a closed one has none;
 * a staff member is at one counter at a time; a pause always carries its reason.
 */

type CounterRow = RowOf<typeof counterTables.counters>;
type Counter = Pick<CounterRow, 'id' | 'number' | 'state' | 'staff_id' | 'terminal_id'>;

export type CounterAction =
  | { kind: 'signIn'; staffId: string; terminalId: string; staffCounterNumber: number | null }
  | { kind: 'pause'; reason: string }
  | { kind: 'resume' }
  | { kind: 'signOut' };

export interface CounterChange {
  state: CounterState;
  staff_id: string | null;
  terminal_id: string | null;
  pause_reason: string | null;
}

/**
 * The usual reasons offered to a clerk (free text is allowed too), and the text the hub stores and
 * the board shows for each. A face labels them in its own language and sends the stored text.
 */
export const PAUSE_REASON_CODES = ['away', 'consulting', 'systemFault', 'meeting', 'meal', 'training'] as const;
export type PauseReasonCode = (typeof PAUSE_REASON_CODES)[number];
export const PAUSE_REASONS: Readonly<Record<PauseReasonCode, string>> = {
  away: '临时离开',
  consulting: '业务咨询',
  systemFault: '系统故障',
  meeting: '会议',
  meal: '用餐',
  training: '培训',
};
/** The usual reason a stored pause text is, or null for free text. */
export const pauseReasonCode = (text: string): PauseReasonCode | null => PAUSE_REASON_CODES.find((c) => PAUSE_REASONS[c] === text) ?? null;

/** Why a counter's session refuses a step. */
export const counterRefusals = defineRefusals('counter', {
  taken: { code: ErrorCode.COUNTER_STATE, zh: '{counter} 号窗口已有人员签到' },
  staffElsewhere: { code: ErrorCode.STAFF_ELSEWHERE, zh: '该工作人员已在 {counter} 号窗口签到，请先签退' },
  alreadyPaused: { code: ErrorCode.COUNTER_STATE, zh: '窗口已暂停' },
  pauseClosed: { code: ErrorCode.COUNTER_STATE, zh: '窗口未签到，不能暂停' },
  notPaused: { code: ErrorCode.COUNTER_STATE, zh: '窗口未处于暂停状态' },
  closed: { code: ErrorCode.COUNTER_STATE, zh: '窗口未签到' },
  holdingSignOut: { code: ErrorCode.COUNTER_BUSY, zh: '请先处理当前的 {number} 号再签退' },
});

export function counterTransition(counter: Counter, action: CounterAction): CounterChange {
  const r = counterRefusals;
  switch (action.kind) {
    case 'signIn':
      if (counter.state !== 'closed') throw refuse(r.taken, { counter: counter.number });
      if (action.staffCounterNumber !== null) throw refuse(r.staffElsewhere, { counter: action.staffCounterNumber });
      return { state: 'open', staff_id: action.staffId, terminal_id: action.terminalId, pause_reason: null };
    case 'pause':
      if (counter.state !== 'open') throw refuse(counter.state === 'paused' ? r.alreadyPaused : r.pauseClosed);
      return { state: 'paused', staff_id: counter.staff_id, terminal_id: counter.terminal_id, pause_reason: action.reason };
    case 'resume':
      if (counter.state !== 'paused') throw refuse(r.notPaused);
      return { state: 'open', staff_id: counter.staff_id, terminal_id: counter.terminal_id, pause_reason: null };
    case 'signOut':
      if (counter.state === 'closed') throw refuse(r.closed);
      return { state: 'closed', staff_id: null, terminal_id: null, pause_reason: null };
  }
}

/** A counter whose clerk's terminal has not been heard from for this long shows as offline. */
export const HEARTBEAT_INTERVAL_MS = 30_000;
export const OFFLINE_AFTER_MS = 3 * HEARTBEAT_INTERVAL_MS;

export function isCounterOffline(counter: Pick<CounterRow, 'state' | 'last_seen_at'>, now: number): boolean {
  return counter.state !== 'closed' && (counter.last_seen_at === null || now - counter.last_seen_at > OFFLINE_AFTER_MS);
}
