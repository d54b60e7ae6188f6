import { createServer } from 'node:net';

/** Finds a TCP port that is free on 127.0.0.1 right now (binds port 0, reads it, closes). */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => {
        if (port > 0) resolve(port);
        else reject(new Error('findFreePort: the server reported no TCP port'));
      });
    });
  });
}
