import { Module } from '@nestjs/common';
import { TownStaffModule } from '../municipalities/town-staff-access';
import { MunicipalitiesModule } from '../municipalities/municipalities.module';
import { UsersModule } from '../users/users.module';
import { VerificationCodesRepository } from './verification-codes.repository';
import { VerificationThrottle } from './verification-throttle';
import { VerificationController } from './verification.controller';
import { VerificationService } from './verification.service';

/** Town-hall verification codes (DESIGN.md §4.1 "Verification by the town hall"). */
@Module({
  imports: [UsersModule, MunicipalitiesModule, TownStaffModule],
  controllers: [VerificationController],
  providers: [VerificationService, VerificationCodesRepository, VerificationThrottle],
})
export class VerificationModule {}
