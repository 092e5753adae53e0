import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './common/auth/auth.guard';
import { CoreModule } from './common/core.module';
import { DomainExceptionFilter } from './common/http/domain-exception.filter';
import { DatabaseModule } from './database/database.module';
import { RealtimeGateway } from './infra/realtime/realtime.gateway';
import { RateLimitGuard } from './common/rate-limit/rate-limit.guard';
import { RateLimitModule } from './common/rate-limit/rate-limit.module';
import { AccountModule } from './modules/account/account.module';
import { AddressesModule } from './modules/addresses/addresses.module';
import { AssistedModule } from './modules/assisted/assisted.module';
import { LibraryModule } from './modules/library/library.module';
import { AuthModule } from './modules/auth/auth.module';
import { BlocksModule } from './modules/blocks/blocks.module';
import { ConversationsModule } from './modules/conversations/conversations.module';
import { ExchangesModule } from './modules/exchanges/exchanges.module';
import { AlertsModule } from './modules/alerts/alerts.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { HealthModule } from './modules/health/health.module';
import { ListingsModule } from './modules/listings/listings.module';
import { ReviewsModule } from './modules/reviews/reviews.module';
import { ModerationModule } from './modules/moderation/moderation.module';
import { MunicipalitiesModule } from './modules/municipalities/municipalities.module';
import { UsersModule } from './modules/users/users.module';
import { VerificationModule } from './modules/verification/verification.module';
import { ImpactModule } from './modules/impact/impact.module';
import { InitiativesModule } from './modules/initiatives/initiatives.module';
import { OpenDataModule } from './modules/open-data/open-data.module';
import { OrganisationsArchiveModule } from './modules/organisations/organisations-archive.section';
import { TownArchiveModule } from './modules/town-archive/town-archive.module';
import { PostsModule } from './modules/posts/posts.module';
import { OrganisationsModule } from './modules/organisations/organisations.module';
import { EventsModule } from './modules/events/events.module';
import { BulletinModule } from './modules/bulletin/bulletin.module';

/** The HTTP + socket.io process. */
@Module({
  imports: [
    CoreModule,
    DatabaseModule,
    RateLimitModule,
    HealthModule,
    AuthModule,
    UsersModule,
    MunicipalitiesModule,
    AddressesModule,
    ListingsModule,
    // Before ExchangesModule: its routes must be registered before `POST exchanges/:id/:action`,
    // which would otherwise answer `POST exchanges/:id/review` with "unknown step".
    ReviewsModule,
    ExchangesModule,
    NotificationsModule,
    AlertsModule,
    ConversationsModule,
    VerificationModule,
    BlocksModule,
    ModerationModule,
    AccountModule,
    InitiativesModule,
    ImpactModule,
    OpenDataModule,
    OrganisationsArchiveModule,
    TownArchiveModule,
    LibraryModule,
    AssistedModule,
    PostsModule,
    OrganisationsModule,
    EventsModule,
    BulletinModule,
  ],
  providers: [
    { provide: APP_FILTER, useClass: DomainExceptionFilter },
    // In this order: member limits count the caller the auth guard found.
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: RateLimitGuard },
    RealtimeGateway,
  ],
})
export class AppModule {}
