import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { enrollHall, Region } from './region';
import { RegionStore } from './store';

/**
 * The regional server:
 *   npm run region -- --pg postgres://USER@HOST:PORT/DB --port 7800        follows every hall added
 *   npm run region -- --pg postgres://… add-hall --hub https://HALL:7700 --code XXXX-XXXX-XXXX [--replace]
 * The code is a one-time enrollment code for a terminal of the role 区域监管服务器 (region), made by
 * the hall's administrator in 终端管理. A running region picks up a hall added meanwhile within seconds.
 * GET /health on --port answers each hall's link: connected or not, and how far its feed has landed.
 */
const Options = z.object({
  pg: z.string().regex(/^postgres(ql)?:\/\//, '--pg: a postgres:// connection URL'),
  port: z.coerce.number().int().min(0).max(65535).default(7800),
  host: z.string().default('127.0.0.1'),
  hub: z.url('--hub: the hall hub’s address, e.g. https://10.0.0.5:7700').optional(),
  code: z.string().min(4, '--code: the one-time enrollment code').optional(),
  replace: z.boolean().default(false),
});

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
  if (positionals.length) fail(`unknown command ${positionals[0]}: add-hall, or none to run the region`);
  const region = await Region.start(RegionStore.connect(opts.pg), log).catch((e: unknown) => fail(`PostgreSQL: ${(e as Error).message}`));

  const watch = setInterval(
    () => void region.followNewHalls().catch((e: unknown) => log(`halls: ${(e as Error).message}`)),
    NEW_HALLS_EVERY_MS,
  );
  const http = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/health') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, halls: region.states() }));
    } else {
      res.writeHead(404).end();
    }
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
