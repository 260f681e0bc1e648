import { ApiProperty } from '@nestjs/swagger';
import { IsIn, ValidateBy } from 'class-validator';
import {
  Currency,
  CURRENCIES,
  formatHundredths,
  isWithinAmountBound,
  MAX_AMOUNT,
  Money,
  parseHundredths,
  parseSignedHundredths,
  Quantity,
} from '@libs/contracts';

/**
 * Why a decimal string is refused, or null when it is a fine amount: at most two decimals (money
 * and hours are never floats), and at most `MAX_AMOUNT` (one typo or one rogue client cannot record
 * an amount no figure could hold). `signed` admits a minus sign (a year's loss), bounded alike.
 */
function amountRefusal(value: unknown, signed = false): 'format' | 'bound' | null {
  if (typeof value !== 'string') return 'format';
  const hundredths = signed ? parseSignedHundredths(value) : parseHundredths(value);
  if (hundredths === null) return 'format';
  return isWithinAmountBound(Math.abs(hundredths)) ? null : 'bound';
}

function decimalString(name: string, signed: boolean, example: string) {
  return ValidateBy({
    name,
    validator: {
      validate: (value: unknown) => amountRefusal(value, signed) === null,
      defaultMessage: (args) =>
        amountRefusal(args?.value, signed) === 'bound'
          ? `${args?.property} must be ${signed ? `between -${MAX_AMOUNT} and ${MAX_AMOUNT}` : `at most ${MAX_AMOUNT}`}`
          : `${args?.property} must be a decimal string with at most 2 decimals, such as "${example}"`,
    },
  });
}

/** A non-negative decimal string with at most two decimals, at most `MAX_AMOUNT`. */
export function IsDecimalString() {
  return decimalString('isDecimalString', false, '120.50');
}

/** As IsDecimalString, negative too (a loss): at most `MAX_AMOUNT` either way. */
export function IsSignedDecimalString() {
  return decimalString('isSignedDecimalString', true, '-1200.00');
}

/** `{ "amount": "120.50", "currency": "EUR" }` */
export class MoneyDto {
  @ApiProperty({
    example: '120.50',
    description: `decimal string, at most 2 decimals, at most ${MAX_AMOUNT}`,
    maxLength: 15,
  })
  @IsDecimalString()
  amount!: string;

  @ApiProperty({ enum: CURRENCIES, example: 'EUR' })
  @IsIn(CURRENCIES)
  currency!: Currency;

  static toMoney(dto: MoneyDto): Money {
    return { unit: dto.currency, hundredths: parseHundredths(dto.amount)! };
  }
}

/**
 * The longest a sum of amounts can be written (`formatHundredths`): sign, 28 digits, point, 2
 * decimals. Each amount recorded is at most `MAX_AMOUNT` (under 10^9) and each is one event in the
 * log, whose positions are a PostgreSQL bigint (under 2^63 ≈ 9.2 × 10^18 events): a sum of them
 * stays under 9.3 × 10^27, 28 digits. Long before that, it would take 10^18 movements at the bound
 * to pass 10^27: no federation gets near it, yet sums stay exact (bigint) whatever their size.
 */
export const DECIMAL_SUM_MAX_LENGTH = 32;

/** A sum as `formatHundredths` writes it: exactly two decimals; negative for a balance below 0. */
export const DECIMAL_SUM_PATTERN = '^-?[0-9]+\\.[0-9]{2}$';

/** A sum of money, `{ "amount": "1240.50", "currency": "EUR" }`: unlike `MoneyDto`, past `MAX_AMOUNT`. */
export class MoneySumSchema {
  @ApiProperty({
    example: '1240.50',
    description: 'decimal string, exactly 2 decimals, exact whatever the size',
    maxLength: DECIMAL_SUM_MAX_LENGTH,
    pattern: DECIMAL_SUM_PATTERN,
  })
  amount!: string;

  @ApiProperty({ enum: CURRENCIES, example: 'EUR' })
  currency!: Currency;
}

/** `{ "hours": "3.5" }` */
export class TimeDto {
  @ApiProperty({
    example: '3.5',
    description: `decimal string of hours, at most 2 decimals, at most ${MAX_AMOUNT}`,
    maxLength: 15,
  })
  @IsDecimalString()
  hours!: string;

  static toQuantity(dto: TimeDto): Quantity<'hours'> {
    return { unit: 'hours', hundredths: parseHundredths(dto.hours)! };
  }
}

/** A money amount as the public API writes it: `{ "amount": "120.50", "currency": "EUR" }`. */
export interface MoneyJson {
  amount: string;
  currency: Currency;
}

/** `hundredths` a bigint for sums, written exactly whatever their size. */
export function moneyJson(currency: Currency, hundredths: number | bigint): MoneyJson {
  return { amount: formatHundredths(hundredths), currency };
}
