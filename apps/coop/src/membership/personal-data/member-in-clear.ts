import { SealedPersonalData } from '@libs/contracts';
import { Member } from '../member.decider';
import { open, openNote, PersonalData } from '@libs/personal-data';

/** What the member's key opens, for a view: name and e-mail, and the reason the member left. */
export interface MemberInClear extends PersonalData {
  exitReason: string | null;
}

/** The parts of a member sealed with its key. */
export type SealedParts = Pick<Member, 'personalData' | 'exit'>;

const ERASED: PersonalData = { displayName: null, email: null };

/** The ids of the keys that open a member's sealed parts. */
export function keyIdsOf(member: SealedParts): string[] {
  return [member.personalData, member.exit?.reason ?? null]
    .filter((sealed): sealed is SealedPersonalData => sealed !== null)
    .map((sealed) => sealed.keyId);
}

/**
 * Opens what `keys` can open; what was sealed with a destroyed key reads as null. A reason from
 * before reasons were sealed reads as it was written, until the member's erasure drops it.
 */
export function inClear(member: SealedParts, keys: ReadonlyMap<string, Buffer>): MemberInClear {
  const keyOf = (sealed: SealedPersonalData | null) =>
    sealed ? keys.get(sealed.keyId) : undefined;
  const personKey = keyOf(member.personalData);
  const person = personKey && member.personalData ? open(member.personalData, personKey) : ERASED;
  const sealedReason = member.exit?.reason ?? null;
  const reasonKey = keyOf(sealedReason);
  const exitReason = sealedReason
    ? reasonKey
      ? openNote(sealedReason, reasonKey)
      : null
    : (member.exit?.reasonInClear ?? null);
  return { ...person, exitReason };
}
