import { LegalForm, MemberCategory, ShareForm } from '@libs/contracts';
import { raisedHoldingCap, shareLimits } from './share-capital-rules';

const limits = (
  on: string,
  options: {
    legalForm?: LegalForm;
    shareForm?: ShareForm;
    category?: MemberCategory;
    raisedCapital?: bigint;
  } = {},
) =>
  shareLimits(
    {
      legalForm: options.legalForm ?? 'social_coop_b',
      shareForm: options.shareForm ?? 'azioni',
      raisedHoldingCap:
        options.raisedCapital === undefined ? null : { capital: options.raisedCapital },
    },
    options.category ?? 'worker',
    on,
  );

describe('share limits (c.c. art. 2525)', () => {
  it('holds a natural person in azioni to 25 EUR – 719 EUR per share and 143,800 EUR held from 18 Oct 2024', () => {
    expect(limits('2024-10-18')).toEqual({
      minShareValue: 25_00,
      maxShareValue: 719_00,
      maxHolding: 143_800_00n,
    });
    expect(limits('2024-10-17')).toEqual({
      minShareValue: 25_00,
      maxShareValue: 500_00,
      maxHolding: 100_000_00n,
    });
  });

  it('caps the share value only where the capital is in azioni', () => {
    expect(limits('2026-01-01', { shareForm: 'quote' })).toEqual({
      minShareValue: 25_00,
      maxShareValue: null,
      maxHolding: 143_800_00n,
    });
  });

  it('sets no limit for legal persons, and no holding cap for financing members', () => {
    for (const category of ['public_body', 'legal_person'] as const) {
      expect(limits('2026-01-01', { category })).toEqual({
        minShareValue: null,
        maxShareValue: null,
        maxHolding: null,
      });
    }
    expect(limits('2026-01-01', { category: 'supporter' }).maxHolding).toBeNull();
  });

  it('raises the holding cap to 2% of capital when the statutes say so past 500 members', () => {
    // 2% of 10,000,000 EUR is 200,000 EUR: above the cap, so it holds.
    expect(limits('2026-01-01', { raisedCapital: 10_000_000_00n }).maxHolding).toBe(200_000_00n);
    // 2% of 1,000,000 EUR is 20,000 EUR: the legal cap stays.
    expect(limits('2026-01-01', { raisedCapital: 1_000_000_00n }).maxHolding).toBe(143_800_00n);
  });

  it('raises it only when the statutes say so and the coop has more than 500 members', () => {
    expect(raisedHoldingCap(true, 501, 1_00n)).toEqual({ capital: 1_00n });
    expect(raisedHoldingCap(true, 500, 1_00n)).toBeNull();
    expect(raisedHoldingCap(false, 10_000, 1_00n)).toBeNull();
  });

  it('checks nothing in forms outside the civil code', () => {
    for (const legalForm of ['scic', 'scop', 'association'] as const) {
      expect(limits('2026-01-01', { legalForm })).toEqual({
        minShareValue: null,
        maxShareValue: null,
        maxHolding: null,
      });
    }
  });
});
