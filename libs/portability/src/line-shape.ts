/**
 * What each kind of line must hold, beyond a valid hash: a hash proves a line was not changed
 * after it was written, not that the writer wrote a sensible one. Each check returns what is
 * wrong, or null.
 */
type Check = (line: Record<string, unknown>) => string | null;

const text = (value: unknown) => typeof value === 'string' && value.length > 0;
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
  coopId: text,
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
});

export const eventProblem: Check = fields({
  seq: positive,
  eventId: text,
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
  keyId: text,
  memberId: text,
  createdAt: isoTime,
  wrapped: (value) => object(value) && text(value.iv) && text(value.ciphertext) && text(value.tag),
});

export const sealProblem: Check = fields({
  eventCount: count,
  memberKeyCount: count,
});
