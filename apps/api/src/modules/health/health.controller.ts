import { Controller, Get, Inject, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type ClientConfig, DomainError, clientConfigSchema } from '@partagora/domain';
import { DataSource } from 'typeorm';
import { Public } from '../../common/auth/auth.guard';
import { responseSchema } from '../../common/validation/zod-validation';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { JobsService } from '../../infra/queues/jobs.service';

const within = <T>(p: Promise<T>, ms: number) => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
};

/** `/api/health` (process up) and `/api/ready` (PostgreSQL and Redis reachable). */
@ApiTags('health')
@Controller({ version: VERSION_NEUTRAL })
export class HealthController {
  constructor(
    private readonly ds: DataSource,
    private readonly jobs: JobsService,
  ) {}

  @Public()
  @Get('health')
  health() {
    return { status: 'ok' };
  }

  @Public()
  @Get('ready')
  async ready() {
    const [db, redis] = await Promise.allSettled([
      within(this.ds.query('SELECT 1'), 2000),
      within(this.jobs.ping(), 2000),
    ]);
    const checks = {
      postgres: db.status === 'fulfilled' ? 'up' : 'down',
      redis: redis.status === 'fulfilled' ? 'up' : 'down',
    };
    if (checks.postgres === 'down' || checks.redis === 'down') {
      throw new DomainError('SERVICE_UNAVAILABLE', 'A backing service is unreachable', checks);
    }
    return { status: 'ready', checks };
  }
}

/** What the web needs to know of the deployment (the tile server is configuration). */
@ApiTags('health')
@Controller('client-config')
export class ClientConfigController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Public()
  @Get()
  @ApiOkResponse({ schema: responseSchema(clientConfigSchema) })
  clientConfig(): ClientConfig {
    return {
      tileUrl: this.config.tileUrl,
      tileAttribution: this.config.tileAttribution,
    };
  }
}
