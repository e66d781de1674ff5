import { Module } from '@nestjs/common';
import { AccountsRepository } from './accounts.repository';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { InvitationsController } from './invitations.controller';
import { InvitationsService } from './invitations.service';
import { SessionsService } from './sessions.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/** Company accounts: sign-up/in/out, the team and its invitations. */
@Module({
  controllers: [AuthController, UsersController, InvitationsController],
  providers: [AccountsRepository, AuthService, SessionsService, UsersService, InvitationsService],
})
export class AuthModule {}
