import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { TypeBQuota, typeBQuota } from '@libs/rules';
import { CoopWorkforceRow } from './coop-workforce.entity';

@Injectable()
export class CoopWorkforceQueries {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Each coop's type-B quota terms over the twelve months ending with its last recorded month;
   * coops that record no workforce are absent.
   */
  async quotas(coopIds: string[]): Promise<Map<string, TypeBQuota>> {
    const rows = coopIds.length
      ? await this.db
          .getRepository(CoopWorkforceRow)
          .find({ where: { coopId: In(coopIds) }, order: { month: 'ASC' } })
      : [];
    const byCoop = new Map<string, CoopWorkforceRow[]>();
    for (const row of rows) byCoop.set(row.coopId, [...(byCoop.get(row.coopId) ?? []), row]);
    const quotas = new Map<string, TypeBQuota>();
    for (const [coopId, months] of byCoop) {
      const quota = typeBQuota(months, months.at(-1)!.month);
      if (quota) quotas.set(coopId, quota);
    }
    return quotas;
  }
}
