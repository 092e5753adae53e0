import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ModerationModule } from '../moderation/moderation.module';
import { MunicipalitiesModule } from '../municipalities/municipalities.module';
import { UsersModule } from '../users/users.module';
import { AssistedController } from './assisted.controller';
import { AssistedRepository } from './assisted.repository';
import { AssistedService } from './assisted.service';

/** Assisted mode: residents registered and helped by the town's staff (DESIGN.md §4.1). */
@Module({
  imports: [AuthModule, UsersModule, MunicipalitiesModule, ModerationModule],
  controllers: [AssistedController],
  providers: [AssistedRepository, AssistedService],
})
export class AssistedModule {}
