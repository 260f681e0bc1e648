import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, ValidateNested } from 'class-validator';
import { IsoDay, MoneyDto } from '@libs/api-conventions';

export class SettleWithdrawalDto {
  @ApiPropertyOptional({
    type: MoneyDto,
    description: 'capital the coop paid into the consortium, owed back (EUR); default 0',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  capitalOwed?: MoneyDto;

  @IsOptional()
  @IsoDay({ required: false, description: 'default: today' })
  settledOn?: string;

  @IsOptional()
  @IsoDay({
    required: false,
    description: 'approval of the accounts of the year of leaving, when known',
  })
  accountsApprovedOn?: string;
}
