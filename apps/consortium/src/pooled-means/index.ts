/** What other contexts and the app may use of this context: nothing else is reached from outside. */
export { PooledMeansQueries } from './pooled-means.queries';
export { readCoopStandings, saveCoopStandings } from './coop-standings';
export {
  contributionFacts,
  contributionKey,
  coopsToLoad,
  notCountedReason,
  pledgesToLoad,
} from './pooled-ledger';
export type { ContributionKey, CoopStanding, PooledFact } from './pooled-ledger';
export { MAX_LISTED_COOPS } from './pooled-means.response';
export type { PeriodIncome } from './period-income';
export { TotalLineSchema } from './pooled-means.response';
export type { GroupedLine } from './pooled-means.view';
export { NO_SUMS, totalLine, UNITS, unitLines } from './total-line';
export type { Sums, TotalLine } from './total-line';
export { POOLED_MEANS_READ_SIDE } from './pooled-means.read-side';
export { PooledMeansModule } from './pooled-means.module';
