import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, loadConfig } from '../config/app-config';
import { JobsService } from '../infra/queues/jobs.service';
import { RealtimeAccess } from '../infra/realtime/realtime-access';
import { RealtimeEmitter } from '../infra/realtime/realtime-emitter';
import { AccountDataRegistry } from './account-data/account-data.registry';
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
    SessionCache,
    LocationPrivacyService,
    JobsService,
    RealtimeEmitter,
    RealtimeAccess,
    Clock,
    AccountDataRegistry,
  ],
  exports: [
    Clock,
    AccountDataRegistry,

    APP_CONFIG,
    TokenService,
    AccessVerifier,
    SessionCache,
    LocationPrivacyService,
    JobsService,
    RealtimeEmitter,
    RealtimeAccess,
  ],
})
export class CoreModule {}
