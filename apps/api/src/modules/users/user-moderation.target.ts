import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ModerationTargets } from '../moderation/moderation-targets';
import { UsersRepository } from './users.repository';

/**
 * Members can be reported (a profile, a behaviour): never hidden — three reports put them first
 * in their town's queue, and a moderator may warn or suspend them.
 */
@Injectable()
export class UserModerationTarget implements OnModuleInit {
  constructor(
    private readonly targets: ModerationTargets,
    private readonly repo: UsersRepository,
  ) {}

  onModuleInit(): void {
    this.targets.register({
      type: 'user',
      hideable: false,
      resolve: async (id, manager) => {
        const u = await this.repo.findModerationSubject(id, manager);
        return u ? { municipalityId: u.municipalityId, authorId: u.id, hidden: false } : null;
      },
      // Public profiles are geo-scoped: any signed-in member may see (and report) a member.
      visibleTo: async (id) => (await this.repo.findModerationSubject(id)) !== null,
      hide: () => Promise.reject(new Error('a member cannot be hidden')),
      restore: () => Promise.resolve(),
      content: async (id) => {
        const u = await this.repo.findModerationSubject(id);
        return u
          ? {
              content: { type: 'user', displayName: u.displayName, suspended: u.suspended },
              label: u.displayName,
            }
          : null;
      },
    });
  }
}
