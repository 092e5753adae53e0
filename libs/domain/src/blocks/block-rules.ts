import { DomainError } from '../shared/domain-error';

/**
 * Blocks are symmetric in effect (DESIGN.md §4.1): once either member blocked the other, neither
 * can message the other or request the other's listings (`BLOCKED`), and neither sees the other's
 * listings (search, map and detail answer as if they did not exist).
 */
export function assertNotBlocked(blocked: boolean): void {
  if (blocked) {
    throw new DomainError('BLOCKED', 'You cannot interact with this member');
  }
}

/** A member cannot block themselves. */
export function assertCanBlock(blockerId: string, blockedId: string): void {
  if (blockerId === blockedId) {
    throw new DomainError('CANNOT_BLOCK_SELF', 'You cannot block yourself');
  }
}
