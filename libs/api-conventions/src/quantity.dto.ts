import { ApiProperty } from '@nestjs/swagger';
import { IsIn, ValidateBy } from 'class-validator';
import {
  Currency,
  CURRENCIES,
  formatHundredths,
  Money,
  parseHundredths,
  Quantity,
} from '@libs/contracts';

/** A non-negative decimal string with at most two decimals: money and hours are never floats. */
export function IsDecimalString() {
  return ValidateBy({
    name: 'isDecimalString',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && parseHundredths(value) !== null,
      defaultMessage: (args) =>
        `${args?.property} must be a decimal string with at most 2 decimals, such as "120.50"`,
    },
  });
}

/** `{ "amount": "120.50", "currency": "EUR" }` */
export class MoneyDto {
  @ApiProperty({ example: '120.50', description: 'decimal string, at most 2 decimals' })
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
  @ApiProperty({ example: '3.5', description: 'decimal string of hours, at most 2 decimals' })
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

export function moneyJson(currency: Currency, hundredths: number | bigint): MoneyJson {
  return { amount: formatHundredths(hundredths), currency };
}
