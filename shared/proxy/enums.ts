import { z } from 'zod';
import type { CaseStatus } from '../cases/enums';

/**
 * A proxy case (全程代办) at the point that took it in: waiting to travel (`outbox`: the region has
 * not yet placed it at a hall), at the hall that decides it (`delivered`: its case there mirrored in
 * the target_* columns), or back at the point unaccepted (`refused`: no hall above takes the item,
 * the target hall could not receive it, or its staff refused it; the reason says which).
 */
export const PROXY_STATUSES = ['outbox', 'delivered', 'refused'] as const;
export const ProxyStatus = z.enum(PROXY_STATUSES);
export type ProxyStatus = z.infer<typeof ProxyStatus>;

/** Why the target hall's staff send a proxy case back before accepting it: a fixed list, with their words beside. */
export const PROXY_REFUSE_REASONS = ['not_competent', 'materials_incomplete', 'not_eligible', 'duplicate', 'other'] as const;
export const ProxyRefuseReason = z.enum(PROXY_REFUSE_REASONS);
export type ProxyRefuseReason = z.infer<typeof ProxyRefuseReason>;

/**
 * Why a proxy case came back to the point: its target's staff refused it (their reason), no hall
 * up the point's line takes the item (`no_target`), or the target hall refused to receive it
 * (`not_received`: its typed refusal's words beside).
 */
export const PROXY_RETURN_REASONS = [...PROXY_REFUSE_REASONS, 'no_target', 'not_received'] as const;
export const ProxyReturnReason = z.enum(PROXY_RETURN_REASONS);
export type ProxyReturnReason = z.infer<typeof ProxyReturnReason>;

/** The decision at the target hall, once made (the 办结 notice says 准予许可 or 不予许可). */
export const PROXY_RESULTS = ['approved', 'denied'] as const;
export const ProxyResult = z.enum(PROXY_RESULTS);
export type ProxyResult = z.infer<typeof ProxyResult>;

/** The statuses in which the deciding hall may still send a proxy case back (proxy.refuse): received, not yet accepted. */
export const SEND_BACK_STATUSES: readonly CaseStatus[] = ['received', 'supplement'];
