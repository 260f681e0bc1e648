/** Who is signed in, as the token says. The API checks the token; the page only adapts to it. */
export interface Session {
  token: string;
  sub: string;
  role: 'board-member' | 'auditor' | 'coop-admin';
  coopId?: string;
  /** Seconds since the epoch. */
  exp?: number;
}

const STORAGE_KEY = 'coop-federation.board.token';

/** Reads a token's claims; null when it is not a JWT this page can use. */
export function sessionOf(token: string): Session | null {
  const payload = token.trim().split('.')[1];
  if (!payload) return null;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const claims = JSON.parse(json) as Partial<Session>;
    if (typeof claims.sub !== 'string' || typeof claims.role !== 'string') return null;
    return {
      token: token.trim(),
      sub: claims.sub,
      role: claims.role,
      coopId: claims.coopId,
      exp: claims.exp,
    };
  } catch {
    return null;
  }
}

export function isExpired(session: Session, now = Date.now()): boolean {
  return session.exp !== undefined && session.exp * 1000 <= now;
}

/** Board members act; auditors only read (the public API's roles). */
export function canAct(session: Session): boolean {
  return session.role === 'board-member';
}

/** The consortium's auditors; a coop's own auditor (a token naming a coop) audits that coop only. */
export function canRead(session: Session): boolean {
  return session.role === 'board-member' || (session.role === 'auditor' && !session.coopId);
}

/**
 * The launcher's ready link carries the token in the fragment (`#token=…`), which browsers never
 * send to the server: it is taken from there, kept for this tab only, and wiped from the address.
 */
export function restoreSession(location: Location, history: History): Session | null {
  const fromLink = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromLink) {
    history.replaceState(null, '', location.pathname + location.search);
    const session = sessionOf(fromLink);
    if (session) saveSession(session);
    return session;
  }
  const stored = sessionStorage.getItem(STORAGE_KEY);
  return stored ? sessionOf(stored) : null;
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(STORAGE_KEY, session.token);
}

export function forgetSession(): void {
  sessionStorage.removeItem(STORAGE_KEY);
}
