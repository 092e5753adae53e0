import { Module } from '@nestjs/common';
import { MunicipalitiesModule } from '../municipalities/municipalities.module';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login-throttle';
import { SessionsAccountData } from './sessions-account-data';
import { SessionsRepository } from './sessions.repository';
import { SessionsService } from './sessions.service';

@Module({
  imports: [UsersModule, MunicipalitiesModule],
  controllers: [AuthController],
  providers: [AuthService, LoginThrottle, SessionsRepository, SessionsService, SessionsAccountData],
  exports: [SessionsService],
})
export class AuthModule {}
