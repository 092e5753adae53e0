import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  type ConditionStage,
  type ConditionView,
  type DeskDay,
  type DeskEntry,
  DomainError,
  type ExchangeView,
  type LibraryItem,
  type LibraryView,
  type LibrarySettingsInput,
  type WaitlistAvailableData,
  type WaitlistEntry,
  addDays,
  canViewListing,
  cursorCodec,
  parisInstant,
  parisWallClock,
  toPhotoView,
} from '@partagora/domain';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { ExchangeStepHooks, type ExchangeStep } from '../exchanges/exchange-step-hooks';
import { ExchangesService } from '../exchanges/exchanges.service';
import { ListingPhotosService } from '../listings/listing-photos.service';
import { ListingsService } from '../listings/listings.service';
import { MunicipalitiesService } from '../municipalities/municipalities.service';
import { NotificationsService } from '../notifications/notifications.service';
import { LibraryAccessService, type OrganisationRef } from './library-access.service';
import { type ConditionRow, type DeskRow, LibraryRepository } from './library.repository';

const itemCursor = cursorCodec(['uuid']);

/**
 * The tool library around the one loan engine: its hours, its catalogue, the desk (the day's
 * pick-ups and returns, check-out and check-in with the condition noted) and waiting lists.
 * Bookings themselves are `POST /listings/:id/exchanges` (the exchanges module).
 */
@Injectable()
export class LibraryService implements OnModuleInit {
  constructor(
    private readonly repo: LibraryRepository,
    private readonly access: LibraryAccessService,
    private readonly exchanges: ExchangesService,
    private readonly hooks: ExchangeStepHooks,
    private readonly listings: ListingsService,
    private readonly photos: ListingPhotosService,
    private readonly municipalities: MunicipalitiesService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.hooks.register((manager, step) => this.onStep(manager, step));
  }

  /** A returned item: everyone on its waiting list hears it is back, and the list is emptied. */
  private async onStep(manager: EntityManager, step: ExchangeStep): Promise<string[]> {
    if (step.to !== 'returned') return [];
    const waiting = (await this.repo.drainWaitlist(manager, step.listingId)).filter(
      (id) => id !== step.requesterId,
    );
    if (waiting.length === 0) return [];
    const label = await this.repo.listingLabel(manager, step.listingId);
    if (!label) return [];
    const data: WaitlistAvailableData = {
      listingId: step.listingId,
      listingTitle: label.title,
      ownerName: label.ownerName,
    };
    await this.notifications.notify(
      manager,
      `waitlist:${step.exchangeId}`,
      waiting.map((userId) => ({ userId, kind: 'waitlist_available', data: { ...data } })),
    );
    return [];
  }

  async libraries(userId: string, slug: string): Promise<{ items: LibraryView[] }> {
    const town = await this.municipalities.findRef(slug);
    if (!town) throw new DomainError('MUNICIPALITY_NOT_FOUND', `No partner town "${slug}"`);
    const orgs = await this.repo.librariesOf(town.id);
    return { items: await Promise.all(orgs.map((o) => this.view(userId, o))) };
  }

  async library(userId: string, organisationId: string): Promise<LibraryView> {
    return this.view(userId, await this.organisation(organisationId));
  }

  async saveSettings(
    userId: string,
    organisationId: string,
    input: LibrarySettingsInput,
  ): Promise<LibraryView> {
    const org = await this.access.assertManager(userId, organisationId);
    await this.repo.saveHours(org.id, {
      slots: input.slots.map((s) => ({ ...s, weekday: s.weekday as 1 })),
      closures: [...new Set(input.closures)].sort(),
    });
    return this.view(userId, org);
  }

  async items(
    userId: string,
    organisationId: string,
    q: { limit: number; cursor?: string },
  ): Promise<{ items: LibraryItem[]; nextCursor: string | null }> {
    const org = await this.organisation(organisationId);
    const after = q.cursor ? itemCursor.decode(q.cursor) : undefined;
    const rows = await this.repo.catalogue(
      org.id,
      userId,
      this.clock.now(),
      q.limit + 1,
      after && { id: after[0] },
    );
    const page = rows.slice(0, q.limit);
    const items: LibraryItem[] = [];
    for (const r of page) {
      const listing = await this.listings.get(userId, r.id).catch(() => null);
      if (!listing) continue;
      items.push({
        ...listing,
        availableNow: r.busy_until === null,
        busyUntil: r.busy_until ? new Date(r.busy_until).toISOString() : null,
        waitlist: { size: r.waitlist_size, joined: r.joined },
      });
    }
    items.sort((a, b) => a.title.localeCompare(b.title, 'fr'));
    const last = page[page.length - 1];
    return {
      items,
      nextCursor: rows.length > q.limit && last ? itemCursor.encode([last.id]) : null,
    };
  }

  async joinWaitlist(userId: string, listingId: string): Promise<WaitlistEntry> {
    const access = await this.listings.access(listingId);
    if (!access || !canViewListing(access, userId))
      throw new DomainError('LISTING_NOT_FOUND', 'No such listing');
    if (access.ownerId === userId)
      throw new DomainError('SELF_EXCHANGE', 'You cannot wait for your own listing');
    const { position, size } = await this.repo.joinWaitlist(listingId, userId);
    return { listingId, joined: true, position, size };
  }

  async leaveWaitlist(userId: string, listingId: string): Promise<void> {
    await this.repo.leaveWaitlist(listingId, userId);
  }

  /** The desk's day (Europe/Paris date; today by default). */
  async desk(userId: string, organisationId: string, date?: string): Promise<DeskDay> {
    const org = await this.access.assertManager(userId, organisationId);
    const now = this.clock.now();
    const day = date ?? parisWallClock(now).date;
    const from = parisInstant(day, '00:00');
    const to = parisInstant(addDays(day, 1), '00:00');
    const rows = await this.repo.deskLoans(org.id, from, to);
    const conditions = await this.repo.conditions(rows.map((r) => r.exchange_id));
    const entry = (r: DeskRow): DeskEntry => ({
      exchangeId: r.exchange_id,
      listingId: r.listing_id,
      listingTitle: r.listing_title,
      status: r.status,
      start: r.start.toISOString(),
      end: r.end.toISOString(),
      borrower: { id: r.borrower_id, displayName: r.borrower_name, assisted: r.assisted },
      depositNote: r.deposit_note,
      conditions: conditions.filter((c) => c.exchange_id === r.exchange_id).map(toCondition),
      nextActions:
        r.status === 'accepted'
          ? ['checkout']
          : r.status === 'handed_over' || r.status === 'overdue'
            ? ['checkin']
            : [],
    });
    const inDay = (d: Date) => d >= from && d < to;
    const late = (r: DeskRow) =>
      r.status === 'overdue' || (r.status === 'handed_over' && r.end.getTime() < now.getTime());
    return {
      organisationId: org.id,
      date: day,
      pickups: rows.filter((r) => inDay(r.start)).map(entry),
      returns: rows.filter((r) => inDay(r.end) && !late(r)).map(entry),
      overdue: rows.filter(late).map(entry),
    };
  }

  /**
   * Check-out (hand-over) or check-in (return) at the desk, for the resident: the loan engine's
   * own step, taken by the staff member as the owner, with the condition noted in the same
   * transaction (a photo goes through the listing photo pipeline first).
   */
  async deskStep(
    userId: string,
    organisationId: string,
    exchangeId: string,
    stage: ConditionStage,
    note: string,
    photo: Buffer | undefined,
  ): Promise<ExchangeView & { condition: ConditionView }> {
    const org = await this.access.assertManager(userId, organisationId);
    if (
      !(await this.access.managesExchange(userId, exchangeId)) ||
      (await this.repo.organisationOfExchange(exchangeId)) !== org.id
    )
      throw new DomainError('EXCHANGE_NOT_FOUND', 'No such loan at this library');
    const stored = photo ? await this.photos.ingest(photo, 0, `exchange ${exchangeId}`) : null;
    const view = await this.exchanges.actAsLibrary(
      userId,
      exchangeId,
      stage === 'checkout' ? 'handover' : 'return',
      (manager) =>
        this.repo.addCondition(manager, { exchangeId, stage, note, photo: stored, by: userId }),
    );
    const [c] = (await this.repo.conditions([exchangeId])).filter((r) => r.stage === stage);
    return { ...view, condition: toCondition(c!) };
  }

  private async organisation(id: string): Promise<OrganisationRef> {
    const org = await this.access.organisation(id);
    if (!org) throw new DomainError('ORGANISATION_NOT_FOUND', 'No such organisation');
    return org;
  }

  private async view(userId: string, org: OrganisationRef): Promise<LibraryView> {
    const hours = await this.repo.hours(org.id);
    return {
      organisationId: org.id,
      name: org.name,
      kind: org.kind,
      municipality: org.municipality,
      address: org.address,
      location: org.location,
      timeZone: 'Europe/Paris',
      slots: hours?.slots.map((s) => ({ ...s })) ?? [],
      closures: [...(hours?.closures ?? [])],
      itemCount: await this.repo.itemCount(org.id),
      canManage: await this.access.canManage(userId, org),
    };
  }
}

function toCondition(c: ConditionRow): ConditionView {
  return {
    stage: c.stage,
    note: c.note,
    photo: c.photo ? toPhotoView(c.photo) : null,
    recordedAt: c.created_at.toISOString(),
    recordedBy: c.recorded_by ? { id: c.recorded_by, displayName: c.recorder_name ?? '' } : null,
  };
}
