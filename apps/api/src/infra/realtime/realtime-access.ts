import { Injectable } from '@nestjs/common';

/** Room kinds a client may ask to follow (`conversation.join`). */
export type RoomKind = 'conversation';

/** Whether `userId` may follow room `id` of a kind; must not throw for an unknown id. */
export type RoomAccessCheck = (userId: string, id: string) => Promise<boolean>;

/**
 * Who may join which room, declared by the features that own the rooms' data: the gateway knows
 * no feature module. The conversations module lets participants in; a moderation module can later
 * let that town's moderators follow a reported conversation by adding its own check.
 */
@Injectable()
export class RealtimeAccess {
  private readonly checks = new Map<RoomKind, RoomAccessCheck[]>();

  /** Adds a check for `kind`; any one check saying yes lets the user in. */
  allow(kind: RoomKind, check: RoomAccessCheck): void {
    this.checks.set(kind, [...(this.checks.get(kind) ?? []), check]);
  }

  /** False when no feature declared the kind: nothing is joinable by default. */
  async mayJoin(kind: RoomKind, userId: string, id: string): Promise<boolean> {
    for (const check of this.checks.get(kind) ?? []) {
      if (await check(userId, id)) return true;
    }
    return false;
  }
}
