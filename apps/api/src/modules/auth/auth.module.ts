import { Module } from '@nestjs/common';
import { MailModule } from '../../infra/mail/mail.module';
import { MunicipalitiesModule } from '../municipalities/municipalities.module';
import { UsersModule } from '../users/users.module';
import { AccountTokensRepository } from './account-tokens.repository';
import { AccountService } from './account.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login-throttle';
import { SessionsAccountData } from './sessions-account-data';
import { SessionsRepository } from './sessions.repository';
import { SessionsService } from './sessions.service';

@Module({
  imports: [UsersModule, MunicipalitiesModule, MailModule],
  controllers: [AuthController],
  providers: [
    AuthService,
    AccountService,
    AccountTokensRepository,
    LoginThrottle,
    SessionsRepository,
    SessionsService,
    SessionsAccountData,
  ],
  /** `SessionsService.endAllFor` ends a member's sessions (password change, suspension). */
  exports: [SessionsService],
})
export class AuthModule {}
