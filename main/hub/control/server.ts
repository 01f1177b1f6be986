import { randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { ErrorCode, type HallError } from '../../../shared/kernel/errors';
import { writeFileDurably } from '../../db/durableFile';
import { operate, type OperatorHall } from './operations';
import { ControlRequest, MAX_CONTROL_BYTES, controlAddress, controlKeyFile, type ControlAnswer } from './protocol';

/** A request that has not arrived whole in this long is dropped: a connection held open holds nothing of the hub's. */
const REQUEST_DEADLINE_MS = 10_000;

export interface ControlChannel {
  readonly address: string;
  close(): Promise<void>;
}

/**
 * The running hub's control channel (see protocol.ts). Requests are answered one at a time on the
 * hub's thread, each in its own transaction like any command; a malformed one is answered with a
 * typed error and the hub serves on. Call while holding the data dir's lock: a socket file left
 * by a hub that died is removed first.
 */
export async function startControl(dataDir: string, hall: OperatorHall, log: (m: string) => void): Promise<ControlChannel> {
  const key = randomBytes(32);
  writeFileDurably(controlKeyFile(dataDir), key.toString('hex'), 0o600);
  const address = controlAddress(dataDir);
  const isPipe = address.startsWith('\\\\');
  if (!isPipe && existsSync(address)) rmSync(address);

  const answerOf = async (text: string): Promise<ControlAnswer> => {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      return refusal(ErrorCode.VALIDATION_FAILED, 'the control request is not JSON');
    }
    const request = ControlRequest.safeParse(message);
    if (!request.success) return refusal(ErrorCode.VALIDATION_FAILED, 'the control request needs a key and a request');
    if (!timingSafeEqual(Buffer.from(request.data.key, 'hex'), key))
      return refusal(ErrorCode.UNAUTHENTICATED, `the key is not the one in ${controlKeyFile(dataDir)}`);
    const answer = await operate(hall, request.data.request);
    const op = (request.data.request as { op?: unknown } | null)?.op;
    const done = answer.ok ? ('terminalId' in answer.result ? `terminal ${answer.result.terminalId}` : answer.result.file) : '';
    log(`operator ${typeof op === 'string' ? op.slice(0, 32) : '?'}: ${answer.ok ? `done (${done})` : answer.error.code}`);
    return answer;
  };

  const server: Server = createServer((socket: Socket) => {
    let text = '';
    let done = false;
    const reply = (answer: ControlAnswer) => {
      if (done) return;
      done = true;
      socket.end(`${JSON.stringify(answer)}\n`);
    };
    socket.setEncoding('utf8');
    socket.setTimeout(REQUEST_DEADLINE_MS, () => socket.destroy());
    socket.on('error', () => socket.destroy());
    let started = false;
    socket.on('data', (chunk: string) => {
      if (done || started) return;
      text += chunk;
      if (Buffer.byteLength(text) > MAX_CONTROL_BYTES)
        return reply(refusal(ErrorCode.PAYLOAD_TOO_LARGE, `a control request is at most ${MAX_CONTROL_BYTES} bytes`));
      const end = text.indexOf('\n');
      if (end < 0) return;
      // The request is whole: a backup may take long to answer, and the operator's CLI waits for it.
      socket.setTimeout(0);
      started = true;
      answerOf(text.slice(0, end)).then(reply, (e: unknown) => {
        log(`control request failed: ${(e as Error).stack ?? String(e)}`);
        reply(refusal(ErrorCode.INTERNAL, 'the hub could not run the operation; nothing was done'));
      });
    });
  });
  server.on('error', (e) => log(`control channel: ${e.message}`));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(address, () => resolve());
  });
  // The data dir is the owner's only; the socket is too, where it lies elsewhere (a deep data dir).
  if (!isPipe) chmodSync(address, 0o600);
  return {
    address,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (!isPipe) rmSync(address, { force: true });
      rmSync(controlKeyFile(dataDir), { force: true });
    },
  };
}

function refusal(code: HallError['code'], message: string): ControlAnswer {
  return { ok: false, error: { code, message } };
}
