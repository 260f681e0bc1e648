import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { formatHundredths, TrainingPrice } from '@libs/contracts';
import { NotFound } from '@libs/aggregates';
import { DEFAULT_PAGE_SIZE, Page, PageCursor, pageOf } from '@libs/api-conventions';
import { qualifiedTable } from '@libs/database';
import { CoopsQueries } from '../registry';
import { OfferedTraining } from './offered-training';
import { TrainingResponse, TrainingsQuery } from './trainings.dto';

export type TrainingView = TrainingResponse;

const TRAININGS_CURSOR = new PageCursor<[string, string]>('trainings');

const COLUMNS = `t.stream_id AS "streamId", t.training_id AS "trainingId", t.coop_id AS "coopId",
  t.title, t.theme, t.starts_at AS "startsAt", t.hours, t.places, t.enrolled, t.price,
  t.language, t.offered_on::text AS "offeredOn"`;

/** The trainings of coops admitted to the consortium: the one door to `offered_trainings`. */
@Injectable()
export class TrainingsQueries {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly coops: CoopsQueries,
  ) {}

  /** The ids of the coops admitted now: only their trainings are on offer. */
  private async admittedIds(): Promise<string[]> {
    return [...(await this.coops.admitted()).keys()];
  }

  /** Soonest first. */
  async list(query: TrainingsQuery): Promise<Page<TrainingView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = TRAININGS_CURSOR.read(query.cursor);
    const values: unknown[] = [limit + 1];
    const where = ['TRUE'];
    const parameter = (value: unknown) => `$${values.push(value)}`;
    if (query.theme) where.push(`t.theme = ${parameter(query.theme)}`);
    if (query.from) where.push(`t.starts_at >= ${parameter(new Date(query.from).toISOString())}`);
    if (Array.isArray(after) && after.length === 2) {
      where.push(`(t.starts_at, t.stream_id) > (${parameter(after[0])}, ${parameter(after[1])})`);
    }
    const rows = await this.rows(where.join(' AND '), values, 'LIMIT $1');
    return pageOf(
      rows,
      limit,
      trainingView,
      (row) => [row.startsAt, row.streamId],
      TRAININGS_CURSOR,
    );
  }

  async one(trainingId: string): Promise<TrainingView> {
    return trainingView(await this.offered(trainingId));
  }

  /** The training as offered, for an enrolment to decide on; 404 if no admitted coop offers it. */
  async offered(trainingId: string): Promise<OfferedTraining> {
    const [row] = await this.rows('t.training_id = $1', [trainingId], 'LIMIT 1');
    if (!row) throw new NotFound(`no training ${trainingId} on offer`);
    return row;
  }

  /**
   * The trainings of admitted coops that start between two days (UTC, both included): how many,
   * their hours (exact hundredths) and the places taken.
   */
  async heldBetween(
    from: string,
    to: string,
  ): Promise<{ trainings: number; hours: bigint; enrolled: number }> {
    const [row]: { trainings: string; hours: string | null; enrolled: string | null }[] =
      await this.db.query(
        `SELECT count(*) AS trainings, sum(t.hours::numeric) AS hours, sum(t.enrolled) AS enrolled
           FROM ${qualifiedTable(this.db, 'offered_trainings')} t
          WHERE t.coop_id = ANY($3::text[]) AND t.starts_at::timestamptz >= $1::date
            AND t.starts_at::timestamptz < $2::date + 1`,
        [from, to, await this.admittedIds()],
      );
    return {
      trainings: Number(row.trainings),
      hours: BigInt(row.hours ?? 0),
      enrolled: Number(row.enrolled ?? 0),
    };
  }

  private async rows(where: string, values: unknown[], limit: string): Promise<OfferedTraining[]> {
    const admitted = `$${values.push(await this.admittedIds())}::text[]`;
    return this.db.query(
      `SELECT ${COLUMNS}
         FROM ${qualifiedTable(this.db, 'offered_trainings')} t
        WHERE t.coop_id = ANY(${admitted}) AND ${where}
        ORDER BY t.starts_at, t.stream_id
        ${limit}`,
      values,
    );
  }
}

export function trainingView(row: OfferedTraining): TrainingView {
  return {
    trainingId: row.trainingId,
    coopId: row.coopId,
    title: row.title,
    theme: row.theme,
    startsAt: row.startsAt,
    hours: formatHundredths(BigInt(row.hours)),
    places: row.places,
    placesLeft: Math.max(0, row.places - row.enrolled),
    price: priceView(row.price),
    language: row.language,
    offeredOn: row.offeredOn,
  };
}

function priceView(price: TrainingPrice): TrainingView['price'] {
  switch (price.type) {
    case 'free':
      return null;
    case 'money':
      return { amount: formatHundredths(price.amount.hundredths), currency: price.amount.unit };
    case 'hours':
      return { hours: formatHundredths(price.hours) };
  }
}
