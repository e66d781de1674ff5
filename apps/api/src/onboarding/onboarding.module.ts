import { Module } from '@nestjs/common';
import { SetupFactsRepository } from './setup-facts.repository';
import { SetupProgressController } from './setup-progress.controller';
import { SetupProgressService } from './setup-progress.service';

@Module({
  controllers: [SetupProgressController],
  providers: [SetupProgressService, SetupFactsRepository],
})
export class OnboardingModule {}
