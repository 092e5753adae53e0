import { Module } from '@nestjs/common';
import { ListingsModule } from '../listings/listings.module';
import { MunicipalitiesModule } from '../municipalities/municipalities.module';
import { UsersModule } from '../users/users.module';
import { AccountController, JwksController } from './account.controller';
import { AccountService } from './account.service';
import { AttestationService } from './attestation.service';
import { ProfileSettingsService } from './profile-settings.service';

/**
 * Settings (`PATCH /me`) and leaving with your data: `GET /me/export`, `DELETE /me`,
 * `/.well-known/jwks.json`. The data
 * itself comes from the modules that own it, through `AccountDataRegistry`.
 */
@Module({
  imports: [UsersModule, ListingsModule, MunicipalitiesModule],
  controllers: [AccountController, JwksController],
  providers: [AccountService, AttestationService, ProfileSettingsService],
})
export class AccountModule {}
