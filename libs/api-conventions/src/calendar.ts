import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';
import { ValidateBy } from 'class-validator';

/** A real calendar day, `YYYY-MM-DD` (2027-02-30 is refused). */
export function isIsoDay(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A month, `YYYY-MM`, as OpenAPI documents it. */
export const ISO_MONTH_PATTERN = '^[0-9]{4}-(0[1-9]|1[0-2])$';

const ISO_MONTH = new RegExp(ISO_MONTH_PATTERN);

export function isIsoMonth(value: unknown): value is string {
  return typeof value === 'string' && ISO_MONTH.test(value);
}

/** Today in UTC as `YYYY-MM-DD`. */
export function today(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** A DTO field holding an ISO day. */
export function IsoDay(options: ApiPropertyOptions = {}) {
  return applyDecorators(
    ValidateBy({
      name: 'isIsoDay',
      validator: {
        validate: isIsoDay,
        defaultMessage: (args) => `${args?.property} must be a real date as YYYY-MM-DD`,
      },
    }),
    ApiProperty({
      type: String,
      format: 'date',
      maxLength: 10,
      example: '2027-03-01',
      ...options,
    } as ApiPropertyOptions),
  );
}

/** A DTO field holding a month, `YYYY-MM`. */
export function IsoMonth(options: ApiPropertyOptions = {}) {
  return applyDecorators(
    ValidateBy({
      name: 'isIsoMonth',
      validator: {
        validate: isIsoMonth,
        defaultMessage: (args) => `${args?.property} must be a month as YYYY-MM`,
      },
    }),
    ApiProperty({
      type: String,
      pattern: ISO_MONTH_PATTERN,
      maxLength: 7,
      example: '2027-03',
      ...options,
    } as ApiPropertyOptions),
  );
}
