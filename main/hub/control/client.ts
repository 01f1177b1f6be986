import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { ErrorCode } from '../../../shared/kernel/errors';
import { ControlAnswer, controlAddress, controlKeyFile, type ControlOp } from './protocol';

/** How long the CLI waits for the running hub's answer. */
const ANSWER_DEADLINE_MS = 30_000;

/**
 * Asks the hub running on `dataDir` to run an operation. Returns null when nothing listens there
 * (no hub runs: the caller may open the data dir itself); otherwise the hub's answer, or a typed
 * error when it does not come.
 */
export function askRunningHub(dataDir: string, request: ControlOp, deadlineMs = ANSWER_DEADLINE_MS): Promise<ControlAnswer | null> {
  return new Promise((resolve) => {
    const socket = connect(controlAddress(dataDir));
    let text = '';
    let connected = false;
    socket.setEncoding('utf8');
    socket.setTimeout(deadlineMs, () => {
      socket.destroy();
      resolve({
        ok: false,
        error: { code: ErrorCode.HUB_TIMEOUT, message: 'the running hub did not answer in time; check with the board whether it was done' },
      });
    });
    socket.on('connect', () => {
      connected = true;
      let key: string;
      try {
        key = readFileSync(controlKeyFile(dataDir), 'utf8').trim();
      } catch {
        socket.destroy();
        return resolve({ ok: false, error: { code: ErrorCode.UNAUTHENTICATED, message: `cannot read ${controlKeyFile(dataDir)}` } });
      }
      socket.write(`${JSON.stringify({ key, request })}\n`);
    });
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('end', () => {
      const answer = ControlAnswer.safeParse(safeJson(text));
      resolve(
        answer.success
          ? answer.data
          : {
              ok: false,
              error: { code: ErrorCode.INTERNAL, message: `the running hub answered something unexpected: ${text.slice(0, 200)}` },
            },
      );
    });
    socket.on('error', (e: NodeJS.ErrnoException) => {
      if (!connected && ['ENOENT', 'ECONNREFUSED'].includes(e.code ?? '')) resolve(null);
      else resolve({ ok: false, error: { code: ErrorCode.HUB_UNREACHABLE, message: `control channel: ${e.message}` } });
    });
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
