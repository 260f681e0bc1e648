import { Module } from '@nestjs/common';
import { WorkforceController } from './workforce.controller';
import { WorkforceService } from './workforce.service';
import { WorkforceHandler } from './workforce.command-handler';

@Module({
  controllers: [WorkforceController],
  providers: [WorkforceHandler, WorkforceService],
  exports: [WorkforceService],
})
export class WorkforceModule {}
