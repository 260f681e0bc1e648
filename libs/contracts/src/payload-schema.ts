import { CURRENCIES, isWithinAmountBound, MAX_AMOUNT_HUNDREDTHS } from './quantity';
import { isCoopId } from './stream-names';

/**
 * A tiny schema language for event payloads: a shape is a function that says what is wrong with a
 * value (naming where, as `data.amount.hundredths`), or null. It is enough for what the events
 * hold, and it lets every event type's shape be written once, beside its contract, and checked
 * wherever events come from outside an app (a bundle being imported).
 */
export type Shape = (value: unknown, at: string) => string | null;

const show = (value: unknown) => {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(JSON.stringify(value));
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Free text: a string of at most `max` characters (the API's own limits are lower). */
export const text =
  (max = 2000): Shape =>
  (value, at) =>
    typeof value !== 'string'
      ? `${at} must be a string`
      : value.length > max
        ? `${at} is longer than ${max} characters`
        : null;

function pattern(regex: RegExp, what: string, valid: (value: string) => boolean = () => true) {
  return ((value, at) =>
    typeof value === 'string' && regex.test(value) && valid(value)
      ? null
      : `${at} must be ${what}, not ${show(value)}`) as Shape;
}

export const uuid = pattern(
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  'a uuid',
);
export const coopId = pattern(/^[a-z0-9-]+$/, 'a coop id (a lowercase slug)', isCoopId);
export const slug = pattern(/^[a-z0-9][a-z0-9-]{0,62}$/, 'a lowercase slug');
export const day = pattern(
  /^\d{4}-\d\d-\d\d$/,
  'a date (YYYY-MM-DD)',
  (value) => new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value,
);
/** An instant as the apps write it (`Date.prototype.toISOString`, UTC). */
export const instant = pattern(
  /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/,
  'an instant (YYYY-MM-DDTHH:mm:ss.sssZ)',
  (value) => new Date(value).toISOString() === value,
);
export const month = pattern(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month (YYYY-MM)');
/** A SHA-256 digest (a seal hash, a key fingerprint), in lowercase hex. */
export const sha256Hex = pattern(/^[0-9a-f]{64}$/, 'a SHA-256 in hex');
export const base64 = pattern(/^[A-Za-z0-9+/]{0,8192}={0,2}$/, 'base64');

export const bool: Shape = (value, at) =>
  typeof value === 'boolean' ? null : `${at} must be true or false`;

/** A whole number from `min` to `max`. */
export const whole =
  (min = 0, max = 1_000_000_000): Shape =>
  (value, at) =>
    Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max
      ? null
      : `${at} must be a whole number from ${min} to ${max}, not ${show(value)}`;

/** An amount in hundredths, within the federation's bound (a year's loss may be `signed`). */
export const hundredths =
  (signed = false): Shape =>
  (value, at) =>
    typeof value === 'number' && isWithinAmountBound(signed ? Math.abs(value) : value)
      ? null
      : `${at} must be a whole number of hundredths from ${signed ? -MAX_AMOUNT_HUNDREDTHS : 0} ` +
        `to ${MAX_AMOUNT_HUNDREDTHS}, not ${show(value)}`;

export const oneOf =
  (values: readonly string[]): Shape =>
  (value, at) =>
    typeof value === 'string' && values.includes(value)
      ? null
      : `${at} must be one of ${values.join(', ')}, not ${show(value)}`;

export const nullable =
  (shape: Shape): Shape =>
  (value, at) =>
    value === null ? null : shape(value, at);

/**
 * An object with exactly these members: a member no app writes is refused too. `optional` members
 * may be absent (fields added to a payload without a new schema version, read with a default).
 */
export function object(
  members: Record<string, Shape>,
  optional: Record<string, Shape> = {},
): Shape {
  return (value, at) => {
    if (!isRecord(value)) return `${at} must be an object`;
    for (const name of Object.keys(value)) {
      if (!(name in members) && !(name in optional)) {
        return `${at}.${name} is not a member of this payload`;
      }
    }
    for (const [name, shape] of Object.entries(members)) {
      if (!(name in value)) return `${at}.${name} is missing`;
      const problem = shape(value[name], `${at}.${name}`);
      if (problem) return problem;
    }
    for (const [name, shape] of Object.entries(optional)) {
      if (!(name in value)) continue;
      const problem = shape(value[name], `${at}.${name}`);
      if (problem) return problem;
    }
    return null;
  };
}

export const list =
  (item: Shape, max = 1000): Shape =>
  (value, at) => {
    if (!Array.isArray(value)) return `${at} must be a list`;
    if (value.length > max) return `${at} has more than ${max} items`;
    for (let i = 0; i < value.length; i++) {
      const problem = item(value[i], `${at}[${i}]`);
      if (problem) return problem;
    }
    return null;
  };

/** One of several objects, told apart by the value of `tag`. */
export const variants =
  (tag: string, shapes: Record<string, Shape>): Shape =>
  (value, at) => {
    const kind = isRecord(value) ? value[tag] : undefined;
    if (typeof kind !== 'string' || !(kind in shapes)) {
      return `${at}.${tag} must be one of ${Object.keys(shapes).join(', ')}, not ${show(kind)}`;
    }
    return shapes[kind](value, at);
  };

export const money: Shape = object({ unit: oneOf(CURRENCIES), hundredths: hundredths() });
export const signedMoney: Shape = object({ unit: oneOf(CURRENCIES), hundredths: hundredths(true) });
export const quantity: Shape = object({
  unit: oneOf([...CURRENCIES, 'hours']),
  hundredths: hundredths(),
});
