import { Module } from '@nestjs/common';
import { NotificationsAccountData } from './notifications-account-data';
import { MailModule } from '../../infra/mail/mail.module';
import { OutboxModule } from '../outbox/outbox.module';
import { UsersModule } from '../users/users.module';
import { NotificationPreferencesController } from './notification-preferences.controller';
import { NotificationsController } from './notifications.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';

/** HTTP side: the in-app list, read marks and preferences. */
@Module({
  imports: [OutboxModule, MailModule, UsersModule],
  controllers: [NotificationsController, NotificationPreferencesController],
  providers: [NotificationsRepository, NotificationsService, NotificationsAccountData],
  exports: [NotificationsService],
})
export class NotificationsModule {}
