import { BadRequestException } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { MAX_URL_LENGTH, UriTooLong } from './framework-errors';
import { illFormedText } from './ill-formed-text';
import { InvalidInput } from './invalid-input.exception';
import { MAX_NESTING_DEPTH, nestsDeeperThan } from './nesting-depth';

/**
 * Refusals every request gets before any route reads it, in one place for every app rather than
 * in each DTO, in Fastify's order:
 *
 * 1. `onRequest`: a URL longer than MAX_URL_LENGTH is a 414.
 * 2. the body parser: JSON only (anything else is a 415), and a body nested deeper than
 *    MAX_NESTING_DEPTH is a 400 read off the raw text, before it is parsed, validated or
 *    fingerprinted for Idempotency-Key (that runs in `preHandler`, later).
 * 3. `preValidation`: a NUL or a lone surrogate in any string of the path, the query or the body
 *    is a 400 naming the field, before validation and before `preHandler`.
 *
 * Call before the app is initialized (`createApp` does): Fastify gives routes their hooks then.
 */
export function guardInputs(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, _reply, done) => {
    if (request.url.length > MAX_URL_LENGTH) {
      return done(new UriTooLong(`The URL is longer than ${MAX_URL_LENGTH} characters`));
    }
    done();
  });

  // The API speaks JSON: Fastify's plain-text parser (and Nest's form parser, which createApp
  // turns off) would hand DTOs bodies they were never written for.
  fastify.removeAllContentTypeParsers();
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (nestsDeeperThan(body as string, MAX_NESTING_DEPTH)) {
      return done(
        new BadRequestException(`The JSON body nests deeper than ${MAX_NESTING_DEPTH} levels`),
        undefined,
      );
    }
    parseJson(request, body as string, done);
  });

  fastify.addHook('preValidation', (request, _reply, done) => {
    const errors = [
      // A wildcard route (the board page's 404s, say) names the rest of the path `*`.
      ...illFormedText(request.params).map((e) => (e.field === '*' ? { ...e, field: 'path' } : e)),
      ...illFormedText(request.query),
      ...illFormedText(request.body),
    ];
    done(errors.length > 0 ? new InvalidInput(errors) : undefined);
  });
}
