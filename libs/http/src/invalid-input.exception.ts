import { BadRequestException, ValidationError } from '@nestjs/common';
import { FieldError } from './problem-document';

/** Bad input, with every failing field: answered 400 with an `errors` list. */
export class InvalidInput extends BadRequestException {
  constructor(readonly errors: FieldError[]) {
    super(
      `Invalid ${errors
        .map((e) => e.field)
        .filter(unique)
        .join(', ')}`,
    );
    this.name = 'InvalidInput';
  }

  /** From class-validator's tree of errors: one entry per failed constraint, leaves named by path. */
  static fromValidationErrors(validationErrors: ValidationError[]): InvalidInput {
    return new InvalidInput(validationErrors.flatMap((error) => fieldErrors(error, undefined)));
  }
}

function fieldErrors(error: ValidationError, parent: string | undefined): FieldError[] {
  const field = parent === undefined ? error.property : `${parent}.${error.property}`;
  const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
  const nested = (error.children ?? []).flatMap((child) => fieldErrors(child, field));
  return [...own, ...nested];
}

function unique(value: string, index: number, all: string[]): boolean {
  return all.indexOf(value) === index;
}
