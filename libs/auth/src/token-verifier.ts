import {
  createRemoteJWKSet,
  decodeProtectedHeader,
  errors,
  JWTPayload,
  jwtVerify,
  JWTVerifyOptions,
} from 'jose';
import { Actor } from './actor';
import { IdentityProvider, PROVIDER_ALGORITHMS } from './identity-provider';
import { InvalidToken } from './token';
import { actorFromClaims, checkLifetime, ClaimNames, OWN_CLAIMS } from './token-claims';
import { TokenPolicy } from './token-policy';

/** A verified token's actor, and until when (milliseconds since the epoch) it stays valid. */
export interface VerifiedToken {
  actor: Actor;
  validUntil: number;
}

/** The identity provider's keys could not be had: the caller is not at fault (503, not 401). */
export class IdentityProviderUnavailable extends Error {}

/** What jose throws when the token itself is wrong, as opposed to the keys being unreachable. */
const TOKEN_FAULTS = new Set([
  'ERR_JWT_EXPIRED',
  'ERR_JWT_CLAIM_VALIDATION_FAILED',
  'ERR_JWT_INVALID',
  'ERR_JWS_INVALID',
  'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
  'ERR_JOSE_ALG_NOT_ALLOWED',
  'ERR_JOSE_NOT_SUPPORTED',
  'ERR_JWKS_NO_MATCHING_KEY',
  'ERR_JWKS_MULTIPLE_MATCHING_KEYS',
]);

/**
 * Verifies a bearer token with jose: HS256 with the apps' secret (development and service
 * tokens), or RS256 / ES256 with the keys an identity provider publishes, when one is configured.
 * The algorithm decides which key is used, and each key is used with its own algorithms only, so
 * that `alg: none` or an HS256 token "signed" with a public key meets no key at all.
 */
export class TokenVerifier {
  private readonly secret: Uint8Array;
  private readonly providerKeys?: ReturnType<typeof createRemoteJWKSet>;

  constructor(
    secret: string,
    private readonly policy: TokenPolicy,
    private readonly provider?: IdentityProvider,
  ) {
    this.secret = new TextEncoder().encode(secret);
    if (provider) {
      // Keys are cached (jose refetches them after 10 minutes, or at once for an unknown kid:
      // a rotation), and an unknown kid cannot make us fetch more than once per cooldown.
      this.providerKeys = createRemoteJWKSet(provider.jwksUrl, {
        cooldownDuration: provider.jwksCooldownSeconds * 1000,
      });
    }
  }

  async verify(token: string, now = Date.now()): Promise<VerifiedToken> {
    const algorithm = algorithmOf(token);
    const common: JWTVerifyOptions = {
      requiredClaims: ['exp'],
      clockTolerance: this.policy.clockToleranceSeconds,
      currentDate: new Date(now),
    };
    let claims: JWTPayload;
    let names: ClaimNames;
    if (algorithm === 'HS256') {
      claims = await this.verified(() =>
        jwtVerify(token, this.secret, { ...common, algorithms: ['HS256'] }),
      );
      names = OWN_CLAIMS;
    } else if (this.provider && this.providerKeys && PROVIDER_ALGORITHMS.includes(algorithm)) {
      const { issuer, audience } = this.provider;
      const keys = this.providerKeys;
      claims = await this.verified(() =>
        jwtVerify(token, keys, { ...common, algorithms: PROVIDER_ALGORITHMS, issuer, audience }),
      );
      names = this.provider.claims;
    } else {
      const accepted = this.provider ? ['HS256', ...PROVIDER_ALGORITHMS] : ['HS256'];
      throw new InvalidToken(`only ${accepted.join(', ')} tokens are accepted, not ${algorithm}`);
    }
    checkLifetime(claims, Math.floor(now / 1000), this.policy);
    return { actor: actorFromClaims(claims, names), validUntil: claims.exp! * 1000 };
  }

  private async verified(verify: () => Promise<{ payload: JWTPayload }>): Promise<JWTPayload> {
    try {
      return (await verify()).payload;
    } catch (error) {
      if (error instanceof errors.JOSEError && TOKEN_FAULTS.has(error.code)) {
        throw new InvalidToken(reasonOf(error));
      }
      // Only fetching an identity provider's keys fails otherwise (timeout, refused, not JSON).
      throw new IdentityProviderUnavailable(
        `the identity provider's keys could not be fetched: ${(error as Error).message}`,
      );
    }
  }
}

function algorithmOf(token: string): string {
  try {
    const { alg } = decodeProtectedHeader(token);
    if (typeof alg === 'string' && token.split('.').length === 3) return alg;
  } catch {
    // refused below
  }
  throw new InvalidToken('malformed token');
}

function reasonOf(error: errors.JOSEError): string {
  if (error instanceof errors.JWTExpired) return 'token expired';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'bad signature';
  if (error instanceof errors.JWKSNoMatchingKey) {
    return "no key of the identity provider matches the token's kid";
  }
  if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'nbf') {
    return error.reason === 'check_failed' ? 'token not yet valid' : error.message;
  }
  return error.message;
}
