import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { MunicipalitiesModule } from '../municipalities/municipalities.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { UsersModule } from '../users/users.module';
import { ModerationController } from './moderation.controller';
import { ModerationRepository } from './moderation.repository';
import { ModerationService } from './moderation.service';
import { ModerationTargetsModule } from './moderation-targets.module';

/**
 * Reports, the moderation queue, decisions and the audit log. It imports no module that owns a
 * reportable type: listings, users and messages register themselves in `ModerationTargets`.
 */
@Module({
  imports: [
    ModerationTargetsModule,
    AuthModule,
    UsersModule,
    MunicipalitiesModule,
    NotificationsModule,
  ],
  controllers: [ModerationController],
  providers: [ModerationRepository, ModerationService],
  exports: [ModerationService],
})
export class ModerationModule {}
