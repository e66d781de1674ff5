import { Module } from '@nestjs/common';
import { SetupProgressController } from './setup-progress.controller';
import { SetupProgressService } from './setup-progress.service';

@Module({ controllers: [SetupProgressController], providers: [SetupProgressService] })
export class OnboardingModule {}
