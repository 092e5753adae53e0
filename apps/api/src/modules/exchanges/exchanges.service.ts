import { Injectable } from '@nestjs/common';
import {
  type Availability,
  type CreateExchangeInput,
  DomainError,
  type ExchangeAction,
  type ExchangeEventType,
  type ExchangeActor,
  type ExchangeKind,
  type ExchangeRoleQuery,
  type ExchangeStatus,
  type ExchangeView,
  type OutboxPayloadInput,
  type Period,
  type RescheduleInput,
  assertCanAcceptReschedule,
  assertCanReschedule,
  assertCanOfferListing,
  assertCanRequest,
  assertCanRequestLoan,
  assertLoanInOpeningHours,
  assertOfferFits,
  assertStepInTime,
  canViewListing,
  cursorCodec,
  exchangeEffects,
  exchangeEventType,
  exchangeKindFor,
  heldSpan,
  nextExchangeState,
  revealsExactPlace,
} from '@partagora/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { afterCommit as onCommit } from '../../common/after-commit';
import { Clock } from '../../common/clock';
import { isConstraintViolation, transactionWithRetry } from '../../common/sql';
import { RealtimeEmitter } from '../../infra/realtime/realtime-emitter';
import { AddressesService } from '../addresses/addresses.service';
import { BlocksService } from '../blocks/blocks.service';
import { LibraryAccessService } from '../library/library-access.service';
import { ConversationsService } from '../conversations/conversations.service';
import { ListingsService } from '../listings/listings.service';
import { OutboxRepository } from '../outbox/outbox.repository';
import { OutboxService } from '../outbox/outbox.service';
import { toExchangeView } from './exchange.mapper';
import { ExchangeStepHooks } from './exchange-step-hooks';
import {
  type ExchangeReviewSubject,
  type ExchangeRow,
  ExchangesRepository,
} from './exchanges.repository';

export type { ExchangeReviewSubject };

const PAGE = 50;
/** Most recently changed first on `(updated_at, id)`, to the microsecond. */
const listCursor = cursorCodec(['instant', 'uuid']);

/** Maps the constraints that settle races to the errors people understand. */
function constraintError(err: unknown): DomainError | null {
  if (isConstraintViolation(err, 'ex_exchanges_loan_overlap')) {
    return new DomainError(
      'BOOKING_OVERLAP',
      'These dates overlap a loan already agreed for this item',
    );
  }
  if (isConstraintViolation(err, 'uq_exchanges_listing_holding')) {
    return new DomainError(
      'LISTING_UNAVAILABLE',
      'This item has already been promised to someone else',
    );
  }
  if (isConstraintViolation(err, 'uq_exchanges_open_request')) {
    return new DomainError('ALREADY_REQUESTED', 'You have already asked for this item');
  }
  return null;
}

@Injectable()
export class ExchangesService {
  constructor(
    private readonly ds: DataSource,
    private readonly repo: ExchangesRepository,
    private readonly conversations: ConversationsService,
    private readonly listings: ListingsService,
    private readonly outboxRows: OutboxRepository,
    private readonly outbox: OutboxService,
    private readonly realtime: RealtimeEmitter,
    private readonly clock: Clock,
    private readonly blocks: BlocksService,
    private readonly addresses: AddressesService,
    private readonly library: LibraryAccessService,
    private readonly hooks: ExchangeStepHooks,
  ) {}

  /** `POST /listings/:id/exchanges`: a loan booking, a gift claim, a swap offer or an answer. */
  async request(
    requesterId: string,
    listingId: string,
    input: CreateExchangeInput,
  ): Promise<ExchangeView> {
    const now = this.clock.now();
    const { id, outboxIds } = await this.transaction(async (manager) => {
      const listing = await this.listings.lockForExchange(manager, listingId);
      if (
        !listing ||
        !canViewListing({ ownerId: listing.ownerId, status: listing.status }, requesterId)
      ) {
        throw new DomainError('LISTING_NOT_FOUND', 'No such listing');
      }
      await this.blocks.assertNotBlocked(requesterId, [listing.ownerId], manager);
      const kind = exchangeKindFor(listing.kind);
      let period: Period | null = null;
      let held: Period | null = null;
      if (kind === 'loan') {
        period = assertCanRequestLoan({
          listing,
          requesterId,
          period:
            input.start && input.end
              ? { start: new Date(input.start), end: new Date(input.end) }
              : null,
          now,
        });
        // A tool library lends within its opening slots: pick-up and return at the desk.
        if (listing.ownerOrganisationId) {
          const hours = await this.library.hours(listing.ownerOrganisationId, manager);
          if (hours) assertLoanInOpeningHours(hours, period);
        }
        held = heldSpan(period, listing.loan.bufferHours);
        if (await this.repo.heldOverlaps(manager, listingId, held)) {
          throw new DomainError(
            'BOOKING_OVERLAP',
            'These dates overlap a loan already agreed for this item',
          );
        }
      } else {
        assertCanRequest(listing, requesterId);
        if (input.start || input.end) {
          throw new DomainError('VALIDATION_FAILED', 'Only loans have dates', [
            { path: 'start', message: 'Loans only' },
          ]);
        }
      }
      await this.checkOffer(manager, kind, requesterId, listingId, input);
      const conversationId = await this.conversations.openForExchange(
        manager,
        listingId,
        [listing.ownerId, requesterId],
        input.message ? { authorId: requesterId, body: input.message } : undefined,
      );
      const id = await this.repo.insert(manager, {
        kind,
        listingId,
        ownerId: listing.ownerId,
        requesterId,
        period,
        held,
        offeredListingId: input.offeredListingId ?? null,
        offeredItem: input.offeredItem ?? null,
        conversationId,
      });
      const outboxIds = [await this.event(manager, id, 'requested', requesterId, null)];
      if (kind === 'loan' && listing.loan.autoAccept) {
        await this.repo.setStatus(manager, id, 'accepted');
        outboxIds.push(await this.event(manager, id, 'accepted', listing.ownerId, 'requested'));
      }
      return { id, outboxIds };
    });
    return this.afterCommit(id, requesterId, outboxIds);
  }

  /** One step of the state machine, by a party (`POST /exchanges/:id/<action>`). */
  async act(userId: string, exchangeId: string, action: ExchangeAction): Promise<ExchangeView> {
    const { outboxIds } = await this.transaction((manager) =>
      this.transition(manager, exchangeId, action, userId),
    );
    return this.afterCommit(exchangeId, userId, outboxIds);
  }

  /**
   * A step taken by a tool library's staff member as the item's owner (the desk's check-out and
   * check-in), with `alongside` written in the same transaction (the condition noted). The
   * caller has checked that `staffId` runs the library lending the item.
   */
  async actAsLibrary(
    staffId: string,
    exchangeId: string,
    action: 'handover' | 'return',
    alongside: (manager: EntityManager) => Promise<void>,
  ): Promise<ExchangeView> {
    const { outboxIds } = await this.transaction(async (manager) => {
      const r = await this.transition(manager, exchangeId, action, staffId, 'owner');
      await alongside(manager);
      return r;
    });
    return this.afterCommit(exchangeId, staffId, outboxIds);
  }

  /**
   * Cancels every open exchange (`requested`, `accepted`) of a member leaving, in the erasure's
   * transaction, as that member: listings are freed as a cancellation frees them, and the events
   * commit with the erasure, so the other party's notification already names a former member.
   * Published (and pushed live) once the erasure has committed.
   */
  async cancelOpenOfLeavingMember(manager: EntityManager, userId: string): Promise<void> {
    const outboxIds: string[] = [];
    const cancelled: string[] = [];
    for (const id of await this.repo.openOf(manager, userId)) {
      outboxIds.push(...(await this.transition(manager, id, 'cancel', userId)).outboxIds);
      cancelled.push(id);
    }
    if (cancelled.length === 0) return;
    onCommit(manager, async () => {
      for (const id of cancelled) await this.afterCommit(id, userId, []);
      await this.outbox.publish(outboxIds);
    });
  }

  /** A step taken by the system (timers: expiry, overdue); a no-op when it no longer applies. */
  async systemAct(exchangeId: string, action: 'expire' | 'overdue' | 'decline'): Promise<boolean> {
    try {
      const { outboxIds } = await this.transaction((manager) =>
        this.transition(manager, exchangeId, action, null),
      );
      await this.afterCommit(exchangeId, null, outboxIds);
      return true;
    } catch (err) {
      if (err instanceof DomainError && err.code === 'INVALID_TRANSITION') return false;
      throw err;
    }
  }

  /**
   * For the reviews module: parties, status and completion of an exchange, in `manager`'s
   * transaction; `lock` keeps the row locked until it ends (see the repository).
   */
  reviewSubject(
    manager: EntityManager,
    exchangeId: string,
    lock = false,
  ): Promise<ExchangeReviewSubject | null> {
    return this.repo.reviewSubject(manager, exchangeId, lock);
  }

  async get(userId: string, exchangeId: string): Promise<ExchangeView> {
    const row = await this.repo.findView(exchangeId);
    if (
      !row ||
      (row.owner_id !== userId &&
        row.requester_id !== userId &&
        !(row.owner_organisation_id && (await this.library.managesExchange(userId, exchangeId))))
    ) {
      throw new DomainError('EXCHANGE_NOT_FOUND', 'No such exchange');
    }
    return this.view(row, userId);
  }

  /**
   * `POST /exchanges/:id/reschedule`: a party of an accepted loan proposes new dates (replacing
   * an earlier proposal); the other party is notified and accepts them or not.
   */
  async proposeReschedule(
    userId: string,
    exchangeId: string,
    input: RescheduleInput,
  ): Promise<ExchangeView> {
    const { outboxIds } = await this.transaction(async (manager) => {
      const ex = await this.lockAsParty(manager, exchangeId, userId);
      const listing = await this.listings.loanInfo(ex.listingId);
      const period = assertCanReschedule({
        kind: ex.kind,
        status: ex.status,
        period: { start: new Date(input.start), end: new Date(input.end) },
        maxDays: listing?.loan.maxDays ?? 0,
        now: this.clock.now(),
      });
      const held = heldSpan(period, listing?.loan.bufferHours ?? 0);
      if (await this.repo.heldOverlapsOthers(manager, ex.listingId, ex.id, held)) {
        throw new DomainError(
          'BOOKING_OVERLAP',
          'These dates overlap a loan already agreed for this item',
        );
      }
      const by = userId === ex.ownerId ? 'owner' : 'requester';
      await this.repo.proposeReschedule(manager, ex.id, period, by);
      return {
        outboxIds: [
          await this.outboxRows.add(manager, 'exchange.rescheduled', {
            exchangeId: ex.id,
            actorId: userId,
            stage: 'proposed',
          }),
        ],
      };
    });
    return this.afterCommit(exchangeId, userId, outboxIds);
  }

  /**
   * `POST /exchanges/:id/reschedule/accept`: the other party takes the proposed dates. The
   * exclusion constraint has the last word on overlaps (409 BOOKING_OVERLAP, nothing changed).
   */
  async acceptReschedule(userId: string, exchangeId: string): Promise<ExchangeView> {
    const { outboxIds } = await this.transaction(async (manager) => {
      const ex = await this.lockAsParty(manager, exchangeId, userId);
      const actor = userId === ex.ownerId ? 'owner' : 'requester';
      assertCanAcceptReschedule({
        kind: ex.kind,
        status: ex.status,
        proposedBy: ex.reschedule?.by ?? null,
        actor,
      });
      const listing = await this.listings.loanInfo(ex.listingId);
      // The proposal was checked when made; time has passed, so its dates are checked again.
      const period = assertCanReschedule({
        kind: ex.kind,
        status: ex.status,
        period: { start: ex.reschedule!.start, end: ex.reschedule!.end },
        maxDays: listing?.loan.maxDays ?? 0,
        now: this.clock.now(),
      });
      await this.repo.applyReschedule(
        manager,
        ex.id,
        period,
        heldSpan(period, listing?.loan.bufferHours ?? 0),
      );
      return {
        outboxIds: [
          await this.outboxRows.add(manager, 'exchange.rescheduled', {
            exchangeId: ex.id,
            actorId: userId,
            stage: 'accepted',
          }),
        ],
      };
    });
    return this.afterCommit(exchangeId, userId, outboxIds);
  }

  /** Listing first, then the exchange (the one lock order); a non-party gets a 404. */
  private async lockAsParty(manager: EntityManager, exchangeId: string, userId: string) {
    await this.repo.lockListingOf(manager, exchangeId);
    const ex = await this.repo.lock(manager, exchangeId);
    if (!ex || (ex.ownerId !== userId && ex.requesterId !== userId)) {
      throw new DomainError('EXCHANGE_NOT_FOUND', 'No such exchange');
    }
    return ex;
  }

  async list(
    userId: string,
    q: ExchangeRoleQuery,
  ): Promise<{ items: ExchangeView[]; nextCursor: string | null }> {
    const limit = q.limit ?? PAGE;
    const cursor = q.cursor ? listCursor.decode(q.cursor) : undefined;
    const rows = await this.repo.listForUser(
      userId,
      q.role,
      q.status,
      limit + 1,
      cursor && { updatedAt: cursor[0], id: cursor[1] },
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: await Promise.all(page.map((r) => this.view(r, userId))),
      nextCursor:
        rows.length > limit && last ? listCursor.encode([last.updated_key, last.id]) : null,
    };
  }

  /** Busy spans of a loan listing between two dates (nothing says who borrows). */
  async availability(
    viewerId: string,
    listingId: string,
    from: Date,
    to: Date,
  ): Promise<Availability> {
    const listing = await this.listings.loanInfo(listingId);
    if (!listing || !canViewListing(listing, viewerId))
      throw new DomainError('LISTING_NOT_FOUND', 'No such listing');
    if (to.getTime() <= from.getTime() || to.getTime() - from.getTime() > 366 * 86_400_000) {
      throw new DomainError(
        'VALIDATION_FAILED',
        'Ask for at most one year, with `to` after `from`',
        [{ path: 'to', message: 'Invalid window' }],
      );
    }
    const busy = listing.kind === 'lend' ? await this.repo.busySpans(listingId, from, to) : [];
    return {
      listingId,
      maxDays: listing.loan.maxDays,
      bufferHours: listing.loan.bufferHours,
      busy: busy.map((b) => ({ start: b.start.toISOString(), end: b.end.toISOString() })),
    };
  }

  private async transition(
    manager: EntityManager,
    exchangeId: string,
    action: ExchangeAction,
    userId: string | null,
    as?: 'owner',
  ): Promise<{ outboxIds: string[] }> {
    await this.repo.lockListingOf(manager, exchangeId);
    const ex = await this.repo.lock(manager, exchangeId);
    if (!ex) throw new DomainError('EXCHANGE_NOT_FOUND', 'No such exchange');
    let actor: ExchangeActor =
      userId === null ? 'system' : userId === ex.ownerId ? 'owner' : 'requester';
    if (
      userId !== null &&
      (as === 'owner' || (ex.ownerId !== userId && ex.requesterId !== userId))
    ) {
      // A tool library's staff act for the organisation as the owner (the desk).
      if (!(await this.library.managesExchange(userId, exchangeId, manager)))
        throw new DomainError('EXCHANGE_NOT_FOUND', 'No such exchange');
      actor = 'owner';
    }
    const now = this.clock.now();
    const to = nextExchangeState(ex.kind, ex.status, action, actor);
    assertStepInTime(ex.kind, ex.status, action, { start: ex.start, now });
    await this.repo.setStatus(
      manager,
      ex.id,
      to,
      action === 'return' && ex.end ? { returnedLate: now > ex.end } : {},
    );
    const outboxIds = [await this.event(manager, ex.id, to, userId, ex.status)];

    // What the step does to the listings, as the domain says.
    const effects = exchangeEffects({
      kind: ex.kind,
      from: ex.status,
      to,
      offersListing: ex.offeredListingId !== null,
    });
    if (effects.listing) {
      await this.listings.applyStatusChange(manager, ex.listingId, effects.listing);
    }
    if (effects.offeredListing && ex.offeredListingId) {
      await this.listings.applyStatusChange(manager, ex.offeredListingId, effects.offeredListing);
    }
    if (effects.declineOthers) {
      for (const other of await this.repo.declineOtherRequests(manager, ex.listingId, ex.id)) {
        outboxIds.push(await this.event(manager, other.id, 'declined', null, 'requested', 'taken'));
      }
    }
    outboxIds.push(
      ...(await this.hooks.run(manager, {
        exchangeId: ex.id,
        listingId: ex.listingId,
        kind: ex.kind,
        from: ex.status,
        to,
        requesterId: ex.requesterId,
        actorId: userId,
      })),
    );
    return { outboxIds };
  }

  /** The offer's shape is the domain's; whether an offered listing is mine and available, too. */
  private async checkOffer(
    manager: EntityManager,
    kind: ExchangeKind,
    requesterId: string,
    listingId: string,
    input: CreateExchangeInput,
  ): Promise<void> {
    assertOfferFits(kind, listingId, input);
    if (input.offeredListingId) {
      assertCanOfferListing(
        await this.listings.access(input.offeredListingId, manager),
        requesterId,
      );
    }
  }

  private event(
    manager: EntityManager,
    exchangeId: string,
    status: ExchangeStatus,
    actorId: string | null,
    previousStatus: ExchangeStatus | null,
    reason?: 'taken',
  ): Promise<string> {
    const payload: OutboxPayloadInput<ExchangeEventType> = {
      exchangeId,
      actorId,
      previousStatus,
      ...(reason ? { reason } : {}),
    };
    return this.outboxRows.add(manager, exchangeEventType(status), payload);
  }

  /** Constraint violations become the 409s people understand; nothing half-written remains. */
  private async transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await transactionWithRetry(this.ds, work);
    } catch (err) {
      throw constraintError(err) ?? err;
    }
  }

  private async afterCommit(
    exchangeId: string,
    viewerId: string | null,
    outboxIds: string[],
  ): Promise<ExchangeView> {
    await this.outbox.publish(outboxIds);
    const row = (await this.repo.findView(exchangeId))!;
    for (const party of [row.owner_id, row.requester_id]) {
      this.realtime.toUser(party, 'exchange.updated', { id: row.id, status: row.status });
    }
    return this.view(row, viewerId ?? row.owner_id);
  }

  /**
   * The exchange as `viewerId` (a party) sees it; with the exact point comes its street address,
   * reverse geocoded from the town's address base (nothing is looked up before that).
   */
  private async view(row: ExchangeRow, viewerId: string): Promise<ExchangeView> {
    // Anyone but the requester sees the owner's side (library staff act as the owner).
    const viewer = viewerId === row.requester_id ? viewerId : row.owner_id;
    const now = this.clock.now();
    if (!revealsExactPlace({ kind: row.kind, status: row.status, start: row.start }, now)) {
      return toExchangeView(row, viewer, now);
    }
    const address = await this.addresses.reverse({
      lat: Number(row.exact_lat),
      lng: Number(row.exact_lng),
    });
    return toExchangeView(row, viewer, now, address?.label ?? null);
  }
}
