import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { MemberKeyLine, ScryptParameters } from './bundle-format';

/**
 * Member keys travel wrapped with a key derived from a passphrase the exporting admin chooses
 * (scrypt), so that the bundle alone never opens anyone's personal data.
 */
export const MIN_PASSPHRASE_LENGTH = 12;

const DEFAULT_COST = { N: 2 ** 15, r: 8, p: 1 };
/** A bundle names its own scrypt cost: refuse costs that would only serve to exhaust the importer. */
const MAX_COST = { N: 2 ** 20, r: 16, p: 4 };
const CIPHER = 'aes-256-gcm';

export class PassphraseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PassphraseError';
  }
}

export function assertPassphrase(passphrase: string): void {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
    throw new PassphraseError(
      `the passphrase must have at least ${MIN_PASSPHRASE_LENGTH} characters`,
    );
  }
}

export function newScryptParameters(): ScryptParameters {
  return { name: 'scrypt', salt: randomBytes(16).toString('base64'), ...DEFAULT_COST };
}

/** A key that wraps and unwraps the member keys of one bundle. */
export class KeyWrapper {
  private constructor(
    private readonly key: Buffer,
    private readonly coopId: string,
  ) {}

  static async derive(
    passphrase: string,
    parameters: ScryptParameters,
    coopId: string,
  ): Promise<KeyWrapper> {
    const { N, r, p } = parameters;
    const valid = (value: number, max: number) =>
      Number.isInteger(value) && value > 0 && value <= max;
    if (
      parameters.name !== 'scrypt' ||
      !valid(N, MAX_COST.N) ||
      !valid(r, MAX_COST.r) ||
      !valid(p, MAX_COST.p)
    ) {
      throw new PassphraseError(`unsupported key derivation: ${JSON.stringify(parameters)}`);
    }
    const key = await new Promise<Buffer>((resolve, reject) =>
      scrypt(
        passphrase,
        Buffer.from(parameters.salt, 'base64'),
        32,
        { N, r, p, maxmem: 128 * N * r * p + 1024 * 1024 },
        (error, derived) => (error ? reject(error) : resolve(derived)),
      ),
    );
    return new KeyWrapper(key, coopId);
  }

  wrap(keyId: string, memberId: string, memberKey: Buffer): MemberKeyLine['wrapped'] {
    const iv = randomBytes(12);
    const cipher = createCipheriv(CIPHER, this.key, iv);
    cipher.setAAD(this.context(keyId, memberId));
    const ciphertext = Buffer.concat([cipher.update(memberKey), cipher.final()]);
    return {
      iv: iv.toString('base64'),
      ciphertext: ciphertext.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
    };
  }

  /** The member key; throws when the passphrase is not the exporter's (or the line was altered). */
  unwrap(keyId: string, memberId: string, wrapped: MemberKeyLine['wrapped']): Buffer {
    const decipher = createDecipheriv(CIPHER, this.key, Buffer.from(wrapped.iv, 'base64'));
    decipher.setAAD(this.context(keyId, memberId));
    decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64'));
    return Buffer.concat([
      decipher.update(Buffer.from(wrapped.ciphertext, 'base64')),
      decipher.final(),
    ]);
  }

  /** Binds each wrapped key to its coop, key id and member: moved elsewhere, it does not open. */
  private context(keyId: string, memberId: string): Buffer {
    return Buffer.from(`${this.coopId}/${keyId}/${memberId}`);
  }
}
