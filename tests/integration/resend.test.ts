import { createServer, connect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { TerminalAgent } from '../../main/terminal/agent';
import { demoHub, onCleanup, tempDir, terminal, until } from '../support/hub';

/**
 * A loopback relay between a terminal and the hub that can swallow what the hub sends back and
 * then cut the link: the hub has done the command, the terminal never heard.
 */
async function relay(hubPort: number) {
  const links: Socket[] = [];
  let swallow = false;
  const server = createServer((client) => {
    const hub = connect(hubPort, '127.0.0.1');
    links.push(client, hub);
    client.on('data', (d) => hub.write(d));
    hub.on('data', (d) => swallow || client.write(d));
    const close = () => (client.destroy(), hub.destroy());
    client.on('close', close).on('error', close);
    hub.on('close', close).on('error', close);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  onCleanup(() => new Promise<void>((r) => (links.forEach((s) => s.destroy()), server.close(() => r()))));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    swallowAnswers: (on: boolean) => (swallow = on),
    cut: () => links.splice(0).forEach((s) => s.destroy()),
  };
}

describe('a command whose answer is lost on the way back', () => {
  it('a kiosk ticket is issued once: the terminal asks again with the same opId and prints the stored answer', async () => {
    const hub = await demoHub();
    const link = await relay(hub.port);
    const kiosk = new TerminalAgent({
      hubUrl: link.url,
      token: terminal(hub, 'kiosk').token,
      dataDir: tempDir('agent-'),
      commandTimeoutMs: 300,
    });
    onCleanup(() => kiosk.close());
    kiosk.start();
    await until(() => kiosk.connection.status === 'connected', 'kiosk connected');
    const serviceId = (hub.db.prepare('SELECT id FROM services ORDER BY sort LIMIT 1').get() as { id: string }).id;
    const tickets = () => (hub.db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n;

    link.swallowAnswers(true);
    const pressed = kiosk.command('ticket.issue', { serviceId, priority: 'normal', confirm: null });
    await until(() => tickets() === 1, 'the hub issued the ticket');
    await until(() => kiosk.connection.checking === 1, 'the kiosk is checking');
    link.cut();
    link.swallowAnswers(false);

    const answer = await pressed;
    expect(answer).toMatchObject({ ok: true, result: { ticket: { number: expect.stringMatching(/^[A-Z]+001$/) } } });
    expect(tickets()).toBe(1);
    expect(kiosk.connection.checking).toBe(0);
  });
});
