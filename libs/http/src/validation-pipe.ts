import { ValidationPipe } from '@nestjs/common';
import { InvalidInput } from './invalid-input.exception';

/** DTOs are the API's contract: unknown fields are refused, not silently dropped. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => InvalidInput.fromValidationErrors(errors),
  });
}
