import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { NodeLevel } from '../../shared/region/board';
import { passwordProblem } from '../../shared/staff/password';
import { readSecret } from '../kernel/readSecret';
import { pdfBrowserOf } from '../kernel/reportPdf';
import { regionHttp } from './http';
import { enrollHall, Region } from './region';
import { RegionStore } from './store';
import { Supervisors } from './supervisors';

/**
 * The regional server:
 *   npm run region -- --pg postgres://USER@HOST:PORT/DB --port 7800        follows every hall added
 *   npm run region -- --pg postgres://… add-hall --hub https://HALL:7700 --code XXXX-XXXX-XXXX [--replace]
 * The code is a one-time enrollment code for a terminal of the role 区域监管服务器 (region), made by
 * the hall's administrator in 终端管理. A running region picks up a hall added meanwhile within seconds.
 *   npm run region -- --pg postgres://… add-node --id gx --level county --name 甲县 [--parent city]
 *   npm run region -- --pg postgres://… place-hall --hall H330201 --node gx
 *   npm run region -- --pg postgres://… add-supervisor --login zhang --name 张科长 --node gx   (password read from stdin)
 * The board is at http://HOST:PORT/#/region; a supervisor sees the halls of their node and below.
 * Report PDFs are printed with --pdf-browser PATH (default Debian's /usr/bin/chromium when installed).
 * GET /health on --port answers each hall's link: connected or not, and how far its feed has landed.
 */
const Options = z.object({
  pg: z.string().regex(/^postgres(ql)?:\/\//, '--pg: a postgres:// connection URL'),
  port: z.coerce.number().int().min(0).max(65535).default(7800),
  host: z.string().default('127.0.0.1'),
  hub: z.url('--hub: the hall hub’s address, e.g. https://10.0.0.5:7700').optional(),
  code: z.string().min(4, '--code: the one-time enrollment code').optional(),
  replace: z.boolean().default(false),
  id: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/, '--id: letters, digits, _ or -')
    .optional(),
  parent: z.string().optional(),
  level: NodeLevel.optional(),
  name: z.string().trim().min(1).max(60).optional(),
  hall: z.string().optional(),
  'pdf-browser': z.string().min(1).optional(),
  node: z.string().optional(),
  login: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{2,32}$/, '--login: 2–32 letters, digits or _.-')
    .optional(),
});
type Opts = z.infer<typeof Options>;

/** The operations that change the network and its supervisors, run once and done. */
const OPERATIONS: Record<string, (s: Supervisors, o: Opts) => Promise<string>> = {
  'add-node': async (s, o) => {
    if (!o.id || !o.level || !o.name) fail('add-node needs --id, --level (city, county, township, village) and --name');
    await s.addNode({ id: o.id, parentId: o.parent ?? null, level: o.level, name: o.name });
    return `node ${o.name} (${o.id}) saved`;
  },
  'place-hall': async (s, o) => {
    if (!o.hall || !o.node) fail('place-hall needs --hall and --node');
    await s.placeHall(o.hall, o.node);
    return `hall ${o.hall} placed at ${o.node}`;
  },
  'add-supervisor': async (s, o) => {
    if (!o.login || !o.name || !o.node) fail('add-supervisor needs --login, --name and --node');
    const password = await readSecret('password: ');
    const problem = passwordProblem(password, o.login);
    if (problem) fail(problem);
    await s.add({ login: o.login, name: o.name, nodeId: o.node, password });
    return `supervisor ${o.login} saved`;
  },
};

/** How often a running region looks for halls added by `add-hall`. */
const NEW_HALLS_EVERY_MS = 5000;

function fail(message: string): never {
  process.stderr.write(`servicehall region: ${message}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      pg: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      hub: { type: 'string' },
      code: { type: 'string' },
      replace: { type: 'boolean' },
      id: { type: 'string' },
      parent: { type: 'string' },
      level: { type: 'string' },
      name: { type: 'string' },
      hall: { type: 'string' },
      node: { type: 'string' },
      login: { type: 'string' },
      'pdf-browser': { type: 'string' },
    },
  });
  const parsed = Options.safeParse(values);
  if (!parsed.success) fail(parsed.error.issues.map((i) => i.message).join('; '));
  const opts = parsed.data;
  const log = (m: string) => process.stdout.write(`${new Date().toISOString()} ${m}\n`);
  if (positionals[0] === 'add-hall') {
    if (!opts.hub || !opts.code) fail('add-hall needs --hub URL and --code CODE');
    const store = RegionStore.connect(opts.pg);
    try {
      await store.migrate();
      const added = await enrollHall(store, opts.hub, opts.code, { replace: opts.replace });
      log(`hall ${added.hallName} (${added.hallId}) added`);
    } catch (e) {
      fail((e as Error).message);
    } finally {
      await store.close();
    }
    return;
  }
  const operation = positionals[0] ? OPERATIONS[positionals[0]] : undefined;
  if (positionals[0] && !operation)
    fail(`unknown command ${positionals[0]}: add-hall, ${Object.keys(OPERATIONS).join(', ')}, or none to run the region`);
  if (operation) {
    const store = RegionStore.connect(opts.pg);
    try {
      await store.migrate();
      log(await operation(new Supervisors(store, Date.now), opts));
    } catch (e) {
      fail((e as Error).message);
    } finally {
      await store.close();
    }
    return;
  }
  const region = await Region.start(RegionStore.connect(opts.pg), log).catch((e: unknown) => fail(`PostgreSQL: ${(e as Error).message}`));

  // Halls added meanwhile are followed, and a hall placed elsewhere (place-hall) is sent its level's proxy list.
  const watch = setInterval(
    () =>
      void region
        .followNewHalls()
        .then(() => region.deliverDocuments())
        .catch((e: unknown) => log(`halls: ${(e as Error).message}`)),
    NEW_HALLS_EVERY_MS,
  );
  // The board's page is the renderer the hub serves too, built beside the region's bundle (dist/renderer).
  const rendererDir = path.resolve(path.dirname(__filename), __filename.endsWith('.ts') ? '../../dist/renderer' : '../renderer');
  const http = regionHttp({
    region,
    supervisors: new Supervisors(region.store, Date.now),
    rendererDir,
    clock: Date.now,
    log,
    pdfBrowser: pdfBrowserOf(opts['pdf-browser']),
  });
  http.listen(opts.port, opts.host, () =>
    log(`region listening on http://${opts.host}:${opts.port}, following ${region.states().length} halls`),
  );
  const stop = () => {
    log('closing');
    clearInterval(watch);
    http.close();
    void region.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

void main();
