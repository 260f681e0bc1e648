import { ApplicationStatus } from '../profile';

/** Where the coop stands with the consortium, as the public API names it. */
export const CONSORTIUM_STATUSES = [
  'none',
  'applicant',
  'admitted',
  'withdrawing',
  'withdrawn',
] as const;
export type ConsortiumStatus = (typeof CONSORTIUM_STATUSES)[number];

/** The board's side, from the consortium's events: when it admitted the coop, settled its leaving. */
export interface BoardDecisions {
  admittedOn: string | null;
  settledOn: string | null;
}

/**
 * The coop's own side (it applied, gave notice) and the board's (it admitted, settled), merged:
 * the later step wins. A coop the consortium incubated may be admitted without having applied
 * through this app.
 */
export function consortiumStatus(
  application: ApplicationStatus,
  board: BoardDecisions | null,
): ConsortiumStatus {
  if (board?.settledOn) return 'withdrawn';
  if (application === 'withdrawal_requested') return 'withdrawing';
  if (board?.admittedOn) return 'admitted';
  return application === 'applied' ? 'applicant' : 'none';
}
