import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { useSignedIn } from '../session/session-context';
import { ReadModelState } from '../api/types';
import { Freshness, freshnessOf } from './freshness';

const CHECK_EVERY_MS = 5_000;

/**
 * Tells the board when the figures it reads are partial (a view rebuilding after an upgrade),
 * stalled, or well behind the latest records; says nothing otherwise.
 */
export function FreshnessNotice() {
  const { api } = useSignedIn();
  const { messages: m, t, format } = useI18n();
  const [freshness, setFreshness] = useState<Freshness>({ kind: 'current' });
  useEffect(() => {
    let stopped = false;
    const check = () =>
      api.get<{ items: ReadModelState[] }>('/read-models').then(
        ({ items }) => !stopped && setFreshness(freshnessOf(items)),
        () => undefined, // the views themselves report their own failures
      );
    void check();
    const timer = setInterval(check, CHECK_EVERY_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [api]);
  if (freshness.kind === 'current') return null;
  return (
    <p role="status" className="freshness">
      {freshness.kind === 'behind'
        ? t(m.freshness.behind, { lag: format.count(freshness.lag) })
        : m.freshness[freshness.kind]}
    </p>
  );
}
