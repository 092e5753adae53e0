import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { AuthGuard } from './common/auth/auth.guard';
import { CoreModule } from './common/core.module';
import { DomainExceptionFilter } from './common/http/domain-exception.filter';
import { DatabaseModule } from './database/database.module';
import { RealtimeGateway } from './infra/realtime/realtime.gateway';
import { AuthModule } from './modules/auth/auth.module';
import { HealthModule } from './modules/health/health.module';
import { ListingsModule } from './modules/listings/listings.module';
import { MunicipalitiesModule } from './modules/municipalities/municipalities.module';
import { UsersModule } from './modules/users/users.module';

/** The HTTP + socket.io process. */
@Module({
  imports: [
    CoreModule,
    DatabaseModule,
    // Generous default; auth routes set their own, stricter limit.
    ThrottlerModule.forRoot({ throttlers: [{ name: 'default', ttl: 60_000, limit: 600 }] }),
    HealthModule,
    AuthModule,
    UsersModule,
    MunicipalitiesModule,
    ListingsModule,
  ],
  providers: [
    { provide: APP_FILTER, useClass: DomainExceptionFilter },
    { provide: APP_GUARD, useClass: ThrottlerGuard },
    { provide: APP_GUARD, useClass: AuthGuard },
    RealtimeGateway,
  ],
})
export class AppModule {}
