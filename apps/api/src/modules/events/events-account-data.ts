import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  AccountDataRegistry,
  type ErasureContext,
  type ErasureStep,
} from '../../common/account-data/account-data.registry';
import { EventsRepository } from './events.repository';
import { EventsService } from './events.service';

/**
 * At erasure the member's answers are withdrawn through the service first (`prepare`), so each
 * place they held goes to the first of that event's waiting list, who is told; whatever remains
 * is deleted in the erasure's transaction.
 */
@Injectable()
export class EventsAccountData implements ErasureStep, OnModuleInit {
  readonly name = 'event-rsvps';
  readonly order = 500;

  constructor(
    private readonly events: EventsService,
    private readonly repo: EventsRepository,
    private readonly registry: AccountDataRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.addErasureStep(this);
  }

  async prepare(userId: string): Promise<void> {
    for (const eventId of await this.repo.answeredBy(userId)) {
      await this.events.cancelRsvp(userId, eventId);
    }
  }

  async erase({ manager, userId }: ErasureContext): Promise<void> {
    await this.repo.deleteAnswersOf(manager, userId);
  }
}
