import type { Logger } from '@nestjs/common';

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
