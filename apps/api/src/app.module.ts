import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { AuthGuard } from './common/auth/auth.guard';
import { CoreModule } from './common/core.module';
import { DomainExceptionFilter } from './common/http/domain-exception.filter';
import { DatabaseModule } from './database/database.module';
import { RealtimeGateway } from './infra/realtime/realtime.gateway';
import { AuthController } from './modules/auth/auth.controller';
import { AuthModule } from './modules/auth/auth.module';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { ConversationsModule } from './modules/conversations/conversations.module';
import { ExchangesModule } from './modules/exchanges/exchanges.module';
import { AlertsModule } from './modules/alerts/alerts.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { HealthModule } from './modules/health/health.module';
import { ListingsModule } from './modules/listings/listings.module';
import { MunicipalitiesModule } from './modules/municipalities/municipalities.module';
import { UsersModule } from './modules/users/users.module';

/** The HTTP + socket.io process. */
@Module({
  imports: [
    CoreModule,
    DatabaseModule,
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        throttlers: [
          { name: 'default', ttl: 60_000, limit: config.rateLimit },
          // Password guessing and mass sign-up: a stricter budget on the auth routes only.
          {
            name: 'auth',
            ttl: 60_000,
            limit: config.authRateLimit,
            skipIf: (ctx) => ctx.getClass() !== AuthController,
          },
        ],
      }),
    }),
    HealthModule,
    AuthModule,
    UsersModule,
    MunicipalitiesModule,
    ListingsModule,
    ExchangesModule,
    NotificationsModule,
    AlertsModule,
    ConversationsModule,
  ],
  providers: [
    { provide: APP_FILTER, useClass: DomainExceptionFilter },
    { provide: APP_GUARD, useClass: ThrottlerGuard },
    { provide: APP_GUARD, useClass: AuthGuard },
    RealtimeGateway,
  ],
})
export class AppModule {}
