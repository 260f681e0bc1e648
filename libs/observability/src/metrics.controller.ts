import {
  Controller,
  Get,
  Headers,
  Inject,
  NotFoundException,
  Res,
  UnauthorizedException,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { register } from 'prom-client';
import { Public } from '@libs/auth';
import { MetricsAccess } from './metrics-access';

/**
 * `GET /metrics`, Prometheus's text format. Out of the API document: it is the operator's scrape
 * endpoint, not part of the API's contract, and it takes its own token (`METRICS_TOKEN`, see
 * `MetricsAccess`), not the users' JWTs; hence `@Public` for the JWT guard, and the check here.
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(@Inject(MetricsAccess) private readonly access: MetricsAccess) {}

  @Public()
  @Get()
  async scrape(
    @Headers('authorization') authorization: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    if (!this.access.enabled) throw new NotFoundException('metrics are off: set METRICS_TOKEN');
    if (!this.access.allows(authorization)) {
      void reply.header('www-authenticate', 'Bearer realm="metrics"');
      throw new UnauthorizedException('/metrics needs Authorization: Bearer <METRICS_TOKEN>');
    }
    const text = await register.metrics();
    void reply.header('content-type', register.contentType).send(text);
  }
}
