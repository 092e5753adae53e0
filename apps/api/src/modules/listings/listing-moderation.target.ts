import { Injectable, type OnModuleInit } from '@nestjs/common';
import { canViewListing } from '@partagora/domain';
import { ModerationTargets } from '../moderation/moderation-targets';
import { ListingsRepository } from './listings.repository';

/**
 * Listings can be reported by whoever can view them; hidden means status `hidden` (out of search
 * and map, 404 but to its owner and its town's moderators), restored to the status it had.
 */
@Injectable()
export class ListingModerationTarget implements OnModuleInit {
  constructor(
    private readonly targets: ModerationTargets,
    private readonly repo: ListingsRepository,
  ) {}

  onModuleInit(): void {
    this.targets.register({
      type: 'listing',
      hideable: true,
      resolve: async (id, manager) => {
        const l = await this.repo.findForModeration(id, manager);
        return l
          ? { municipalityId: l.municipalityId, authorId: l.ownerId, hidden: l.status === 'hidden' }
          : null;
      },
      visibleTo: async (id, userId) => {
        const access = await this.repo.findAccess(id);
        return access !== null && canViewListing(access, userId);
      },
      hide: (manager, id) => this.repo.hide(manager, id),
      restore: (manager, id) => this.repo.restore(manager, id),
      content: async (id) => {
        const l = await this.repo.findForModeration(id);
        return l
          ? {
              content: {
                type: 'listing',
                title: l.title,
                description: l.description,
                status: l.status,
                owner: { id: l.ownerId, displayName: l.ownerName },
              },
              label: l.title,
              listingId: id,
            }
          : null;
      },
    });
  }
}
