import { Injectable } from '@nestjs/common';
import { DomainError, type PublicProfile, computeReputation } from '@partagora/domain';
import { BlocksService } from '../blocks/blocks.service';
import { ReviewsRepository } from './reviews.repository';

/** Reviews shown on a profile, newest first. */
const PROFILE_REVIEWS = 50;

/**
 * `GET /users/:id`: what any signed-in member sees of another (geo-scoped, DESIGN.md §3): name,
 * town, member since, the verified badge, reputation and the revealed reviews. Never the e-mail
 * or the home.
 */
@Injectable()
export class ProfilesService {
  constructor(
    private readonly repo: ReviewsRepository,
    private readonly blocks: BlocksService,
  ) {}

  async profile(viewerId: string, userId: string): Promise<PublicProfile> {
    const user = await this.repo.profile(userId);
    if (!user) throw new DomainError('USER_NOT_FOUND', 'No such member');
    const [ratings, facts, town, reviews, blockedByMe] = await Promise.all([
      this.repo.visibleRatingsAbout(userId),
      this.repo.exchangeFacts(userId),
      this.repo.townRatings(user.municipality_id),
      this.repo.visibleAbout(userId, PROFILE_REVIEWS),
      viewerId === userId ? Promise.resolve(false) : this.blocks.hasBlocked(viewerId, userId),
    ]);
    return {
      id: user.id,
      displayName: user.display_name,
      municipality: { slug: user.municipality_slug, name: user.municipality_name },
      memberSince: new Date(user.created_at).toISOString(),
      verified: user.verification === 'verified',
      reputation: computeReputation(ratings, facts, town),
      reviews: reviews.map((r) => ({
        rating: r.rating,
        comment: r.comment,
        createdAt: new Date(r.created_at).toISOString(),
        author:
          r.author_id && r.author_name ? { id: r.author_id, displayName: r.author_name } : null,
      })),
      blockedByMe,
    };
  }
}
