import { BundleSigner, signedMessage } from '../bundle-signature';
import { hashedLine } from '../hash-chain';
import { BundleLine, Unhashed } from '../bundle-format';

type Parsed = Record<string, unknown>;

/**
 * A bundle's lines edited, then every hash and `prev` recomputed and the whole signed again with
 * `signer`, whose key replaces the manifest's: what someone who knows the format does to forge
 * one. With the original signer, it stands for a bundle its own signer wrote wrong.
 */
export function forged(
  lines: string[],
  edit: (parsed: Parsed[]) => Parsed[],
  signer: BundleSigner,
) {
  const parsed = edit(lines.map((line) => JSON.parse(line) as Parsed)).filter(
    (line) => line.kind !== 'signature',
  );
  parsed[0].signer = { party: signer.party, algorithm: 'Ed25519', publicKey: signer.publicKey };
  let prev = '';
  const out = parsed.map((line, i) => {
    const { hash: _old, ...content } = line;
    if (i > 0) content.prev = prev;
    const hashed = hashedLine(content as unknown as Unhashed<BundleLine>);
    prev = hashed.hash;
    return hashed;
  });
  const signature = signer.sign(signedMessage(out[0].hash, prev)).toString('base64');
  out.push(hashedLine({ kind: 'signature', signature, prev } as Unhashed<BundleLine>));
  return out.map((line) => line.text).join('');
}

/**
 * The lines edited and every hash and `prev` recomputed, without the signer's key: the manifest
 * keeps its signer and the signature line its signature, now over another chain.
 */
export function rehashed(lines: string[], edit: (parsed: Parsed[]) => Parsed[]): string {
  let prev = '';
  return edit(lines.map((line) => JSON.parse(line) as Parsed))
    .map((line, i) => {
      const { hash: _old, ...content } = line;
      if (i > 0) content.prev = prev;
      const hashed = hashedLine(content as unknown as Unhashed<BundleLine>);
      prev = hashed.hash;
      return hashed.text;
    })
    .join('');
}
