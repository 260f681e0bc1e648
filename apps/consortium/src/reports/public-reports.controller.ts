import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiDocumentResponse } from './document-response.decorator';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '@libs/auth';
import { ApiProblems } from '@libs/http';
import { newsletterHtml } from './newsletter.html';
import { quarterOf } from './quarter';
import { sendDocument } from './report-document';
import { NewsletterQuery, QuarterParams } from './reports.dto';
import { PublishedReports } from './published-reports';

/** Shared caches may keep a public page, and must ask again (the ETag answers 304) before use. */
const PUBLIC = 'public, no-cache';

/**
 * What the federation shows everyone: the reports the board published, and their feed. Public
 * because they are the newsletter to funders and the public; they hold aggregated figures only
 * (counts and sums, the board's editorial), never a member's name, e-mail or a reason.
 */
@ApiTags('public reports')
@Controller('public')
export class PublicReportsController {
  constructor(private readonly published: PublishedReports) {}

  // Public: the published newsletter is meant for anyone, without an account.
  @Public()
  @Get('reports/:quarter')
  @ApiOperation({
    summary: 'A published quarterly report as a page (`?lang=fr|it|en`); 404 until published',
  })
  @ApiDocumentResponse(['text/html'], 'the report as a page')
  @ApiProblems(400, 404)
  async page(
    @Param() { quarter }: QuarterParams,
    @Query() query: NewsletterQuery,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const newsletter = await this.published.newsletter(quarterOf(quarter), query.lang ?? 'en');
    sendDocument(request, reply, newsletterHtml(newsletter), 'text/html; charset=utf-8', PUBLIC);
  }

  // Public: feed readers fetch it without credentials; it lists only published reports.
  @Public()
  @Get('feed.xml')
  @ApiOperation({ summary: 'The published quarterly reports as an Atom 1.0 feed' })
  @ApiDocumentResponse(['application/atom+xml'], 'the feed')
  async feed(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const feed = await this.published.feed(publicBase(request));
    sendDocument(request, reply, feed, 'application/atom+xml; charset=utf-8', PUBLIC);
  }
}

/**
 * The address the public reaches this app at: `PUBLIC_URL` when set (behind a proxy), otherwise
 * the address the request came to.
 */
function publicBase(request: FastifyRequest): string {
  const configured = process.env.PUBLIC_URL?.replace(/\/+$/, '');
  return configured || `${request.protocol}://${request.host}`;
}
