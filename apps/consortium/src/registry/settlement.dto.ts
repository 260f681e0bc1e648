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

  @ApiPropertyOptional({
    type: MoneyDto,
    description:
      'the coop’s share of a loss in the accounts of its exit year, deducted from its capital (c.c. 2535); default 0',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  lossShare?: MoneyDto;

  @IsOptional()
  @IsoDay({ required: false, description: 'default: today' })
  settledOn?: string;

  @IsOptional()
  @IsoDay({
    required: false,
    description:
      'approval of the accounts of the exit year (the close of the year of notice, or of the next when notice came after 30 September), when known',
  })
  accountsApprovedOn?: string;
}
