import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

/**
 * The floor: a bare socket.io server doing nothing but acknowledging and broadcasting, run in its
 * own process exactly as the hub is, so the hub's overhead is measured against the transport.
 */
const http = createServer();
const io = new Server(http, { serveClient: false });
io.on('connection', (socket) => {
  socket.on('echo', (msg: unknown, ack: (m: unknown) => void) => ack(msg));
  socket.on('bcast', (msg: unknown, ack: (m: unknown) => void) => {
    io.emit('b', msg);
    ack(msg);
  });
});
http.listen(0, '127.0.0.1', () => process.stdout.write(`PORT ${(http.address() as AddressInfo).port}\n`));
