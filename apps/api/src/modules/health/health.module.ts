import { Module } from '@nestjs/common';
import { ClientConfigController, HealthController } from './health.controller';

@Module({ controllers: [HealthController, ClientConfigController] })
export class HealthModule {}
