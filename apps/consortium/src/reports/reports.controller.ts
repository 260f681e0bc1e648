import { Body, Controller, Get, HttpCode, Param, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiDocumentResponse } from './document-response.decorator';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Roles } from '@libs/auth';
import { CommandMeta, Meta } from '@libs/api-conventions';
import { ApiProblems, Recording } from '@libs/http';
import { RolesAndMemberCoopAdmins } from '../member-coop-admins';
import { newsletterHtml } from './newsletter.html';
import { newsletterPdf } from './newsletter.pdf';
import { quarterOf } from './quarter';
import { QuarterlyReport } from './quarterly-report';
import { QuarterlyReportResponse } from './quarterly-report.response';
import { ReportEdition, ReportEditions } from './report-editions';
import { sendDocument } from './report-document';
import {
  EditorialDto,
  NewsletterParams,
  NewsletterQuery,
  QuarterParams,
  ReportStateResponse,
} from './reports.dto';
import { ReportsQueries } from './reports.queries';

/** A member's copy: never kept by a shared cache. */
const PRIVATE = 'private, no-cache';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsQueries,
    private readonly editions: ReportEditions,
  ) {}

  @Get(':quarter.:format')
  @RolesAndMemberCoopAdmins(['board-member', 'auditor'])
  @ApiOperation({
    summary: 'The quarter’s newsletter as a page (`.html`) or a PDF (`.pdf`), in `?lang=fr|it|en`',
  })
  @ApiDocumentResponse(
    ['text/html', 'application/pdf'],
    'the newsletter: `.html` a page, `.pdf` a PDF',
  )
  @ApiProblems(400, 401, 403)
  async newsletter(
    @Param() { quarter, format }: NewsletterParams,
    @Query() query: NewsletterQuery,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const newsletter = await this.reports.newsletter(quarterOf(quarter), query.lang ?? 'en');
    if (format === 'html') {
      sendDocument(request, reply, newsletterHtml(newsletter), 'text/html; charset=utf-8', PRIVATE);
      return;
    }
    reply.header('Content-Disposition', `inline; filename="report-${quarter}.pdf"`);
    sendDocument(request, reply, await newsletterPdf(newsletter), 'application/pdf', PRIVATE);
  }

  @Get(':quarter')
  @RolesAndMemberCoopAdmins(['board-member', 'auditor'])
  @ApiOperation({
    summary: 'The account of a quarter (`2027-Q1`): the newsletter’s figures',
    description:
      '`pooledMeans`: the `byMonth` lines of `GET /pooled-means` for the quarter’s three months, and their `totals` by unit. ' +
      '`coops`: admitted and settled withdrawals in the quarter; `decisions`: allocations the board decided in it, by outcome and currency (count and amount); `trainings` starting in it, `exchanges` confirmed in it, `resources` shared in it (of admitted coops); ' +
      '`compliance`: the consortium’s indicators in alert and how many member coops have one, as they stand today. ' +
      '`books`: the consortium’s own income (by kind) and disbursements (by theme) received or paid on the quarter’s days, with their totals per currency; sums and counts only. ' +
      'A coop admin reads it while their coop is a member (admitted, or withdrawing and not settled).',
  })
  @ApiOkResponse({ type: QuarterlyReportResponse })
  @ApiProblems(400, 401, 403)
  async get(@Param() { quarter }: QuarterParams): Promise<QuarterlyReport> {
    return this.reports.report(quarterOf(quarter));
  }

  @Put(':quarter/editorial')
  @HttpCode(200)
  @Roles('board-member')
  @ApiOperation({
    summary: 'Write the quarter’s editorial in one language (it replaces that language’s text)',
  })
  @ApiOkResponse({ type: ReportStateResponse })
  @ApiProblems(400, 401, 403)
  writeEditorial(
    @Param() { quarter }: QuarterParams,
    @Body() dto: EditorialDto,
    @Meta() meta: CommandMeta,
  ): Promise<ReportEdition> {
    return this.editions.writeEditorial(quarter, dto.language, dto.text, meta);
  }

  @Get(':quarter/editorial')
  @Roles('board-member', 'auditor')
  @ApiOperation({ summary: 'The quarter’s editorials and when it was published, if it was' })
  @ApiOkResponse({ type: ReportStateResponse })
  @ApiProblems(400, 401, 403)
  edition(@Param() { quarter }: QuarterParams): Promise<ReportEdition> {
    return this.editions.of(quarter);
  }

  @Recording(':quarter/publication', {
    summary:
      'Publish the quarter’s report: its public page and the Atom feed show it (aggregated figures only)',
    created: ReportStateResponse,
    problems: [400, 401, 403, 409],
  })
  @Roles('board-member')
  publish(@Param() { quarter }: QuarterParams, @Meta() meta: CommandMeta): Promise<ReportEdition> {
    return this.editions.publish(quarter, meta);
  }
}
