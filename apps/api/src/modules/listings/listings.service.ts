import { Inject, Injectable } from '@nestjs/common';
import {
  type CreateListingInput,
  DEFAULT_LOAN_SETTINGS,
  DomainError,
  cursorCodec,
  LISTING_LIMITS,
  type ListingAccess,
  type ListingMap,
  type ListingOwnerType,
  type ListingSearchPage,
  type ListingStatusChange,
  type ListingView,
  type MapListingsQuery,
  type SearchListingsQuery,
  type UpdateListingInput,
  assertAutoAcceptAllowed,
  assertCanEditListing,
  assertListingLocation,
  canViewListing,
  searchWords,
} from '@partagora/domain';
import {
  type LatLng,
  clusterCellDegrees,
  distanceBucket,
  parseBbox,
  snapToGrid,
} from '@partagora/geo';
import { DataSource, type EntityManager } from 'typeorm';
import { LocationPrivacyService } from '../../common/location/location-privacy.service';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { BlocksService } from '../blocks/blocks.service';
import { LibraryAccessService } from '../library/library-access.service';
import { OutboxRepository } from '../outbox/outbox.repository';
import { OutboxService } from '../outbox/outbox.service';
import { type OwnerContext, UsersService } from '../users/users.service';
import {
  type ListingFilters,
  type ListingForExchange,
  type ListingLoanInfo,
  ListingsRepository,
} from './listings.repository';

export type { ListingForExchange, ListingLoanInfo };

/** Nearest-first search pages on `(distance, id)`. */
const searchCursor = cursorCodec(['distance', 'uuid']);

const toNearbyCursor = ([distance, id]: readonly [number, string]) => ({ distance, id });

/** A resident's listing; tool-library items (`organisationId`) are an organisation's. */
const OWNER_TYPE: ListingOwnerType = 'user';

/** Zoom from which the map always lists points (street level). */
const POINTS_ZOOM = 17;

@Injectable()
export class ListingsService {
  constructor(
    private readonly ds: DataSource,
    private readonly repo: ListingsRepository,
    private readonly users: UsersService,
    private readonly outboxRows: OutboxRepository,
    private readonly outbox: OutboxService,
    private readonly privacy: LocationPrivacyService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly blocks: BlocksService,
    private readonly library: LibraryAccessService,
  ) {}

  async create(ownerId: string, input: CreateListingInput): Promise<ListingView> {
    if (input.organisationId)
      return this.createForOrganisation(ownerId, input.organisationId, input);
    assertAutoAcceptAllowed(OWNER_TYPE, input.loanSettings?.autoAccept);
    const owner = await this.owner(ownerId);
    const exact = input.location ?? owner.home;
    assertListingLocation(owner.home, exact);
    const loan = { ...DEFAULT_LOAN_SETTINGS, ...input.loanSettings };
    const { view, outboxId } = await this.ds.transaction(async (manager) => {
      const id = await this.repo.insert(manager, {
        ownerId,
        municipalityId: owner.municipalityId,
        kind: input.kind,
        category: input.category,
        title: input.title,
        description: input.description,
        condition: input.condition,
        exact,
        public: this.publicPoint(owner, exact),
        loan,
        barterWishes: input.barterWishes ?? null,
      });
      const outboxId = await this.outboxRows.add(manager, 'listing.created', {
        listingId: id,
        ownerId,
      });
      return { view: (await this.repo.findView(id, manager))!, outboxId };
    });
    await this.outbox.publish([outboxId]);
    return view;
  }

  /**
   * A tool-library item (`POST /listings` with `organisationId`), by the organisation's staff: its
   * place is the organisation's public address for both points (no blur: a public place), and it
   * may accept loans automatically. `owner_id` records the staff member who registered it.
   */
  private async createForOrganisation(
    staffId: string,
    organisationId: string,
    input: CreateListingInput,
  ): Promise<ListingView> {
    const org = await this.library.assertManager(staffId, organisationId);
    if (input.location) {
      throw new DomainError(
        'VALIDATION_FAILED',
        "A library item stands at its organisation's address",
        [{ path: 'location', message: 'Not for a library item' }],
      );
    }
    assertAutoAcceptAllowed('organisation', input.loanSettings?.autoAccept);
    const loan = { ...DEFAULT_LOAN_SETTINGS, ...input.loanSettings };
    const { view, outboxId } = await this.ds.transaction(async (manager) => {
      const id = await this.repo.insert(manager, {
        ownerId: staffId,
        municipalityId: org.municipalityId,
        kind: input.kind,
        category: input.category,
        title: input.title,
        description: input.description,
        condition: input.condition,
        exact: org.location,
        public: org.location,
        loan,
        barterWishes: input.barterWishes ?? null,
        ownerOrganisationId: org.id,
      });
      const outboxId = await this.outboxRows.add(manager, 'listing.created', {
        listingId: id,
        ownerId: staffId,
      });
      return { view: (await this.repo.findView(id, manager))!, outboxId };
    });
    await this.outbox.publish([outboxId]);
    return view;
  }

  /**
   * Edits of a listing: its owner; for a library item, any of the organisation's staff (they act
   * as its owner). Returns the owner id the edit rules compare with.
   */
  private async editorAs(
    current: { ownerId: string; ownerOrganisationId: string | null },
    actorId: string,
  ): Promise<string> {
    if (!current.ownerOrganisationId || current.ownerId === actorId) return actorId;
    const org = await this.library.organisation(current.ownerOrganisationId);
    return org && (await this.library.canManage(actorId, org)) ? current.ownerId : actorId;
  }

  async get(viewerId: string, id: string): Promise<ListingView> {
    const view = await this.repo.findView(id);
    if (!view) throw new DomainError('LISTING_NOT_FOUND', 'No such listing');
    const access = { ownerId: view.owner.id, status: view.status };
    // Only a listing hidden by moderation needs the viewer's roles: its town's moderators see it.
    const moderatesTown =
      view.status === 'hidden' &&
      view.owner.id !== viewerId &&
      (await this.moderates(viewerId, id));
    if (!canViewListing(access, viewerId, { moderatesTown })) {
      throw new DomainError('LISTING_NOT_FOUND', 'No such listing');
    }
    // A block hides each member's listings from the other, as if they did not exist.
    if (
      view.owner.id !== viewerId &&
      (await this.blocks.isBlockedEitherWay(viewerId, view.owner.id))
    ) {
      throw new DomainError('LISTING_NOT_FOUND', 'No such listing');
    }
    return view;
  }

  private async moderates(userId: string, listingId: string): Promise<boolean> {
    const town = await this.repo.municipalityOf(listingId);
    return town !== null && (await this.users.hasRoleIn(userId, town, ['moderator']));
  }

  async update(actorId: string, id: string, input: UpdateListingInput): Promise<ListingView> {
    const owner = await this.owner(actorId);
    const { view, outboxId } = await this.ds.transaction(async (manager) => {
      const current = await this.repo.lockForEdit(manager, id);
      if (!current) throw new DomainError('LISTING_NOT_FOUND', 'No such listing');
      assertCanEditListing(current, await this.editorAs(current, actorId));
      const ownerType: ListingOwnerType = current.ownerOrganisationId ? 'organisation' : OWNER_TYPE;
      assertAutoAcceptAllowed(ownerType, input.loanSettings?.autoAccept);
      if (input.location && current.ownerOrganisationId) {
        throw new DomainError(
          'VALIDATION_FAILED',
          "A library item stands at its organisation's address",
          [{ path: 'location', message: 'Not for a library item' }],
        );
      }
      if (input.location) assertListingLocation(owner.home, input.location);
      await this.repo.update(manager, id, {
        category: input.category,
        title: input.title,
        description: input.description,
        condition: input.condition,
        status: input.status,
        barterWishes: input.barterWishes,
        loan: input.loanSettings,
        exact: input.location,
        public: input.location ? this.publicPoint(owner, input.location) : undefined,
      });
      const outboxId = await this.outboxRows.add(manager, 'listing.updated', {
        listingId: id,
        ownerId: actorId,
      });
      return { view: (await this.repo.findView(id, manager))!, outboxId };
    });
    await this.outbox.publish([outboxId]);
    return view;
  }

  /** Soft delete: exchanges keep their listing; search no longer shows it. */
  async remove(actorId: string, id: string): Promise<void> {
    const outboxId = await this.ds.transaction(async (manager) => {
      const current = await this.repo.lockForEdit(manager, id);
      if (!current) throw new DomainError('LISTING_NOT_FOUND', 'No such listing');
      assertCanEditListing(current, await this.editorAs(current, actorId));
      await this.repo.update(manager, id, { status: 'removed' });
      return this.outboxRows.add(manager, 'listing.removed', {
        listingId: id,
        ownerId: actorId,
      });
    });
    await this.outbox.publish([outboxId]);
  }

  /** `viewerId`: listings of members blocked by or blocking the viewer are left out. */
  async search(q: SearchListingsQuery, viewerId?: string): Promise<ListingSearchPage> {
    // The centre is snapped so that repeated searches cannot triangulate public points finely.
    const centre = snapToGrid({ lat: q.lat, lng: q.lng });
    const limit = q.limit ?? LISTING_LIMITS.searchLimitDefault;
    const radius = q.radius ?? LISTING_LIMITS.searchRadiusDefault;
    const filters = this.filters(q, viewerId);
    const cursor = q.cursor ? toNearbyCursor(searchCursor.decode(q.cursor)) : undefined;
    let rows = await this.repo.findNearby(centre, radius, filters, limit + 1, cursor);
    // Typo tolerance: when the words match nothing at all here (not merely past this page), the
    // titles most like the text are searched instead, nearest first, paged alike.
    if (rows.length === 0 && filters.words?.length && q.q) {
      const anyExact =
        cursor && (await this.repo.findNearby(centre, radius, filters, 1)).length > 0;
      if (!anyExact) {
        rows = await this.repo.findNearby(
          centre,
          radius,
          { ...filters, words: undefined, fuzzy: filters.words },
          limit + 1,
          cursor,
        );
      }
    }
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((r) => ({
        ...r.listing,
        distance: distanceBucket(r.distance),
      })),
      nextCursor:
        rows.length > limit && last ? searchCursor.encode([last.distance, last.listing.id]) : null,
    };
  }

  async map(q: MapListingsQuery, viewerId?: string): Promise<ListingMap> {
    const parsed = parseBbox(q.bbox);
    if ('error' in parsed) {
      throw new DomainError('VALIDATION_FAILED', parsed.error, [
        { path: 'bbox', message: parsed.error },
      ]);
    }
    const filters = this.filters(q, viewerId);
    const max = this.config.mapPointsMax;
    const count = await this.repo.countInBox(parsed.bbox, filters, max);
    if (count <= max || q.zoom >= POINTS_ZOOM) {
      const points = await this.repo.pointsInBox(parsed.bbox, filters, max);
      return {
        mode: 'points',
        points,
        clusters: [],
        total: Math.max(count, points.length),
      };
    }
    const clusters = await this.repo.clustersInBox(
      parsed.bbox,
      filters,
      clusterCellDegrees(q.zoom),
    );
    return {
      mode: 'clusters',
      points: [],
      clusters,
      total: clusters.reduce((n, c) => n + c.count, 0),
    };
  }

  /*
   * For the other modules (exchanges, conversations), so that only this module writes
   * `listings`. Methods taking an `EntityManager` run in the caller's transaction: an exchange
   * step and its listing's new status commit together.
   */

  /** The listing an exchange is requested on, share-locked until the request commits. */
  lockForExchange(manager: EntityManager, id: string): Promise<ListingForExchange | null> {
    return this.repo.lockForExchange(manager, id);
  }

  /** Owner and status of a listing (to check access, or an offered listing). */
  access(id: string, manager?: EntityManager): Promise<ListingAccess | null> {
    return this.repo.findAccess(id, manager);
  }

  /** Owner, status, kind and loan settings (a loan listing's availability). */
  loanInfo(id: string): Promise<ListingLoanInfo | null> {
    return this.repo.findLoanInfo(id);
  }

  /**
   * The owner moved home (`PATCH /me`), in the caller's transaction: listings at the old home
   * follow to the new one, and every public point of the owner is recomputed, since each keeps
   * clear of the home (DESIGN.md §5; the rule is `publicPointOf`). Returns how many moved.
   */
  async rehome(
    manager: EntityManager,
    owner: { id: string; settings: OwnerContext['settings'] },
    from: LatLng,
    to: LatLng,
  ): Promise<number> {
    const listings = await this.repo.moveHome(manager, owner.id, from, to);
    await this.repo.setPublicPoints(
      manager,
      listings.map((l) => ({
        id: l.id,
        point: this.privacy.publicPoint({
          ownerId: owner.id,
          place: l.place,
          home: to,
          settings: owner.settings,
        }),
      })),
    );
    return listings.length;
  }

  /** Applies a status change an exchange step calls for (`exchangeEffects`). */
  applyStatusChange(
    manager: EntityManager,
    id: string,
    change: ListingStatusChange,
  ): Promise<void> {
    return this.repo.setStatus(manager, id, change);
  }

  private filters(
    q: {
      kind?: ListingFilters['kind'];
      category?: ListingFilters['category'];
      q?: string;
    },
    viewerId?: string,
  ): ListingFilters {
    return {
      kind: q.kind,
      category: q.category,
      words: q.q ? searchWords(q.q) : undefined,
      viewerId,
    };
  }

  /** The public point of a listing standing at `place` (DESIGN.md §5: per owner and place). */
  private publicPoint(owner: OwnerContext, place: LatLng): LatLng {
    return this.privacy.publicPoint({
      ownerId: owner.id,
      place,
      home: owner.home,
      settings: owner.settings,
    });
  }

  private async owner(userId: string): Promise<OwnerContext> {
    const owner = await this.users.findOwnerContext(userId);
    if (!owner) throw new DomainError('UNAUTHENTICATED', 'This account no longer exists');
    return owner;
  }
}
