import { STATUS_CODES } from 'node:http';
import { HttpException, HttpStatus } from '@nestjs/common';
import {
  ConcurrencyConflict,
  NotFound,
  PreconditionFailed,
  RuleViolation,
  StateConflict,
} from '@libs/aggregates';
import { WrongExpectedVersionError } from '@libs/event-store';
import { InvalidInput } from './invalid-input.exception';
import { ProblemDocument, ProblemType } from './problem-document';

/** The answer to an error, and whether it is ours to log (a fault, not the client's mistake). */
export interface MappedProblem {
  problem: ProblemDocument;
  unexpected: boolean;
}

/** Every error becomes a problem document; what is not understood is a 500 that reveals nothing. */
export function toProblem(error: unknown): MappedProblem {
  if (error instanceof InvalidInput) {
    return expected(
      problem(HttpStatus.BAD_REQUEST, ProblemType.invalidInput, 'Invalid input', error.message, {
        errors: error.errors,
      }),
    );
  }
  if (error instanceof HttpException) return fromHttpException(error);
  const refused = clientErrorStatus(error);
  if (refused !== undefined) {
    return expected(
      problem(refused, ProblemType.generic, reason(refused), (error as Error).message),
    );
  }
  if (error instanceof RuleViolation) {
    return expected(
      problem(
        HttpStatus.UNPROCESSABLE_ENTITY,
        ProblemType.ruleViolation,
        'A rule refuses it',
        `${error.rule}: ${error.message}`,
        { rule: error.rule },
      ),
    );
  }
  if (error instanceof PreconditionFailed) {
    return expected(
      problem(
        HttpStatus.PRECONDITION_FAILED,
        ProblemType.preconditionFailed,
        'Precondition failed',
        `If-Match: ${error.message}; read it again`,
      ),
    );
  }
  if (error instanceof ConcurrencyConflict || error instanceof WrongExpectedVersionError) {
    return expected(
      problem(
        HttpStatus.CONFLICT,
        ProblemType.concurrencyConflict,
        'Changed concurrently',
        'It was changed by another request at the same time; try again',
      ),
    );
  }
  if (error instanceof StateConflict) {
    return expected(
      problem(
        HttpStatus.CONFLICT,
        ProblemType.stateConflict,
        'Conflict',
        error.rule ? `${error.rule}: ${error.message}` : error.message,
        error.rule ? { rule: error.rule } : {},
      ),
    );
  }
  if (error instanceof NotFound) {
    return expected(
      problem(HttpStatus.NOT_FOUND, ProblemType.notFound, 'Not found', error.message),
    );
  }
  return {
    problem: problem(
      HttpStatus.INTERNAL_SERVER_ERROR,
      ProblemType.generic,
      reason(HttpStatus.INTERNAL_SERVER_ERROR),
      'The server failed to handle the request; it has been logged',
    ),
    unexpected: true,
  };
}

/**
 * Nest's own exceptions, and Fastify's refusals before any route runs (a body that is not JSON, an
 * unsupported media type, a body too large), which Nest turns into HttpExceptions with their status.
 */
function fromHttpException(error: HttpException): MappedProblem {
  const status = error.getStatus();
  const response = error.getResponse();
  // Nest's built-in pipes put a list of messages in `message`; one string reads better.
  const message =
    typeof response === 'object' && Array.isArray((response as { message?: unknown }).message)
      ? ((response as { message: unknown[] }).message as string[]).join('; ')
      : error.message;
  // A refusal that names its rule (an access rule's 403) keeps the name, as a domain rule's does.
  const rule =
    typeof response === 'object' && typeof (response as { rule?: unknown }).rule === 'string'
      ? { rule: (response as { rule: string }).rule }
      : {};
  const mapped = problem(status, ProblemType.generic, reason(status), message, rule);
  return { problem: mapped, unexpected: status >= 500 };
}

/**
 * The HTTP layer's own refusals (Fastify's, or a plugin's such as the static files' "Forbidden" for
 * a path that climbs out of its folder) carry a 4xx `statusCode`: the client's mistake, answered
 * with that status, not a fault of ours.
 */
function clientErrorStatus(error: unknown): number | undefined {
  if (!(error instanceof Error)) return undefined;
  const status = (error as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' && Number.isInteger(status) && status >= 400 && status < 500
    ? status
    : undefined;
}

function problem(
  status: number,
  type: string,
  title: string,
  detail: string,
  extra: Partial<ProblemDocument> = {},
): ProblemDocument {
  return { type, title, status, detail, ...extra };
}

function expected(mapped: ProblemDocument): MappedProblem {
  return { problem: mapped, unexpected: false };
}

function reason(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}
