import { Module } from '@nestjs/common';
import { CommissionTriggersListener } from './commission-triggers.listener';
import { CommissionsController } from './commissions.controller';
import { CommissionsRepository } from './commissions.repository';
import { CommissionsService } from './commissions.service';

@Module({
  controllers: [CommissionsController],
  providers: [CommissionsRepository, CommissionsService, CommissionTriggersListener],
})
export class CommissionsModule {}
