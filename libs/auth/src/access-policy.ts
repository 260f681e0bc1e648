import { Actor } from './actor';

/**
 * What an app adds to role checks: whose tokens it serves. Returns why an actor is refused, or
 * null when it may go on to the route's role check.
 */
export interface AccessPolicy {
  refuse(actor: Actor): string | null;
}

/** A coop app serves only tokens for its own coop. */
export function coopPolicy(coopId: string): AccessPolicy {
  return {
    refuse: (actor) =>
      actor.role === 'board-member'
        ? 'board members act through the consortium app'
        : actor.coopId === coopId
          ? null
          : `this token is for ${actor.coopId ? `coop ${actor.coopId}` : 'no coop'}, not for ${coopId}`,
  };
}

/**
 * The consortium app serves board members listed in BOARD_MEMBERS, the consortium's auditors and
 * coop admins (each route says which). An auditor whose token names a coop audits that coop: the
 * consortium's figures about every other coop are not theirs to read.
 */
export function consortiumPolicy(boardMembers: string[]): AccessPolicy {
  const board = new Set(boardMembers);
  return {
    refuse: (actor) =>
      actor.role === 'board-member' && !board.has(actor.sub)
        ? `${actor.sub} is not on the board`
        : actor.role === 'auditor' && actor.coopId
          ? `this auditor's token is for coop ${actor.coopId}, not for the consortium`
          : null,
  };
}

export const ACCESS_POLICY = Symbol('ACCESS_POLICY');
export const AUTH_SECRET = Symbol('AUTH_SECRET');
