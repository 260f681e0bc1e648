/**
 * LISTEN/NOTIFY across the embedded database's connections. PGlite is ONE session: a LISTEN from
 * any connection registers on it, and PostgreSQL then hands the session's NotificationResponse
 * messages out with whatever command completes next, which pglite-socket writes to the connection
 * that sent that command (the notifier), never to the one that listened. This relay remembers
 * which connections sent LISTEN, picks the NotificationResponse messages out of every response,
 * and writes a copy to each listening connection. It writes between two commands (the session
 * queue runs one at a time), so the copy never lands inside another response. Channels are not
 * told apart: a listener gets every notification (a wake-up too many costs one read).
 */
const QUERY = 0x51; // 'Q'
const NOTIFICATION = 0x41; // 'A'
const LISTEN = /^\s*listen\s/i;
const UNLISTEN = /^\s*unlisten\s/i;

export class NotificationRelay {
  private readonly listeners = new Map<number, (data: Uint8Array) => void>();

  /** Looks at a message a connection sends: LISTEN makes it a listener, UNLISTEN ends that. */
  sent(handlerId: number, message: Uint8Array, write: (data: Uint8Array) => void): void {
    if (message[0] !== QUERY) return;
    const text = Buffer.from(message.subarray(5, Math.min(message.length, 64))).toString('latin1');
    if (LISTEN.test(text)) this.listeners.set(handlerId, write);
    else if (UNLISTEN.test(text)) this.listeners.delete(handlerId);
  }

  gone(handlerId: number): void {
    this.listeners.delete(handlerId);
  }

  /** True when a response of `handlerId` must be looked through (someone else listens). */
  wants(handlerId: number): boolean {
    return this.listeners.size > (this.listeners.has(handlerId) ? 1 : 0);
  }

  /** A whole response (complete messages) of `handlerId`: copies its notifications to the others. */
  relay(handlerId: number, response: Buffer): void {
    for (let at = 0; at + 5 <= response.length;) {
      const end = at + 1 + response.readInt32BE(at + 1);
      if (response[at] === NOTIFICATION && end <= response.length) {
        const notification = response.subarray(at, end);
        for (const [listener, write] of this.listeners) {
          if (listener !== handlerId) write(new Uint8Array(notification));
        }
      }
      at = end;
    }
  }
}
