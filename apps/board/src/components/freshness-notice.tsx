import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { useSignedIn } from '../session/session-context';
import { ReadModelState } from '../api/types';
import { Messages } from '../i18n/messages.en';
import { Freshness, freshnessOf } from './freshness';

const CHECK_EVERY_MS = 5_000;

/** The page's section that shows each view's figures, to name it as the board knows it. */
const SECTION_OF_VIEW: Record<string, keyof Messages['nav']> = {
  pooled_means: 'pooledMeans',
  member_coops: 'coops',
  coop_members: 'coops',
  budget_periods: 'budget',
  allocation_index: 'budget',
  catalogue_resources: 'resources',
  coop_workforce: 'compliance',
  offered_trainings: 'pooling',
  resource_bookings: 'pooling',
  exchanges: 'pooling',
  books: 'books',
  incubated_projects: 'projects',
  published_reports: 'reports',
};

/**
 * Tells the board when the figures it reads are partial (a view rebuilding after an upgrade, or
 * one that parked events it could not apply), stalled, or well behind the latest records; says
 * nothing otherwise.
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
  if (freshness.kind === 'parked') {
    const sections = new Set(
      freshness.views.map((view) => {
        const section = SECTION_OF_VIEW[view];
        return section ? m.nav[section] : view;
      }),
    );
    return (
      <p role="alert" className="freshness">
        {t(m.freshness.parked, {
          views: [...sections].join(', '),
          count: format.count(freshness.events),
        })}
      </p>
    );
  }
  return (
    <p role="status" className="freshness">
      {freshness.kind === 'behind'
        ? t(m.freshness.behind, { lag: format.count(freshness.lag) })
        : m.freshness[freshness.kind]}
    </p>
  );
}
