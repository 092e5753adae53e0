import { Injectable } from '@nestjs/common';
import {
  type AlertMatchData,
  type OutboxEvent,
  WANTED_MATCH,
  type WantedMatchData,
  prefixTsQuery,
  searchWords,
} from '@partagora/domain';
import { distanceBucket } from '@partagora/geo';
import type { EntityManager } from 'typeorm';
import type { OutboxHandler } from '../outbox/outbox-handlers';
import { NotificationsService } from '../notifications/notifications.service';
import { AlertsRepository, type NewListingFacts } from './alerts.repository';

type Handled = 'listing.created';

const allWords = (q: string) => prefixTsQuery(searchWords(q));

/**
 * `listing.created` → `alert_match` for the saved searches it fits, and for a wanted post
 * `wanted_match` to the few nearest neighbours who have such a thing (not the whole town).
 * One notification per user and listing (the source key is the outbox row).
 */
@Injectable()
export class ListingMatchesHandler implements OutboxHandler<Handled> {
  static readonly handles: readonly Handled[] = ['listing.created'];

  constructor(
    private readonly repo: AlertsRepository,
    private readonly notifications: NotificationsService,
  ) {}

  async handle(event: OutboxEvent<Handled>, manager: EntityManager): Promise<void> {
    const listing = await this.repo.newListing(manager, event.payload.listingId);
    if (!listing) return; // removed or hidden before delivery
    const sourceKey = `outbox:${event.id}`;
    await this.notifyAlerts(manager, sourceKey, listing);
    if (listing.kind === 'wanted') await this.notifyWanted(manager, sourceKey, listing);
  }

  private async notifyAlerts(
    manager: EntityManager,
    sourceKey: string,
    listing: NewListingFacts,
  ): Promise<void> {
    const candidates = await this.repo.alertsAround(manager, listing.id);
    const queries = [
      ...new Set(candidates.flatMap((c) => (c.q && allWords(c.q) ? [allWords(c.q)] : []))),
    ];
    const matched = await this.repo.matchingQueries(manager, listing.id, queries);
    const fits = (q: string | null) => {
      if (!q) return true;
      const query = allWords(q);
      // A text made of no word at all (punctuation) does not restrict, like an empty search.
      return query === '' || matched.has(queries.indexOf(query));
    };
    const drafts = candidates
      .filter((c) => fits(c.q))
      .map((c) => {
        const data: AlertMatchData = {
          alertId: c.alertId,
          listingId: listing.id,
          listingTitle: listing.title,
          listingKind: listing.kind,
          category: listing.category,
          ownerName: listing.ownerName,
          distance: distanceBucket(c.distance),
        };
        return { userId: c.userId, kind: 'alert_match' as const, data: { ...data } };
      });
    // Candidates come nearest first: a user with several matching alerts hears of the nearest.
    await this.notifications.notify(manager, sourceKey, drafts);
  }

  private async notifyWanted(
    manager: EntityManager,
    sourceKey: string,
    listing: NewListingFacts,
  ): Promise<void> {
    const words = searchWords(listing.title).filter((w) => w.length >= WANTED_MATCH.minWordLength);
    if (words.length === 0) return;
    const candidates = await this.repo.wantedCandidates(
      manager,
      listing.id,
      prefixTsQuery(words, '|'),
      WANTED_MATCH.radiusM,
      WANTED_MATCH.maxOwners,
    );
    await this.notifications.notify(
      manager,
      sourceKey,
      candidates.map((c) => {
        const data: WantedMatchData = {
          listingId: listing.id,
          listingTitle: listing.title,
          category: listing.category,
          wantedById: listing.ownerId,
          wantedByName: listing.ownerName,
          matchedListingId: c.listingId,
          matchedListingTitle: c.title,
          distance: distanceBucket(c.distance),
        };
        return { userId: c.ownerId, kind: 'wanted_match' as const, data: { ...data } };
      }),
    );
  }
}
