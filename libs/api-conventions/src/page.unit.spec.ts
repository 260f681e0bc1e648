import { InvalidInput } from '@libs/http';
import { PageCursor, pageOf } from './page';

const members = new PageCursor<[string, string]>('members');
const contributions = new PageCursor<[string, string]>('contributions');

function refusal(read: () => unknown): unknown {
  try {
    read();
  } catch (error) {
    return error instanceof InvalidInput ? error.errors.map((e) => e.field) : error;
  }
  return 'accepted';
}

describe('PageCursor', () => {
  it('given the next page of a list, when its cursor comes back, then it reads as the last key', () => {
    const page = pageOf(
      ['a', 'b', 'c'],
      2,
      (row) => row,
      (row): [string, string] => ['2027-01-01', row],
      members,
    );
    expect(page.items).toEqual(['a', 'b']);
    expect(members.read(page.nextCursor!)).toEqual(['2027-01-01', 'b']);
  });

  it('given no cursor, when read, then the list starts at its first page', () => {
    expect(members.read(undefined)).toBeUndefined();
    expect(members.read('')).toBeUndefined();
  });

  it('given a forged, tampered or other list cursor, when read, then a 400 names cursor', () => {
    const issued = members.issue(['2027-01-01', 'b']);
    const [payload, signature] = issued.split('.');
    const forged = Buffer.from(JSON.stringify(['not-a-day', 'x'])).toString('base64url');
    for (const bad of [
      forged,
      `${forged}.${signature}`,
      `${payload}.${signature.slice(0, -1)}`,
      `${issued}.extra`,
      'not base64 at all!',
    ]) {
      expect(refusal(() => members.read(bad))).toEqual(['cursor']);
    }
    expect(refusal(() => contributions.read(issued))).toEqual(['cursor']);
  });
});
