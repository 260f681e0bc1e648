/** The part of an object-mode Readable this needs (a client subscription types it its own way). */
export interface PausedReadable {
  read(): unknown;
  on(event: 'readable' | 'end' | 'close', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/**
 * Takes batches out of an object-mode Readable only when asked. While the consumer is busy
 * nothing is read, so the stream's buffer fills up to its highWaterMark and Node's backpressure
 * stops the source: for a gRPC subscription, HTTP/2 flow control then holds the server back. That
 * is how a slow batch handler slows the subscription instead of piling events up in memory.
 */
export class ReadableBatches<T> {
  private failure: { error: unknown } | undefined;
  private ended = false;
  private cancelled = false;
  private wake: (() => void) | undefined;

  constructor(private readonly stream: PausedReadable) {
    const wakeUp = (): void => {
      const wake = this.wake;
      this.wake = undefined;
      wake?.();
    };
    // Listening for 'readable' keeps the stream paused: items stay buffered until `read()`.
    stream.on('readable', wakeUp);
    stream.on('end', () => {
      this.ended = true;
      wakeUp();
    });
    stream.on('close', () => {
      this.ended = true;
      wakeUp();
    });
    // Always listened to, so an error that comes while the consumer is busy is kept for its
    // next call instead of crashing the process as an unhandled 'error' event.
    stream.on('error', (error: Error) => {
      this.failure ??= { error };
      wakeUp();
    });
  }

  /**
   * The items buffered now, at most `max`, waiting for the first one if there are none.
   * Undefined once the stream has ended or `cancel()` was called; throws the stream's error.
   */
  async next(max: number): Promise<T[] | undefined> {
    for (;;) {
      if (this.cancelled) return undefined;
      const batch: T[] = [];
      while (batch.length < max) {
        const item = this.stream.read() as T | null;
        if (item === null) break;
        batch.push(item);
      }
      if (batch.length > 0) return batch;
      if (this.failure) throw this.failure.error;
      if (this.ended) return undefined;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  /** Ends a pending or future `next()` with undefined. */
  cancel(): void {
    this.cancelled = true;
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
