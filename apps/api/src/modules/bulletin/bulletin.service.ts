import { Inject, Injectable } from '@nestjs/common';
import {
  BULLETIN_MAX_EVENTS,
  BULLETIN_MAX_NEWS,
  DomainError,
  bulletinMonth,
  frenchWeeklyHours,
} from '@partagora/domain';
import { Clock } from '../../common/clock';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { TownStaffAccess } from '../municipalities/town-staff-access';
import { renderBulletin } from './bulletin-pdf';
import { BulletinRepository } from './bulletin.repository';

/** The month's printable bulletin, for residents without a smartphone (issue 8). */
@Injectable()
export class BulletinService {
  constructor(
    private readonly repo: BulletinRepository,
    private readonly staff: TownStaffAccess,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** That town's staff only; `month` as `YYYY-MM`, the current month in Paris by default. */
  async pdf(
    userId: string,
    slug: string,
    month?: string,
  ): Promise<{ pdf: Buffer; filename: string }> {
    const now = this.clock.now();
    const period = bulletinMonth(now, month);
    const town = await this.staff.staffTown(userId, slug, 'print its bulletin');
    const [row, news, events, library] = await Promise.all([
      this.repo.town(town.id),
      // One more than printed, so the bulletin can say that more is online.
      this.repo.news(town.id, period.from, period.to, now, BULLETIN_MAX_NEWS + 20),
      this.repo.events(town.id, period.from, period.to, BULLETIN_MAX_EVENTS + 50),
      this.repo.library(town.id),
    ]);
    if (!row) throw new DomainError('MUNICIPALITY_NOT_FOUND', `No partner town "${slug}"`);
    const pdf = await renderBulletin({
      town: { name: row.name, primaryColor: row.branding?.primaryColor ?? '#1f4e79' },
      month: period,
      news,
      events,
      library: library && {
        name: library.name,
        address: library.address,
        hours: frenchWeeklyHours(library.slots),
      },
      townHall: {
        name: row.townHallName,
        address: row.townHallAddress,
        hours: frenchWeeklyHours(row.townHallHours as Parameters<typeof frenchWeeklyHours>[0]),
      },
      joinUrl: `${this.config.publicUrl}/t/${town.slug}`,
      printedAt: now,
    });
    const mm = String(period.month).padStart(2, '0');
    return { pdf, filename: `bulletin-${town.slug}-${period.year}-${mm}.pdf` };
  }
}
