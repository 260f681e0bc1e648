import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CoopStatusQuery } from '../coop-status.query';
import { CoopStatus } from './member-coop';
import { MemberCoopRow } from './member-coop.entity';

@QueryHandler(CoopStatusQuery)
export class CoopStatusHandler implements IQueryHandler<CoopStatusQuery> {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async execute({ coopId }: CoopStatusQuery): Promise<CoopStatus | null> {
    const row = await this.db
      .getRepository(MemberCoopRow)
      .findOne({ where: { coopId }, select: { coopId: true, status: true } });
    return row?.status ?? null;
  }
}
