// A PostgreSQL for machines that have none: PGlite (PostgreSQL compiled to WebAssembly) behind its wire-protocol
// socket server on loopback. Used by `npm test` when TEST_POSTGRES_URL is not set.
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export async function startPglite() {
  const db = await PGlite.create();
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 64 });
  await server.start();
  const address = server.getServerConn();
  return {
    url: `postgresql://postgres@${address}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
