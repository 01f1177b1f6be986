import { createServer } from 'node:net';

/** A port nobody listens on now (the OS picks it). Free of vitest, for the bench too. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}
