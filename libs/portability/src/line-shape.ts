import { isCoopId } from '@libs/contracts';
import { ed25519PublicKey } from './bundle-signature';

/**
 * What each kind of line must hold, beyond a valid hash: a hash proves a line was not changed
 * after it was written, not that the writer wrote a sensible one. Each check returns what is
 * wrong, or null.
 */
type Check = (line: Record<string, unknown>) => string | null;

const text = (value: unknown) =>
  typeof value === 'string' && value.length > 0 && value.length <= 200;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuid = (value: unknown) => typeof value === 'string' && UUID.test(value);
const count = (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 0;
const positive = (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 1;
const isoTime = (value: unknown) =>
  typeof value === 'string' && /^\d{4}-\d\d-\d\dT/.test(value) && !isNaN(Date.parse(value));
const object = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function fields(rules: Record<string, (value: unknown) => boolean>): Check {
  return (line) => {
    const bad = Object.keys(rules).filter((name) => !rules[name](line[name]));
    return bad.length ? `missing or malformed ${bad.join(', ')}` : null;
  };
}

export const manifestProblem: Check = fields({
  coopId: (value) => typeof value === 'string' && isCoopId(value),
  createdAt: isoTime,
  eventCount: count,
  positions: (value) =>
    object(value) &&
    value.from === 'start' &&
    (value.through === null || text(value.through)) &&
    count(value.storeHead),
  personalData: (value) =>
    object(value) &&
    (value.memberKeys === 'none' ||
      (value.memberKeys === 'wrapped' &&
        object(value.kdf) &&
        value.kdf.name === 'scrypt' &&
        text(value.kdf.salt) &&
        value.cipher === 'aes-256-gcm')),
  signer: (value) =>
    object(value) &&
    (value.party === 'coop' || value.party === 'consortium') &&
    value.algorithm === 'Ed25519' &&
    ed25519PublicKey(value.publicKey) !== null,
});

export const eventProblem: Check = fields({
  seq: positive,
  eventId: uuid,
  type: text,
  schemaVersion: positive,
  streamId: text,
  streamVersion: positive,
  globalPosition: positive,
  occurredAt: isoTime,
  coopId: (value) => value === null || text(value),
  actor: text,
  correlationId: text,
  causationId: text,
  data: (value) => value !== undefined,
});

export const memberKeyProblem: Check = fields({
  seq: positive,
  keyId: uuid,
  memberId: uuid,
  createdAt: isoTime,
  wrapped: (value) => object(value) && text(value.iv) && text(value.ciphertext) && text(value.tag),
});

export const sealProblem: Check = fields({
  eventCount: count,
  memberKeyCount: count,
});

export const signatureProblem: Check = fields({
  signature: (value) => typeof value === 'string' && /^[A-Za-z0-9+/]{86}==$/.test(value),
});

/** A NUL, or half of a surrogate pair: text no app writes, which PostgreSQL's jsonb refuses. */
// eslint-disable-next-line no-control-regex -- finding the NUL is the point
const UNWRITABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Where in a parsed line a string (a member's name or a value) holds unwritable text, if anywhere. */
export function unwritableText(value: unknown, at = ''): string | null {
  if (typeof value === 'string') {
    const found = UNWRITABLE.exec(value);
    if (!found) return null;
    const what = found[0] === '\u0000' ? 'a NUL character' : 'a lone surrogate (not UTF-16 text)';
    return `${at || 'a string'} holds ${what}`;
  }
  if (typeof value !== 'object' || value === null) return null;
  const entries = Array.isArray(value)
    ? value.map((item, i) => [`${at}[${i}]`, item] as const)
    : Object.entries(value).map(([name, item]) => [at ? `${at}.${name}` : name, item] as const);
  for (const [path, item] of entries) {
    const problem = unwritableText(path, 'a member name') ?? unwritableText(item, path);
    if (problem) return problem;
  }
  return null;
}
