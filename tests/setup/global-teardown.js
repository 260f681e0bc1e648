module.exports = async () => {
  const server = globalThis.__EMBEDDED_POSTGRES__;
  if (server) await server.stop();
};
