/** The roles of the public API: coop admins act on their coop, board members on the consortium, auditors read. */
export const ROLES = ['coop-admin', 'board-member', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, from a verified token. */
export interface Actor {
  sub: string;
  role: Role;
  /** Set for coop admins (and coop auditors): the one coop the token acts for. */
  coopId?: string;
}
