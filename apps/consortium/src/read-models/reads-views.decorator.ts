import { SetMetadata } from '@nestjs/common';

export const READS_VIEWS = Symbol('READS_VIEWS');

/**
 * Names the projections (views) a route answers from: when one of them has parked events, the
 * answer carries a `Parked-Events` header (see `PartialViewsInterceptor`), its figures partial.
 */
export const ReadsViews = (...projections: string[]) => SetMetadata(READS_VIEWS, projections);
