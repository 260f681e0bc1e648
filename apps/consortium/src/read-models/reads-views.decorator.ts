import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiResponse, ApiResponseOptions } from '@nestjs/swagger';

export const READS_VIEWS = Symbol('READS_VIEWS');

/**
 * The header that says an answer is partial: a structured-field dictionary of the views behind
 * it that have parked events, and how many (`Parked-Events: pooled_means=1`). Absent when none has.
 */
export const PARKED_EVENTS_HEADER = 'Parked-Events';

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
        [PARKED_EVENTS_HEADER]: {
          description: `Present when a view this answer is built from (${projections.join(', ')}) has parked events it could not apply: the figures are partial. The views and their counts, e.g. \`${projections[0]}=1\`; details at GET /read-models.`,
          schema: { type: 'string' },
        },
      },
    }),
  );
