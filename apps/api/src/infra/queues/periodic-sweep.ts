import type { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

/**
 * A sweep that recreates lost delayed jobs from the database (DESIGN.md §6): run at boot and every
 * `everyMs`, one run at a time in a process; a failed run (Redis or PostgreSQL away) is logged and
 * the next run tries again. `work` returns how many jobs it (re)added.
 */
export class PeriodicSweep {
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(
    private readonly name: string,
    private readonly logger: Logger,
    private readonly work: () => Promise<number>,
  ) {}

  start(everyMs: number): void {
    void this.run();
    this.timer = setInterval(() => void this.run(), everyMs);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** One run now (0 while another is under way, or when it failed). */
  async run(): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    try {
      return await this.work();
    } catch (err) {
      this.logger.warn(`${this.name} failed: ${(err as Error).message}`);
      return 0;
    } finally {
      this.running = false;
    }
  }
}

/**
 * A provider whose sweep runs from boot to shutdown every `sweepEveryMs()` (the exchange
 * reminders, review timers, event reminders and scheduled alerts); `sweep()` runs it once now.
 */
export abstract class SweepingService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly sweeper: PeriodicSweep;

  protected constructor(
    name: string,
    protected readonly logger: Logger,
  ) {
    this.sweeper = new PeriodicSweep(name, logger, () => this.sweepOnce());
  }

  /** How often the sweep runs (read at boot). */
  protected abstract sweepEveryMs(): number;

  /** One pass: (re)adds the jobs due from the database; returns how many. */
  protected abstract sweepOnce(): Promise<number>;

  onApplicationBootstrap(): void {
    this.sweeper.start(this.sweepEveryMs());
  }

  onApplicationShutdown(): void {
    this.sweeper.stop();
  }

  /** Runs the sweep now (0 while another run is under way, or when it failed). */
  sweep(): Promise<number> {
    return this.sweeper.run();
  }
}
