/**
 * The outbox projection's word to the dispatcher of the same process: "deliveries may be waiting".
 * Said inside the batch's transaction, so before its commit: the dispatcher looks soon and, finding
 * nothing yet, again a little later (its backoff starts short). One outbox per app process.
 */
class OutboxSignal {
  private readonly listeners = new Set<() => void>();

  listen(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  written(): void {
    for (const listener of this.listeners) listener();
  }
}

export const outboxSignal = new OutboxSignal();
