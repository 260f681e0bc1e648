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

/** A money amount as API.md writes it: `{ "amount": "120.50", "currency": "EUR" }`. */
export interface MoneyJson {
  amount: string;
  currency: Currency;
}

/** `hundredths` a bigint for sums, written exactly whatever their size. */
export function moneyJson(currency: Currency, hundredths: number | bigint): MoneyJson {
  return { amount: formatHundredths(hundredths), currency };
}
