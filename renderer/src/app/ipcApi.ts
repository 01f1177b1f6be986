import type { CommandOutcome, HallApi, PreloadApi } from '../../../shared/protocol/api';
import { parseAnswer } from '../../../shared/protocol/envelope';
import type { FeedBatch } from '../../../shared/protocol/feed';
import type { QueryAnswer } from '../../../shared/protocol/query';
import type { CommandPayload, CommandType, QueryName, QueryParams } from '../../../shared/protocol/registry';

/** The HallApi inside Electron: every call goes to this window's main process through the preload. */
export function ipcApi(bridge: PreloadApi): HallApi {
  return {
    // What crosses IPC is checked again on arrival, like any answer from another process.
    command: async <T extends CommandType>(type: T, payload: CommandPayload<T>): Promise<CommandOutcome<T>> => {
      const outcome = await bridge.command(type, payload);
      return outcome.ok === 'queued' ? outcome : parseAnswer(type, outcome);
    },
    query: <Q extends QueryName>(name: Q, params: QueryParams<Q>) => bridge.query(name, params) as Promise<QueryAnswer<Q>>,
    watchReplica(listener) {
      // Listen first and buffer, so that nothing committed between the snapshot and the
      // subscription is missed; batches the snapshot already holds are skipped by seq.
      let buffered: FeedBatch[] | null = [];
      const off = bridge.onBatch((b) => (buffered ? buffered.push(b) : listener.batch(b)));
      const offSnapshot = bridge.onSnapshot((s) => listener.snapshot(s));
      void bridge.replica().then((s) => {
        listener.snapshot(s);
        for (const b of buffered ?? []) listener.batch(b);
        buffered = null;
      });
      return () => {
        off();
        offSnapshot();
      };
    },
    watchConnection(listener) {
      void bridge.connection().then(listener);
      return bridge.onConnection(listener);
    },
    printTicket: () => bridge.printTicket(),
    savePdf: (fileName) => bridge.savePdf(fileName),
  };
}
