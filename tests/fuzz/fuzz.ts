import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import { startHub, type Hub } from '../../main/hub/hub';
import { NO_LIMITS } from '../../main/hub/limits';
import { commandSpecs, querySpecs, type CommandType } from '../../shared/protocol';
import { ErrorCode } from '../../shared/kernel/errors';
import { prng } from '../support/prng';

export interface FuzzResult {
  messages: number;
  crashes: number;
  state_changes: number;
  typed_errors: number;
  untyped: number;
  accepted: number;
  anonymous_replies: number;
  seed: number;
}

const codes = new Set<string>(Object.values(ErrorCode));
const isTyped = (e: unknown): boolean =>
  !!e &&
  typeof e === 'object' &&
  codes.has((e as { code?: string }).code ?? '') &&
  typeof (e as { message?: unknown }).message === 'string';

/** Everything that a refused message must leave alone (applied ops and the audit log may grow). */
function fingerprint(hub: Hub): string {
  const tables = [
    'halls',
    'counters',
    'counter_services',
    'services',
    'tickets',
    'inquiries',
    'counter_log',
    'hall_days',
    'feed',
    'terminals',
    'catalog_items',
    'calendar_years',
    'cases',
    'case_parts',
    'case_events',
  ];
  return JSON.stringify(tables.map((t) => hub.db.prepare(`SELECT * FROM ${t} ORDER BY 1`).all()));
}

export async function fuzz(count: number, seed = Date.now() % 1e9): Promise<FuzzResult> {
  const rnd = prng(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const strings = [
    '',
    ' ',
    'A001',
    'H3301-c-01',
    'H3301-s-A',
    '__proto__',
    'constructor',
    'toString',
    '窗口',
    '😀'.repeat(5),
    'x'.repeat(70),
    'x'.repeat(20_000),
    '\u0000',
    '../../etc',
    'SELECT * FROM staff',
    '<script>',
  ];
  const value = (depth: number): unknown => {
    switch (int(depth > 3 ? 6 : 9)) {
      case 0:
        return null;
      case 1:
        return rnd() < 0.5;
      case 2:
        return pick([0, -1, 1.5, 2 ** 53, -(2 ** 60), Number.MAX_VALUE, 1e-300]);
      case 3:
        return pick(strings);
      case 4:
        return int(1e6);
      case 5:
        return undefined;
      case 6:
        return Array.from({ length: int(5) }, () => value(depth + 1));
      default:
        return Object.fromEntries(
          Array.from({ length: int(5) }, () => [
            pick([...strings.slice(0, 10), 'opId', 'type', 'payload', 'since', 'counterId']),
            value(depth + 1),
          ]),
        );
    }
  };
  const types = Object.keys(commandSpecs) as CommandType[];
  const base = (): Record<string, unknown> => ({
    opId: `fz${int(1e12)}`,
    type: pick(types),
    payload: {
      counterId: 'H3301-c-01',
      serviceId: 'H3301-s-A',
      number: 'A001',
      reason: '测试',
      text: 'x',
      priority: 'normal',
      confirm: null,
      minutes: 5,
      login: 'c01',
      password: 'wrong',
      inquiryId: 'i1',
      topic: 't',
      detail: '',
      handledServiceIds: ['H3301-s-A'],
      mode: 'keep',
      toServiceId: null,
      toCounterId: null,
      caseId: 'case-1',
      at: 0,
      itemId: 'H3301-item-001',
      ticketId: null,
      agentName: null,
      green: false,
      materialsReceived: ['申请书'],
      parts: [],
      action: 'accept',
      applicant: { type: 'person', name: '张三', idNumber: '11010519491231002X', creditCode: null, phone: '13800138000' },
    },
  });
  const mutate = (cmd: Record<string, unknown>): unknown => {
    for (let i = 0, n = 1 + int(3); i < n; i++) {
      const payload = (cmd.payload && typeof cmd.payload === 'object' ? cmd.payload : {}) as Record<string, unknown>;
      const keys = Object.keys(payload);
      switch (int(7)) {
        case 0:
          if (keys.length) delete payload[pick(keys)];
          break;
        case 1:
          if (keys.length) payload[pick(keys)] = value(1);
          break;
        case 2:
          payload[pick(strings)] = value(1);
          break;
        case 3:
          cmd.type = rnd() < 0.5 ? pick(strings) : pick(types);
          break;
        case 4:
          cmd.opId = value(1);
          break;
        case 5:
          cmd.payload = value(0);
          break;
        default:
          cmd[pick(['extra', '__proto__', 'seq'])] = value(1);
      }
    }
    return cmd;
  };
  const message = (): [string, unknown] => {
    const r = rnd();
    if (r < 0.7) return ['command', rnd() < 0.7 ? mutate(base()) : value(0)];
    if (r < 0.8) return ['subscribe', rnd() < 0.5 ? { since: value(2) } : value(0)];
    if (r < 0.9)
      return [
        'query',
        rnd() < 0.6
          ? {
              name: pick([...Object.keys(querySpecs), pick(strings)]),
              params: rnd() < 0.5 ? { text: pick(strings), scope: 'mine', counterId: null } : value(1),
            }
          : value(0),
      ];
    return [pick(['teleport', 'feed', 'welcome', 'snapshot', '__proto__', 'constructor', 'x'.repeat(200)]), value(0)];
  };

  const dir = mkdtempSync(path.join(tmpdir(), 'servicehall-fuzz-'));
  let crashes = 0;
  const onCrash = () => crashes++;
  process.on('uncaughtException', onCrash);
  // What is fuzzed is how the hub takes each message, not how many it takes (tests/integration/floods).
  const hub = await startHub({ dataDir: dir, port: 0, demo: true, limits: NO_LIMITS });
  const result: FuzzResult = {
    messages: 0,
    crashes: 0,
    state_changes: 0,
    typed_errors: 0,
    untyped: 0,
    accepted: 0,
    anonymous_replies: 0,
    seed,
  };
  try {
    const before = fingerprint(hub);
    const connect = async (role: string) => {
      const token = hub.demoTerminals.find((t) => t.role === role)!.token;
      const s: Socket = io(hub.url, { auth: { token }, transports: ['websocket'] });
      await new Promise<void>((resolve) => s.once('connect', () => resolve()));
      return s;
    };
    const clients = [await connect('display'), await connect('clerk')]; // the clerk's counter is closed
    let protocolErrors = 0;
    for (const c of clients) c.on('protocolError', (e: unknown) => (isTyped(e) ? protocolErrors++ : result.untyped++));
    let withoutAck = 0;

    // An anonymous client on the raw wire: refused at connect, then ignored whatever it sends.
    // Garbage makes engine.io drop the connection: it is opened again, and refused again.
    const anonFrames: string[] = [];

    const openAnon = async (): Promise<WebSocket> => {
      const ws = new WebSocket(`${hub.url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`);

      const refused = new Promise<void>((resolve) =>
        ws.on('message', (d) => {
          const frame = d.toString();
          if (frame.startsWith('44{"message":"UNAUTHENTICATED"}')) {
            resolve();
          } else if (!frame.startsWith('0{') && frame !== '2') anonFrames.push(frame);
        }),
      );
      await new Promise((resolve) => ws.once('open', resolve));
      ws.send('40{"token":"forged"}');
      await refused;
      return ws;
    };
    let anon = await openAnon();

    for (let i = 0; i < count; i++) {
      const [event, arg] = message();
      result.messages++;
      if (i % 10 === 0) {
        if (anon.readyState !== WebSocket.OPEN) anon = await openAnon();
        anon.send(
          rnd() < 0.5 ? `42${JSON.stringify([event, arg ?? null])}` : pick(['4', '42', '42[', '3probe', 'garbage', '41', '40{"token":1}']),
        );
        continue;
      }
      const client = clients[i % 2]!;
      if (rnd() < 0.1) {
        client.emit(event, arg);
        withoutAck++;
        continue;
      }
      try {
        const answer = (await client.timeout(5000).emitWithAck(event, arg)) as { ok?: unknown; error?: unknown };
        // A well-formed subscribe or query is fine: neither changes anything.
        if (answer?.ok === true) result.accepted += event === 'command' ? 1 : 0;
        else if (answer?.ok === false && isTyped(answer.error)) result.typed_errors++;
        else result.untyped++;
      } catch {
        result.untyped++; // no answer at all
      }
    }
    const deadline = Date.now() + 5000;
    while (protocolErrors < withoutAck && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    result.typed_errors += protocolErrors;
    result.untyped += withoutAck - protocolErrors;
    // The anonymous socket hears the handshake and its refusal, nothing more.
    result.anonymous_replies = anonFrames.length;
    result.state_changes = fingerprint(hub) === before ? 0 : 1;
    if (!hub.health().ok) crashes++;
    for (const c of clients) c.close();
    anon.close();
  } finally {
    process.off('uncaughtException', onCrash);
    await hub.close();
    rmSync(dir, { recursive: true, force: true });
  }
  result.crashes = crashes;
  return result;
}
