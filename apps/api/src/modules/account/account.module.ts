import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { AccountController, JwksController } from './account.controller';
import { AccountService } from './account.service';
import { AttestationService } from './attestation.service';

/**
 * Leaving with your data: `GET /me/export`, `DELETE /me`, `/.well-known/jwks.json`. The data
 * itself comes from the modules that own it, through `AccountDataRegistry`.
 */
@Module({
  imports: [UsersModule],
  controllers: [AccountController, JwksController],
  providers: [AccountService, AttestationService],
})
export class AccountModule {}
