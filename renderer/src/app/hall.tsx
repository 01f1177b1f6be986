import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { ConnectionState, HallApi } from '../../../shared/protocol/api';
import { applyBatch, emptyReplica, fromSnapshot, rowById, rowsOf, type ReplicaState } from '../../../shared/protocol/replica';
import { hallDay } from '../../../shared/queue/rules';
import { parseQueueSettings } from '../../../shared/queue/settings';
import { followHubClock } from './time';

interface Hall {
  api: HallApi;
  replica: ReplicaState;
  connection: ConnectionState;
}

const HallContext = createContext<Hall | null>(null);

const initialConnection: ConnectionState = { status: 'connecting', since: null, pending: 0, checking: 0, welcome: null, synced: null };

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
      if (c.welcome && c.welcome !== lastWelcome) followHubClock(c.welcome.serverTime);
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
