// Preloaded into each app the launcher starts (`node -r`): if the launcher dies without stopping
// its apps (killed with SIGKILL, say), the IPC channel closes and the app shuts down gracefully
// instead of lingering on a port with its database gone.
'use strict';
if (process.channel) {
  // The channel must not keep an app alive that is shutting down on its own.
  process.channel.unref();
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}
