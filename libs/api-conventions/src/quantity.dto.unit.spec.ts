import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { formatHundredths, MAX_AMOUNT, MAX_AMOUNT_HUNDREDTHS } from '@libs/contracts';
import {
  DECIMAL_SUM_MAX_LENGTH,
  DECIMAL_SUM_PATTERN,
  IsSignedDecimalString,
  MoneyDto,
  TimeDto,
} from './quantity.dto';

class NetResult {
  @IsSignedDecimalString()
  amount!: string;
}

/** The messages class-validator gives for each refused field of `body` read as `type`. */
function refusals<T extends object>(type: new () => T, body: object): Record<string, string[]> {
  const errors = validateSync(plainToInstance(type, body));
  return Object.fromEntries(errors.map((e) => [e.property, Object.values(e.constraints ?? {})]));
}

describe('an amount at the edge', () => {
  it.each(['0', '0.01', '120.5', '999999999.99', MAX_AMOUNT])('takes %s', (amount) => {
    expect(refusals(MoneyDto, { amount, currency: 'EUR' })).toEqual({});
    expect(refusals(TimeDto, { hours: amount })).toEqual({});
  });

  it.each(['1000000000', '1000000000.00', '999999999999.99'])(
    'refuses %s, beyond the bound, and says what the bound is',
    (amount) => {
      expect(refusals(MoneyDto, { amount, currency: 'SOL' })).toEqual({
        amount: [`amount must be at most ${MAX_AMOUNT}`],
      });
      expect(refusals(TimeDto, { hours: amount })).toEqual({
        hours: [`hours must be at most ${MAX_AMOUNT}`],
      });
    },
  );

  it.each<unknown>(['1.234', '-5', '1e9', 120.5, null])(
    'refuses %p as no decimal string at all',
    (amount) => {
      expect(refusals(MoneyDto, { amount, currency: 'EUR' })).toEqual({
        amount: ['amount must be a decimal string with at most 2 decimals, such as "120.50"'],
      });
    },
  );

  it('bounds a signed amount (a year’s result) both ways', () => {
    expect(refusals(NetResult, { amount: `-${MAX_AMOUNT}` })).toEqual({});
    expect(refusals(NetResult, { amount: MAX_AMOUNT })).toEqual({});
    for (const amount of ['-1000000000.00', '1000000000.00']) {
      expect(refusals(NetResult, { amount })).toEqual({
        amount: [`amount must be between -${MAX_AMOUNT} and ${MAX_AMOUNT}`],
      });
    }
    expect(refusals(NetResult, { amount: '--1' })).toEqual({
      amount: ['amount must be a decimal string with at most 2 decimals, such as "-1200.00"'],
    });
  });
});

describe('a sum as the OpenAPI document bounds it', () => {
  // The event log's positions are a PostgreSQL bigint: it cannot hold more movements than this.
  const MOST_EVENTS = 2n ** 63n - 1n;

  it.each([
    ['zero', 0n],
    ['a single cent', 1n],
    [
      'every event the log can hold, each at the amount bound',
      MOST_EVENTS * BigInt(MAX_AMOUNT_HUNDREDTHS),
    ],
    ['the same, as a balance below zero', -MOST_EVENTS * BigInt(MAX_AMOUNT_HUNDREDTHS)],
  ])('writes %s within DECIMAL_SUM_MAX_LENGTH and its pattern', (_, hundredths) => {
    const written = formatHundredths(hundredths);
    expect(written.length).toBeLessThanOrEqual(DECIMAL_SUM_MAX_LENGTH);
    expect(written).toMatch(new RegExp(DECIMAL_SUM_PATTERN));
  });
});
