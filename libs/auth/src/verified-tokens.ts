import { Actor } from './actor';
import { TokenVerifier, VerifiedToken } from './token-verifier';

const DEFAULT_CAPACITY = 1_000;

/**
 * Tokens already verified, so that a client's every request does not pay for the signature check
 * (an RSA or ECDSA one, for an identity provider's tokens) again: a token is immutable, so its
 * verdict holds until it expires, which is checked at every hit. Only valid tokens are kept (a
 * refusal is computed again each time), at most `capacity` of them, the least recently used
 * leaving first. A key an identity provider withdraws therefore stops no token already seen
 * before that token's `exp`: the lifetime cap (AUTH_MAX_TOKEN_DAYS) bounds that.
 */
export class VerifiedTokens {
  // A Map iterates in insertion order: re-inserting on use keeps the least recently used first.
  private readonly verified = new Map<string, VerifiedToken>();

  constructor(
    private readonly verifier: TokenVerifier,
    private readonly capacity = DEFAULT_CAPACITY,
  ) {}

  /** The token's actor; rejects with InvalidToken as `TokenVerifier.verify` does. */
  async verify(token: string, now = Date.now()): Promise<Actor> {
    const known = this.verified.get(token);
    if (known) {
      this.verified.delete(token);
      // Expired: verified again below, which refuses it with the same message as ever.
      if (now < known.validUntil) {
        this.verified.set(token, known);
        return known.actor;
      }
    }
    const fresh = await this.verifier.verify(token, now);
    // Shared by every request that shows the token: none may change it for the others.
    Object.freeze(fresh.actor);
    this.verified.set(token, fresh);
    if (this.verified.size > this.capacity) {
      this.verified.delete(this.verified.keys().next().value!);
    }
    return fresh.actor;
  }
}
