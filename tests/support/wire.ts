import { io, type Socket } from 'socket.io-client';
import type { Hub } from '../../main/hub/hub';
import { onCleanup } from './hub';

/** A terminal's socket to the hub (or a stranger's, without a token), with the events it received. */
export async function connect(hub: Hub, token: string | undefined): Promise<{ socket: Socket; received: string[]; error: Promise<Error> }> {
  const socket = io(hub.url, { auth: token === undefined ? {} : { token }, transports: ['websocket'], reconnection: false });
  onCleanup(() => void socket.close());
  const received: string[] = [];
  socket.onAny((event: string) => received.push(event));
  const error = new Promise<Error>((resolve) => socket.on('connect_error', resolve));
  return { socket, received, error };
}

/** Everything a command could change: the feed position and every table's content. */
export function fingerprint(hub: Hub): string {
  const tables = [
    'halls',
    'counters',
    'counter_log',
    'inquiries',
    'applied_ops',
    'audit',
    'feed',
    'terminals',
    'staff',
    'tickets',
    'ticket_events',
    'services',
    'hall_days',
    'cases',
    'case_parts',
    'case_events',
    'catalog_items',
    'calendar_years',
    'staff_sessions',
    'rating_requests',
    'ratings',
    'followups',
    'followup_events',
    'complaints',
  ];
  // A wrong password is meant to count (lockout), so the staff's failure count is left out here
  // and checked in the security tests.
  const columns = (t: string) => (t === 'staff' ? 'id, login, name, role, password_hash' : '*');
  return JSON.stringify(tables.map((t) => hub.db.prepare(`SELECT ${columns(t)} FROM ${t} ORDER BY 1`).all()));
}

/** Text past any command's size limit: refused before any check of its shape. */
export const big: string = 'x'.repeat(20_000);
