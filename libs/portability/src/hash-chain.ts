import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { BundleLine, Unhashed } from './bundle-format';

const HASH = /^[0-9a-f]{64}$/;

export function isHash(value: unknown): value is string {
  return typeof value === 'string' && HASH.test(value);
}

/** SHA-256 (hex) of a line's canonical form without its `hash`. */
export function lineHash(line: object): string {
  const { hash: _ignored, ...content } = line as { hash?: unknown };
  return sha256(canonicalJson(content));
}

/**
 * The line with its hash, as the text written to the bundle: its canonical JSON and a newline.
 * The members are serialized once: the hash member is slotted in where sorting puts it.
 */
export function hashedLine<L extends BundleLine>(
  line: Unhashed<L>,
): { text: string; hash: string } {
  const keys = Object.keys(line)
    .filter((key) => (line as Record<string, unknown>)[key] !== undefined)
    .sort();
  const members = keys.map(
    (key) => `${JSON.stringify(key)}:${canonicalJson((line as Record<string, unknown>)[key])}`,
  );
  const hash = sha256(`{${members.join(',')}}`);
  const at = keys.findIndex((key) => key > 'hash');
  members.splice(at < 0 ? members.length : at, 0, `"hash":"${hash}"`);
  return { text: `{${members.join(',')}}\n`, hash };
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
