import { randomBytes, randomUUID } from 'node:crypto';
import { MemberKey, MemberKeySource } from '../member-keys';
import { ListedEvents } from './listed-events';

export const COOP = 'velo-solidaire';
export const PASSPHRASE = 'correct horse battery staple';

/**
 * A small history: the coop's own events (two members, one sealed personal data), the
 * consortium's admission of it, and another coop's event that must stay out of its bundle.
 */
export function sampleHistory(): { store: ListedEvents; memberKeys: MemberKey[] } {
  const store = new ListedEvents();
  const anna = randomUUID();
  const bruno = randomUUID();
  const sealed = { keyId: randomUUID(), iv: 'aXY=', ciphertext: 'c2VhbGVk', tag: 'dGFn' };
  store.record(COOP, `coop/${COOP}/profile/${COOP}`, 'CoopProfileSet', { name: 'Velo Solidaire' });
  store.record(COOP, `coop/${COOP}/member/${anna}`, 'MemberAdmitted', {
    memberId: anna,
    personalData: sealed,
  });
  store.record('casa-comune', 'coop/casa-comune/member/x', 'MemberAdmitted', { memberId: 'x' });
  store.record(COOP, `coop/${COOP}/member/${bruno}`, 'MemberAdmitted', {
    memberId: bruno,
    personalData: null,
  });
  store.record(COOP, `coop/${COOP}/member/${anna}`, 'CapitalPaid', {
    memberId: anna,
    amount: { amount: '50.00', currency: 'EUR' },
  });
  store.record(COOP, 'consortium/registry/member-coops', 'CoopAdmitted', { coopId: COOP });
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
