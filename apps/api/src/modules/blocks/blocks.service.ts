import { Injectable } from '@nestjs/common';
import { DomainError, assertCanBlock, assertNotBlocked } from '@partagora/domain';
import type { EntityManager } from 'typeorm';
import { BlocksRepository } from './blocks.repository';

/**
 * Blocks between members (DESIGN.md §4.1). The other modules ask this service before a message
 * or a request (`assertNotBlocked`); the listing searches filter blocked owners in their own
 * SQL (a read of `user_blocks`, see `ListingsRepository`).
 */
@Injectable()
export class BlocksService {
  constructor(private readonly repo: BlocksRepository) {}

  /** `POST /users/:id/block`: idempotent. */
  async block(blockerId: string, blockedId: string): Promise<void> {
    assertCanBlock(blockerId, blockedId);
    await this.assertUser(blockedId);
    await this.repo.block(blockerId, blockedId);
  }

  /** `DELETE /users/:id/block`: idempotent. */
  async unblock(blockerId: string, blockedId: string): Promise<void> {
    assertCanBlock(blockerId, blockedId);
    await this.assertUser(blockedId);
    await this.repo.unblock(blockerId, blockedId);
  }

  /** Throws `BLOCKED` when `userId` and any of `others` blocked one another (either way). */
  async assertNotBlocked(
    userId: string,
    others: readonly string[],
    manager?: EntityManager,
  ): Promise<void> {
    assertNotBlocked(await this.repo.anyBlockBetween(userId, others, manager));
  }

  /** Whether a block stands between the two members, either way. */
  isBlockedEitherWay(a: string, b: string, manager?: EntityManager): Promise<boolean> {
    return this.repo.anyBlockBetween(a, [b], manager);
  }

  /** Whether `viewerId` blocked `otherId` (what the profile's button shows). */
  hasBlocked(viewerId: string, otherId: string): Promise<boolean> {
    return this.repo.hasBlocked(viewerId, otherId);
  }

  private async assertUser(id: string): Promise<void> {
    if (!(await this.repo.userExists(id)))
      throw new DomainError('USER_NOT_FOUND', 'No such member');
  }
}
