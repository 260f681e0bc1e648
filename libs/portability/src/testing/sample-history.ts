import { randomBytes, randomUUID } from 'node:crypto';
import { BundleSigner, newSigningKey, signerOf } from '../bundle-signature';
import { MemberKey, MemberKeySource } from '../member-keys';
import { ListedEvents } from './listed-events';

export const COOP = 'velo-solidaire';
export const PASSPHRASE = 'correct horse battery staple';

/** A signer with a key made for the test: the coop's, or anyone's. */
export function testSigner(party: BundleSigner['party'] = 'coop'): BundleSigner {
  const { publicKey, privateKey } = newSigningKey();
  return signerOf(party, publicKey, privateKey);
}

/** The coop's own key in these tests. */
export const SIGNER = testSigner();

export const eur = (hundredths: number) => ({ unit: 'EUR', hundredths });

/** A MemberAdmitted payload as the coop app writes it. */
export const admittedMember = (memberId: string, personalData: unknown) => ({
  memberId,
  category: 'worker',
  disadvantaged: false,
  admittedOn: '2025-01-10',
  shares: { count: 1, nominalValue: eur(5000) },
  personalData,
});

/**
 * A small history: the coop's own events (two members, one sealed personal data), the
 * consortium's admission of it, and another coop's event that must stay out of its bundle.
 */
export function sampleHistory(): { store: ListedEvents; memberKeys: MemberKey[] } {
  const store = new ListedEvents();
  const anna = randomUUID();
  const bruno = randomUUID();
  const sealed = { keyId: randomUUID(), iv: 'aXY=', ciphertext: 'c2VhbGVk', tag: 'dGFn' };
  const admitted = admittedMember;
  store.record(COOP, `coop/${COOP}/profile/${COOP}`, 'CoopProfileSet', {
    coopId: COOP,
    name: 'Velo Solidaire',
    legalForm: 'social_coop_b',
    themes: ['mobility'],
    territory: 'Torino',
  });
  store.record(COOP, `coop/${COOP}/member/${anna}`, 'MemberAdmitted', admitted(anna, sealed));
  const other = randomUUID();
  store.record('casa-comune', `coop/casa-comune/member/${other}`, 'MemberAdmitted', {
    ...admitted(other, null),
  });
  store.record(COOP, `coop/${COOP}/member/${bruno}`, 'MemberAdmitted', admitted(bruno, null));
  store.record(COOP, `coop/${COOP}/member/${anna}`, 'CapitalPaid', {
    memberId: anna,
    paidOn: '2025-02-01',
    amount: eur(5000),
  });
  store.record(COOP, 'consortium/registry/member-coops', 'CoopAdmitted', {
    coopId: COOP,
    legalForm: 'social_coop_b',
    admittedOn: '2025-03-01',
    override: null,
  });
  const memberKeys: MemberKey[] = [
    { keyId: sealed.keyId, memberId: anna, key: randomBytes(32), createdAt: new Date() },
  ];
  return { store, memberKeys };
}

export function keySource(keys: MemberKey[]): MemberKeySource {
  return {
    async *keys() {
      yield* keys;
    },
  };
}

export async function collect(parts: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const part of parts) text += part;
  return text;
}

/** The text as chunks of a few bytes, cutting lines and characters anywhere: as a socket might. */
export async function* dribble(text: string, size = 7): AsyncGenerator<Buffer> {
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}
