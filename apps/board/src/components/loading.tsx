import { ReactNode } from 'react';
import { Loaded } from '../api/use-api';
import { useI18n } from '../i18n/i18n';
import { ProblemMessage } from './problem-message';

/** Shows what was loaded, or that it is loading, or why it failed with a way to try again. */
export function Loading<T>({
  loaded,
  children,
}: {
  loaded: Loaded<T>;
  children: (data: T) => ReactNode;
}) {
  const { messages: m } = useI18n();
  if (loaded.error && loaded.data === undefined) {
    return (
      <div>
        <ProblemMessage error={loaded.error} />
        <button type="button" onClick={loaded.reload}>
          {m.app.retry}
        </button>
      </div>
    );
  }
  if (loaded.data === undefined) {
    return (
      <p role="status" aria-live="polite">
        {m.app.loading}
      </p>
    );
  }
  return <div aria-busy={loaded.loading}>{children(loaded.data)}</div>;
}
