import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The password check pglite-socket lacks (it hands every connection straight to PGlite, which
 * trusts anyone): the PostgreSQL startup exchange, done here in front of the session queue. A new
 * connection's startup message is held back and answered with AuthenticationCleartextPassword;
 * only when the PasswordMessage that follows matches does the startup message go on to PGlite
 * (which answers AuthenticationOk and the rest). Anything else gets a FATAL 28P01 and the
 * connection is closed. Cleartext is enough here: the server listens on 127.0.0.1 only, where
 * whoever could read the traffic could read the data folder too.
 */
export interface QueryQueue {
  enqueue(
    handlerId: number,
    message: Uint8Array,
    onData: (data: Uint8Array) => void,
  ): Promise<number>;
  getQueueLength(): number;
  clearQueueForHandler(handlerId: number): void;
  clearTransactionIfNeeded(handlerId: number): Promise<void>;
}

const PROTOCOL_3 = 196608;
const PASSWORD_MESSAGE = 0x70; // 'p'
const AUTHENTICATION_CLEARTEXT = Buffer.from([0x52, 0, 0, 0, 8, 0, 0, 0, 3]); // 'R', 8, 3

type Door = { state: 'asked'; startup: Uint8Array } | { state: 'open' };

export class PasswordDoor implements QueryQueue {
  private readonly doors = new Map<number, Door>();
  private readonly expected: Buffer;

  constructor(
    private readonly inner: QueryQueue,
    password: string,
  ) {
    this.expected = digest(Buffer.from(password, 'utf8'));
  }

  enqueue(
    handlerId: number,
    message: Uint8Array,
    onData: (data: Uint8Array) => void,
  ): Promise<number> {
    const door = this.doors.get(handlerId);
    if (door?.state === 'open') return this.inner.enqueue(handlerId, message, onData);
    if (!door && isStartup(message)) {
      this.doors.set(handlerId, { state: 'asked', startup: message });
      onData(AUTHENTICATION_CLEARTEXT);
      return Promise.resolve(AUTHENTICATION_CLEARTEXT.length);
    }
    if (door?.state === 'asked' && message[0] === PASSWORD_MESSAGE && this.matches(message)) {
      this.doors.set(handlerId, { state: 'open' });
      return this.inner.enqueue(handlerId, door.startup, onData);
    }
    this.doors.delete(handlerId);
    const refusal = fatal(door ? 'password authentication failed' : 'a password is required');
    onData(refusal);
    // A rejection makes the socket handler close the connection.
    return Promise.reject(new Error('connection refused: no valid password'));
  }

  getQueueLength(): number {
    return this.inner.getQueueLength();
  }

  clearQueueForHandler(handlerId: number): void {
    this.doors.delete(handlerId);
    this.inner.clearQueueForHandler(handlerId);
  }

  clearTransactionIfNeeded(handlerId: number): Promise<void> {
    return this.inner.clearTransactionIfNeeded(handlerId);
  }

  private matches(message: Uint8Array): boolean {
    // 'p', length, the password, a terminating zero. Compared as digests: same length, no timing.
    const given = Buffer.from(message.subarray(5, Math.max(5, message.length - 1)));
    return timingSafeEqual(digest(given), this.expected);
  }
}

function isStartup(message: Uint8Array): boolean {
  return (
    message.length >= 8 &&
    Buffer.from(message.buffer, message.byteOffset).readInt32BE(4) === PROTOCOL_3
  );
}

function digest(bytes: Buffer): Buffer {
  return createHash('sha256').update(bytes).digest();
}

/** An ErrorResponse: severity FATAL, SQLSTATE 28P01 (invalid_password), the message. */
function fatal(text: string): Uint8Array {
  const fields = Buffer.concat([
    ...[
      ['S', 'FATAL'],
      ['V', 'FATAL'],
      ['C', '28P01'],
      ['M', text],
    ].map(([code, value]) => Buffer.from(`${code}${value}\0`, 'utf8')),
    Buffer.from([0]),
  ]);
  const head = Buffer.alloc(5);
  head[0] = 0x45; // 'E'
  head.writeInt32BE(4 + fields.length, 1);
  return Buffer.concat([head, fields]);
}

/** A random password, kept in `file` (0600) from the first call on: the same on every start. */
export function keptPassword(file: string): string {
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    try {
      writeFileSync(file, randomBytes(24).toString('base64url'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another process created it first: read theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return readFileSync(file, 'utf8').trim();
}

export function randomPassword(): string {
  return randomBytes(24).toString('base64url');
}
