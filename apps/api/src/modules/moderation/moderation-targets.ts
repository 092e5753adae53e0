import { Injectable } from '@nestjs/common';
import type { ReportTargetType, ReportedContent } from '@partagora/domain';
import type { EntityManager } from 'typeorm';

/** What moderation needs to know about one reportable thing. */
export interface ResolvedTarget {
  /** The town whose moderators decide about it. */
  municipalityId: string;
  /** Whom it is by (suspend acts on them); null when nobody is left to answer for it. */
  authorId: string | null;
  hidden: boolean;
}

/** A message of a reported conversation, as a moderator reads it (hidden ones included). */
export interface ConversationLine {
  id: string;
  seq: number;
  authorId: string;
  body: string;
  removed: boolean;
  createdAt: string;
}

/** What the moderator reads, and the label the notifications use (a title, a name). */
export interface TargetContent {
  content: ReportedContent;
  label: string;
  /** Set for a listing: the notification opens it. */
  listingId?: string;
  /** Set for a message: its conversation (reading it is audited). */
  conversationId?: string;
}

/**
 * One reportable type, declared by the module that owns its table: only that module reads and
 * hides its rows. Methods taking an `EntityManager` run in moderation's transaction, so a report
 * that crosses the threshold and the hiding commit together.
 */
export interface ModerationTarget {
  type: ReportTargetType;
  /** Whether `hide` means anything (a member cannot be hidden, only suspended). */
  hideable: boolean;
  /** Null when there is no such target. */
  resolve(id: string, manager?: EntityManager): Promise<ResolvedTarget | null>;
  /** Whether `userId` can see it, so may report it (a message: a participant of its conversation). */
  visibleTo(id: string, userId: string): Promise<boolean>;
  hide(manager: EntityManager, id: string): Promise<void>;
  restore(manager: EntityManager, id: string): Promise<void>;
  /** The content itself for the queue; null once it is gone. */
  content(id: string): Promise<TargetContent | null>;
  /** A message's conversation around it, for the moderator (an audited reading). */
  conversation?(id: string): Promise<ConversationLine[]>;
}

/**
 * Who can be reported, declared by the owner modules at start-up (`register` in their
 * `onModuleInit`): moderation knows no listing, user or message table. A type nobody registered
 * (a review until the reviews module registers) answers 404: there is no such target.
 */
@Injectable()
export class ModerationTargets {
  private readonly targets = new Map<ReportTargetType, ModerationTarget>();

  register(target: ModerationTarget): void {
    if (this.targets.has(target.type))
      throw new Error(`moderation target "${target.type}" is registered twice`);
    this.targets.set(target.type, target);
  }

  get(type: ReportTargetType): ModerationTarget | undefined {
    return this.targets.get(type);
  }

  types(): ReportTargetType[] {
    return [...this.targets.keys()];
  }
}
