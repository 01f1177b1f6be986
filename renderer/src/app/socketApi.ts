// Each module on its own, never the protocol's index: the index holds the registry of every
// feature, which the lobby display's page must not load (tests/unit/renderer/displayGraph.test.ts).
import type { CommandOutcome, ConnectionState, HallApi, ReplicaListener } from '../../../shared/protocol/api';
import { checkCommand } from '../../../shared/protocol/envelope';
import type { CommandPayload, CommandType } from '../../../shared/protocol/registry';
import { applyBatch, emptyReplica, fromSnapshot, toSnapshot, type ReplicaState } from '../../../shared/protocol/replica';
import { SyncClient } from '../../../shared/protocol/syncClient';
import { HubSocket } from './hubSocket';

/**
 * The HallApi in a plain browser, talking to the hub that served the page. The replica lives in
 * memory, and there is no durable outbox: every command needs the hub and fails fast without it.
 */
export function socketApi(hubUrl: string, token: string): HallApi & { close(): void } {
  const socket = new HubSocket(hubUrl, { auth: { token }, reconnectionDelay: 250, reconnectionDelayMax: 3000 });
  const listeners = new Set<ReplicaListener>();
  let state: ReplicaState = emptyReplica;
  let epoch: string | null = null;

  const sync = new SyncClient(
    socket,
    {
      cursor: () => ({ seq: state.seq, epoch }),
      reset: (e) => {
        epoch = e;
        state = emptyReplica;
        for (const l of listeners) l.snapshot(toSnapshot(state));
      },
      applySnapshot: (s) => {
        state = fromSnapshot(s);
        for (const l of listeners) l.snapshot(s);
      },
      applyBatch: (b) => {
        const r = applyBatch(state, b);
        if (r.gap) return false;
        state = r.state;
        for (const l of listeners) l.batch(b);
        return true;
      },
    },
    () => Date.now(),
    (what) => console.warn(`hub sent a malformed ${what}`),
  );

  return {
    async command<T extends CommandType>(type: T, payload: CommandPayload<T>): Promise<CommandOutcome<T>> {
      const checked = await checkCommand(type, payload);
      if (!checked.ok) return checked;
      return sync.send({ opId: crypto.randomUUID(), type, payload: checked.payload }, 8000);
    },
    watchReplica(listener) {
      listeners.add(listener);
      listener.snapshot(toSnapshot(state));
      return () => listeners.delete(listener);
    },
    watchConnection: (listener: (c: ConnectionState) => void) => sync.watch(listener),
    query: (name, params) => sync.query(name, params, 15_000),
    // A browser has no silent printing and no file system: its print dialog does both (the page's
    // print layout is the ticket or the notice alone, and the dialog offers "save as PDF").
    printTicket: async () => {
      printOnPaper(TICKET_PAGE);
      return { ok: true };
    },
    savePdf: async () => {
      window.print();
      return { ok: true, path: null };
    },
    close: () => socket.close(),
  };
}

/**
 * The ticket's paper in a browser: 80 mm wide (a kiosk's thermal roll), never the printer's default
 * Letter or A4. Electron sets the configured paper itself (main/app/ipc.ts printTicket).
 */
const TICKET_PAGE = '@page { size: 80mm 150mm; margin: 3mm; }';

/** Prints with `pageCss` in force for this print only (the rule goes once the print is done). */
function printOnPaper(pageCss: string): void {
  const style = document.createElement('style');
  style.textContent = pageCss;
  document.head.append(style);
  window.addEventListener('afterprint', () => style.remove(), { once: true });
  window.print();
}
