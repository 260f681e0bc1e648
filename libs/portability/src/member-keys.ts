/**
 * A member's own key, which opens the personal data sealed in that member's events. It lives in
 * the coop's database, never in the event store: only the coop app (or an operator on its
 * database) can hand keys to an export, and an import puts them back there.
 */
export interface MemberKey {
  keyId: string;
  memberId: string;
  key: Buffer;
  createdAt: Date;
}

/** Where an export reads the keys from, a page at a time. */
export interface MemberKeySource {
  keys(): AsyncIterable<MemberKey>;
}

/** Where an import puts them back; saving a key already there changes nothing. */
export interface MemberKeySink {
  /** Returns how many of them were not there yet. */
  save(keys: MemberKey[]): Promise<number>;
}
