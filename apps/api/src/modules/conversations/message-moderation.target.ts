import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ModerationTargets } from '../moderation/moderation-targets';
import { ConversationsRepository } from './conversations.repository';

/** The latest messages of a reported conversation a moderator reads. */
const TRANSCRIPT_LIMIT = 200;

/**
 * Messages can be reported by the participants of their conversation only (party-scoped);
 * hidden means the parties see it as removed (empty body, `removed: true`), its town's
 * moderators still read it. The town is that of the conversation's listing.
 */
@Injectable()
export class MessageModerationTarget implements OnModuleInit {
  constructor(
    private readonly targets: ModerationTargets,
    private readonly repo: ConversationsRepository,
  ) {}

  onModuleInit(): void {
    this.targets.register({
      type: 'message',
      hideable: true,
      resolve: async (id, manager) => {
        const m = await this.repo.findMessageForModeration(id, manager);
        return m
          ? { municipalityId: m.municipalityId, authorId: m.authorId, hidden: m.hidden }
          : null;
      },
      visibleTo: async (id, userId) => {
        const m = await this.repo.findMessageForModeration(id);
        return m !== null && (await this.repo.isParticipant(m.conversationId, userId));
      },
      hide: (manager, id) => this.repo.setMessageHidden(manager, id, true),
      restore: (manager, id) => this.repo.setMessageHidden(manager, id, false),
      content: async (id) => {
        const m = await this.repo.findMessageForModeration(id);
        return m
          ? {
              content: {
                type: 'message',
                body: m.body,
                author: { id: m.authorId, displayName: m.authorName },
                conversationId: m.conversationId,
              },
              label: '',
              conversationId: m.conversationId,
            }
          : null;
      },
      conversation: async (id) => {
        const m = await this.repo.findMessageForModeration(id);
        return m ? this.repo.transcript(m.conversationId, TRANSCRIPT_LIMIT) : [];
      },
    });
  }
}
