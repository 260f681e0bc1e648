import { Readable } from 'node:stream';
import {
  Body,
  Controller,
  Get,
  Headers,
  Param,
  ParseUUIDPipe,
  Query,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Roles } from '@libs/auth';
import {
  CommandMeta,
  DEFAULT_PAGE_SIZE,
  Meta,
  moneyJson,
  PageCursor,
  pageOf,
  today,
} from '@libs/api-conventions';
import { formatHundredths } from '@libs/contracts';
import { answerHeaders, ApiProblems, InvalidInput, Recording } from '@libs/http';
import {
  ApplicationIdResponse,
  ApplyForFundingDto,
  DisbursementIdResponse,
  DisburseDto,
  FundingApplicationItem,
  FundingApplicationPage,
  FundingApplicationsQuery,
  FundingDecisionDto,
  FundingDecisionResponse,
  IncomeIdResponse,
  LedgerLineItem,
  LedgerPage,
  LedgerQuery,
  RecordIncomeDto,
} from './books.dto';
import { BooksCommands } from './books.commands';
import { BooksQueries, FundingApplicationRow, LedgerPlace } from './books.queries';
import { ledgerCsv } from './ledger-csv';
import { ReadsViews } from '../read-models';
import { LedgerLine } from './ledger-line';

const APPLICATIONS_CURSOR = new PageCursor<[string, string]>('funding-applications');
const LEDGER_CURSOR = new PageCursor<LedgerPlace>('ledger');

/** The consortium's own money: income, funding calls, disbursements, and the ledger of it all. */
@ApiTags('books')
@ApiBearerAuth()
@Controller()
export class BooksController {
  constructor(
    private readonly commands: BooksCommands,
    private readonly queries: BooksQueries,
  ) {}

  @Recording('income', {
    summary: 'Money the consortium received itself, optionally an awarded application’s',
    created: IncomeIdResponse,
    problems: [400, 401, 403, 404, 409, 422],
  })
  @Roles('board-member')
  recordIncome(@Body() dto: RecordIncomeDto, @Meta() meta: CommandMeta): Promise<IncomeIdResponse> {
    return this.commands.recordIncome(dto, meta);
  }

  @Recording('funding-applications', {
    summary: 'A call the consortium applies to',
    created: ApplicationIdResponse,
    problems: [400, 401, 403, 422],
  })
  @Roles('board-member')
  apply(
    @Body() dto: ApplyForFundingDto,
    @Meta() meta: CommandMeta,
  ): Promise<ApplicationIdResponse> {
    return this.commands.apply(dto, meta);
  }

  @Recording('funding-applications/:id/decision', {
    summary: 'The funder’s decision: awarded (how much) or refused',
    created: FundingDecisionResponse,
    problems: [400, 401, 403, 404, 409, 422],
  })
  @Roles('board-member')
  decide(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: FundingDecisionDto,
    @Meta() meta: CommandMeta,
  ): Promise<FundingDecisionResponse> {
    return this.commands.decide(id, dto, meta);
  }

  @Get('funding-applications')
  @Roles('board-member', 'auditor')
  @ApiOperation({ summary: 'The calls applied to, by deadline (soonest first), paged' })
  @ReadsViews(['books'], { type: FundingApplicationPage })
  @ApiProblems(400, 401, 403)
  async applications(@Query() query: FundingApplicationsQuery): Promise<FundingApplicationPage> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.queries.applications({
      status: query.status,
      deadlineBefore: query.deadlineBefore,
      reportingDueBefore: query.reportingDueBefore,
      after: APPLICATIONS_CURSOR.read(query.cursor),
      limit,
    });
    return pageOf(
      rows,
      limit,
      applicationItem,
      (r) => [r.deadline, r.applicationId],
      APPLICATIONS_CURSOR,
    );
  }

  @Recording('allocations/:id/disbursements', {
    summary:
      'Pay (part of) an approved allocation: 409 unless approved; 422 disbursement_exceeds_allocation, insufficient_cash',
    created: DisbursementIdResponse,
    problems: [400, 401, 403, 404, 409, 422],
  })
  @Roles('board-member')
  disburse(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: DisburseDto,
    @Meta() meta: CommandMeta,
  ): Promise<DisbursementIdResponse> {
    return this.commands.disburse(id, dto, meta);
  }

  @Get('ledger')
  @Roles('board-member', 'auditor')
  @ApiOperation({
    summary: 'Every money movement in and out over dates; `Accept: text/csv` for the accountant',
    description:
      'One line per movement, by day then in the order recorded: the consortium’s own income (its kind) and disbursements (`disbursement`), and each payment of a member coop (`contribution`, its `coopId`, the contribution as `reference`). ' +
      'Member coops’ money counts as in the pooled means: money only (EUR, SOL; never the valuation of a non-monetary contribution), from admitted coops only. ' +
      'JSON is paged; the CSV holds the whole range (columns: date, direction, kind, counterpart, coopId, currency, amount, reference, eventId). ' +
      'Over a budget period’s days, with its coops’ contributions paid within it, the sums equal the budget’s `cash`.',
  })
  @ReadsViews(['books'], {
    type: LedgerPage,
    // The CSV's: the accountant's download is saved under a name that says its dates.
    headers: answerHeaders(['Content-Disposition']),
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiProblems(400, 401, 403)
  async ledger(
    @Query() query: LedgerQuery,
    @Headers('accept') accept: string | undefined,
  ): Promise<LedgerPage | StreamableFile> {
    const year = today().slice(0, 4);
    const from = query.from ?? `${year}-01-01`;
    const to = query.to ?? `${year}-12-31`;
    if (from > to) throw new InvalidInput([{ field: 'to', message: 'must not be before from' }]);
    if (accept?.includes('text/csv')) {
      return new StreamableFile(Readable.from(ledgerCsv(this.queries.wholeLedger(from, to))), {
        type: 'text/csv; charset=utf-8',
        disposition: `inline; filename="ledger-${from}-${to}.csv"`,
      });
    }
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const lines = await this.queries.ledger(from, to, {
      after: LEDGER_CURSOR.read(query.cursor),
      limit: limit + 1,
    });
    return pageOf(lines, limit, ledgerItem, (line) => line.place, LEDGER_CURSOR);
  }
}

function applicationItem(row: FundingApplicationRow): FundingApplicationItem {
  const money = (m: { unit: 'EUR' | 'SOL'; hundredths: number }) => moneyJson(m.unit, m.hundredths);
  return {
    ...row,
    requested: money(row.requested),
    awarded: row.awarded && money(row.awarded),
    received: money(row.received),
  };
}

function ledgerItem(line: LedgerLine & { place: LedgerPlace }): LedgerLineItem {
  const { hundredths, place: _place, ...rest } = line;
  return { ...rest, amount: formatHundredths(hundredths) };
}
