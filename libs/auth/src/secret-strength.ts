/**
 * Why a signing secret is too weak to sign anyone's tokens, or null. A secret must have the
 * 256 bits HS256 is built for (32 bytes) and not be one of the shapes people type instead of a
 * random secret: a character repeated, a few characters cycled, a run such as `abcd…` or
 * `0123…`, a placeholder (`changeme`, jwt.io's `your-256-bit-secret`) repeated to length.
 */
export function secretWeakness(secret: string): string | null {
  const bytes = Buffer.byteLength(secret, 'utf8');
  if (bytes < MIN_BYTES) {
    return `it has ${bytes} bytes, at least ${MIN_BYTES} are needed`;
  }
  const distinct = new Set(secret).size;
  if (distinct < MIN_DISTINCT) {
    return distinct === 1
      ? 'it is one character repeated'
      : `it has only ${distinct} distinct characters`;
  }
  const placeholder = PLACEHOLDERS.find((word) => isRepeated(normalise(secret), word));
  if (placeholder) return `it is the placeholder "${placeholder}"`;
  if (isRun(secret)) return 'it is a run of consecutive characters';
  return null;
}

const MIN_BYTES = 32;
const MIN_DISTINCT = 8;

/** Placeholders of READMEs, tutorials and generators, lower-case letters and digits only. */
const PLACEHOLDERS = [
  'changeme',
  'changethis',
  'changeit',
  'replaceme',
  'secret',
  'mysecret',
  'supersecret',
  'yoursecret',
  'secretkey',
  'yoursecretkey',
  'your256bitsecret',
  'jwtsecret',
  'authsecret',
  'password',
  'placeholder',
  'example',
  'default',
  'development',
  'notasecret',
];

function normalise(secret: string): string {
  return secret.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function isRepeated(text: string, word: string): boolean {
  return text.length > 0 && text.replaceAll(word, '') === '';
}

/** Mostly steps of one character up or down (`abcdef…`, `0123456789012…`, `zyxw…`). */
function isRun(secret: string): boolean {
  let steps = 0;
  for (let i = 1; i < secret.length; i++) {
    if (Math.abs(secret.charCodeAt(i) - secret.charCodeAt(i - 1)) === 1) steps += 1;
  }
  return steps >= 0.75 * (secret.length - 1);
}
