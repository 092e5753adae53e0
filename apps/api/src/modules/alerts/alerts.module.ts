import { Module } from '@nestjs/common';
import { AlertsAccountData } from './alerts-account-data';
import { AlertsController } from './alerts.controller';
import { AlertsRepository } from './alerts.repository';
import { AlertsService } from './alerts.service';

/** HTTP side: create, list and delete one's alerts. */
@Module({
  controllers: [AlertsController],
  providers: [AlertsRepository, AlertsService, AlertsAccountData],
})
export class AlertsModule {}
