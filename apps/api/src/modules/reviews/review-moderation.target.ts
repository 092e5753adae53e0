import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ModerationTargets } from '../moderation/moderation-targets';
import { ReviewsRepository } from './reviews.repository';

/**
 * Reviews can be reported once revealed (by anyone who can read them on a profile) or by their
 * subject; hidden means left out of the profile and of the score (`hidden_at`), restored as it was.
 * The subject's town moderates it (the profile it stands on).
 */
@Injectable()
export class ReviewModerationTarget implements OnModuleInit {
  constructor(
    private readonly targets: ModerationTargets,
    private readonly repo: ReviewsRepository,
  ) {}

  onModuleInit(): void {
    this.targets.register({
      type: 'review',
      hideable: true,
      resolve: async (id, manager) => {
        const r = await this.repo.findForModeration(id, manager);
        return r
          ? { municipalityId: r.municipalityId, authorId: r.authorId, hidden: r.hidden }
          : null;
      },
      visibleTo: async (id, userId) => {
        const r = await this.repo.findForModeration(id);
        return r !== null && ((r.revealed && !r.hidden) || r.subjectId === userId);
      },
      hide: async (manager, id) => {
        await this.repo.setHidden(manager, id, new Date());
      },
      restore: async (manager, id) => {
        await this.repo.setHidden(manager, id, null);
      },
      content: async (id) => {
        const r = await this.repo.findForModeration(id);
        return r
          ? {
              content: {
                type: 'review',
                rating: r.rating,
                comment: r.comment,
                author: r.authorId ? { id: r.authorId, displayName: r.authorName ?? '' } : null,
                subject: { id: r.subjectId, displayName: r.subjectName },
              },
              label: r.comment ? r.comment.slice(0, 60) : `${r.rating}/5`,
            }
          : null;
      },
    });
  }
}
