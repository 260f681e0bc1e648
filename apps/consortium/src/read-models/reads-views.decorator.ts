import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiResponse, ApiResponseOptions } from '@nestjs/swagger';

export const READS_VIEWS = Symbol('READS_VIEWS');

/**
 * The header that says an answer is partial: a structured-field dictionary of the views behind
 * it that have parked events, and how many (`Parked-Events: pooled_means=1`). Absent when none has.
 */
export const PARKED_EVENTS_HEADER = 'Parked-Events';

/** The header's longest value for these views: each `name=count` (a count of rows: a bigint, 19 digits), `, ` between. */
function parkedEventsMaxLength(projections: string[]): number {
  const entries = projections.map((name) => `${name}=`.length + 19);
  return entries.reduce((sum, length) => sum + length, 0) + ', '.length * (projections.length - 1);
}

/**
 * Names the projections (views) a route answers from: when one of them has parked events, the
 * answer carries a `Parked-Events` header (see `PartialViewsInterceptor`), its figures partial.
 */
export const ReadsViews = (projections: string[], ok: ApiResponseOptions = {}) =>
  applyDecorators(
    SetMetadata(READS_VIEWS, projections),
    // The 200 answer is declared here whole (its body with `ok`): a second declaration of the same
    // status would replace this one, header and all.
    ApiResponse({
      ...ok,
      status: 200,
      headers: {
        ...ok.headers,
        [PARKED_EVENTS_HEADER]: {
          description: `Present when a view this answer is built from (${projections.join(', ')}) has parked events it could not apply: the figures are partial. The views and their counts, e.g. \`${projections[0]}=1\`; details at GET /read-models.`,
          schema: {
            type: 'string',
            maxLength: parkedEventsMaxLength(projections),
            pattern: '^[a-z0-9_]+=[0-9]+(, [a-z0-9_]+=[0-9]+)*$',
          },
        },
      },
    }),
  );
