// Runs once in jest's parent process (not in the test sandbox, which refuses PGlite's dynamic
// import). With no DATABASE_URL, it serves an embedded PGlite and hands its URL to the tests, so
// `npm test` needs no server; CI sets DATABASE_URL to a real PostgreSQL.
require('@swc-node/register');
const { startEmbeddedPostgres } = require('../../libs/database/src/embedded-postgres');

module.exports = async () => {
  if (process.env.DATABASE_URL) return;
  const server = await startEmbeddedPostgres({ maxConnections: 128 });
  globalThis.__EMBEDDED_POSTGRES__ = server;
  process.env.DATABASE_URL = server.url;
  process.env.EMBEDDED_DATABASE = '1';
};
