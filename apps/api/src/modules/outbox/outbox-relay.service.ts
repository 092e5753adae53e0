import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { OutboxService } from './outbox.service';

/** Worker-side sweep: moves rows that were never queued (Redis was down) or whose job was lost. */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelayService.name);
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.config.outboxPollMs);
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const moved = await this.outbox.relayDue();
      if (moved > 0) this.logger.log(`relayed ${moved} outbox row(s)`);
    } catch (err) {
      this.logger.warn(`relay sweep failed: ${(err as Error).message}`);
    } finally {
      this.running = false;
    }
  }
}
