import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { hallDay } from '../../../shared/queue/rules';
import {
  applyBatch,
  emptyReplica,
  fromSnapshot,
  rowById,
  rowsOf,
  type ConnectionState,
  type HallApi,
  type ReplicaState,
} from '../../../shared/protocol';
import { parseQueueSettings } from '../../../shared/queue/settings';

interface Hall {
  api: HallApi;
  replica: ReplicaState;
  connection: ConnectionState;
}

const HallContext = createContext<Hall | null>(null);

const initialConnection: ConnectionState = { status: 'connecting', since: null, pending: 0, welcome: null, synced: null };

/** Holds the face's replica and connection state, fed by whichever HallApi the page runs on. */
export function HallProvider({ api, children }: { api: HallApi; children: ReactNode }) {
  const [replica, setReplica] = useState<ReplicaState>(emptyReplica);
  const [connection, setConnection] = useState<ConnectionState>(initialConnection);
  useEffect(
    () =>
      api.watchReplica({
        snapshot: (s) => setReplica(fromSnapshot(s)),
        batch: (b) => setReplica((current) => applyBatch(current, b).state),
      }),
    [api],
  );
  useEffect(() => {
    let lastWelcome: ConnectionState['welcome'] = null;
    return api.watchConnection((c) => {
      // Reckon time on the hub's clock: durations and deadlines agree on every screen, even on
      // a display box whose own clock is wrong.
      if (c.welcome && c.welcome !== lastWelcome) clockSkew = c.welcome.serverTime - Date.now();
      lastWelcome = c.welcome;
      setConnection(c);
    });
  }, [api]);
  return <HallContext.Provider value={{ api, replica, connection }}>{children}</HallContext.Provider>;
}

export function useHall(): Hall {
  const hall = useContext(HallContext);
  if (!hall) throw new Error('useHall outside HallProvider');
  return hall;
}

/** The hall's queue settings, its current day (on its own clock and time zone) and that day's tickets. */
export function useHallDay(now: number) {
  const { replica, connection } = useHall();
  const settings = parseQueueSettings(rowById(replica, 'halls', connection.welcome?.hallId)?.queue_settings ?? '{}');
  const day = hallDay(now, settings.utcOffsetMinutes);
  return { settings, day, tickets: rowsOf(replica, 'tickets').filter((tk) => tk.day === day) };
}

let clockSkew = 0;
/** Now, on the hub's clock (as of the last welcome). */
export const hallNow = (): number => Date.now() + clockSkew;

/** The current time on the hub's clock, ticking every `ms`: for clocks and "for how long" labels. */
export function useNow(ms = 1000): number {
  const [now, setNow] = useState(hallNow);
  useEffect(() => {
    const id = setInterval(() => setNow(hallNow()), ms);
    return () => clearInterval(id);
  }, [ms]);
  return now;
}

export const formatDuration = (ms: number): string => {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600),
    m = Math.floor((s % 3600) / 60),
    sec = s % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(sec)}` : `${pad(m)}:${pad(sec)}`;
};

export const formatTime = (ms: number): string =>
  new Date(ms).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', hour12: false });
