import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, loadConfig } from '../config/app-config';
import { JobsService } from '../infra/queues/jobs.service';
import { RealtimeAccess } from '../infra/realtime/realtime-access';
import { RealtimeEmitter } from '../infra/realtime/realtime-emitter';
import { AccountDataRegistry } from './account-data/account-data.registry';
import { OpenDataRegistry } from './open-data/open-data.registry';
import { TownArchiveRegistry } from './town-archive/town-archive.registry';
import { DelegatedRequestAudit } from './auth/delegated-request-audit';
import { AccessVerifier } from './auth/access-verifier';
import { SessionCache } from './auth/session-cache';
import { Clock } from './clock';
import { TokenService } from './auth/token.service';
import { LocationPrivacyService } from './location/location-privacy.service';

/** Process-wide services shared by the API and the worker. */
@Global()
@Module({
  providers: [
    { provide: APP_CONFIG, useFactory: () => loadConfig() },
    TokenService,
    AccessVerifier,
    DelegatedRequestAudit,
    SessionCache,
    LocationPrivacyService,
    JobsService,
    RealtimeEmitter,
    RealtimeAccess,
    Clock,
    AccountDataRegistry,
    TownArchiveRegistry,
    OpenDataRegistry,
  ],
  exports: [
    Clock,
    AccountDataRegistry,
    TownArchiveRegistry,
    OpenDataRegistry,

    APP_CONFIG,
    TokenService,
    AccessVerifier,
    DelegatedRequestAudit,
    SessionCache,
    LocationPrivacyService,
    JobsService,
    RealtimeEmitter,
    RealtimeAccess,
  ],
})
export class CoreModule {}
