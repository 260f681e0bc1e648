import { FormEvent, useRef, useState } from 'react';
import { ApiProblem } from '../api/client';

export interface Action {
  busy: boolean;
  error: unknown;
  done: string | null;
  /**
   * Runs `act` once at a time. Its Idempotency-Key holds until the API answers for sure (success
   * or a refusal), so that retrying after a lost connection or a 5xx records once; after a
   * refusal the next attempt is a new request (another body under the same key would be refused).
   */
  submit(act: (idempotencyKey: string) => Promise<string | void>): (event?: FormEvent) => void;
  reset(): void;
}

/**
 * The state of one board action (a proposal, a vote, an admission): busy while in flight, the
 * refusal if any, the confirmation once done.
 */
export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const key = useRef<string | null>(null);
  return {
    busy,
    error,
    done,
    submit: (act) => (event) => {
      event?.preventDefault();
      if (busy) return;
      key.current ??= crypto.randomUUID();
      setBusy(true);
      setError(null);
      setDone(null);
      act(key.current).then(
        (message) => {
          key.current = null;
          setBusy(false);
          setDone(message || null);
        },
        (failure: unknown) => {
          if (failure instanceof ApiProblem && failure.status < 500) key.current = null;
          setBusy(false);
          setError(failure);
        },
      );
    },
    reset() {
      key.current = null;
      setError(null);
      setDone(null);
    },
  };
}
