import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ProjectionRunner } from '@libs/projections';
import type { FastifyReply } from 'fastify';
import { Observable } from 'rxjs';
import { PARKED_EVENTS_HEADER, READS_VIEWS } from './reads-views.decorator';

/** Adds `Parked-Events` to the answers of routes marked `@ReadsViews(...)`. */
@Injectable()
export class PartialViewsInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly runner: ProjectionRunner,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const views = this.reflector.get<string[] | undefined>(READS_VIEWS, context.getHandler());
    if (views && context.getType() === 'http') {
      // Read before the answer: an event parked meanwhile is missing from it too.
      const counts = await this.runner.parkedCounts();
      const partial = views.filter((view) => (counts.get(view) ?? 0) > 0);
      if (partial.length > 0) {
        context
          .switchToHttp()
          .getResponse<FastifyReply>()
          .header(
            PARKED_EVENTS_HEADER,
            partial.map((view) => `${view}=${counts.get(view)}`).join(', '),
          );
      }
    }
    return next.handle();
  }
}
