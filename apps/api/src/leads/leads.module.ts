import { Module } from '@nestjs/common';
import { CustomersModule } from '../customers/customers.module';
import { LeadStagesService } from './lead-stages.service';
import { LeadTargetsRepository } from './lead-targets.repository';
import { LeadsController } from './leads.controller';
import { LeadsRepository } from './leads.repository';
import { LeadsService } from './leads.service';

@Module({
  imports: [CustomersModule],
  controllers: [LeadsController],
  providers: [LeadsRepository, LeadTargetsRepository, LeadsService, LeadStagesService],
  exports: [LeadsRepository, LeadsService, LeadStagesService],
})
export class LeadsModule {}
