import { Injectable } from '@nestjs/common';
import {
  ALERT_LIMITS,
  type AlertView,
  type AlertsQuery,
  type CreateAlertInput,
  DomainError,
  cursorCodec,
} from '@partagora/domain';
import { DataSource } from 'typeorm';
import { AlertsRepository } from './alerts.repository';

/** Newest first on `(created_at, id)`. */
const alertsCursor = cursorCodec(['instant', 'uuid']);

@Injectable()
export class AlertsService {
  constructor(
    private readonly ds: DataSource,
    private readonly repo: AlertsRepository,
  ) {}

  /** At most `ALERT_LIMITS.perUser` per user, counted under the user's row lock (no race past it). */
  create(userId: string, input: CreateAlertInput): Promise<AlertView> {
    return this.ds.transaction(async (manager) => {
      const count = await this.repo.lockAndCount(manager, userId);
      if (count === null) throw new DomainError('UNAUTHENTICATED', 'This account no longer exists');
      if (count >= ALERT_LIMITS.perUser) {
        throw new DomainError(
          'TOO_MANY_ALERTS',
          `You can keep at most ${ALERT_LIMITS.perUser} alerts; delete one first`,
          { max: ALERT_LIMITS.perUser },
        );
      }
      return this.repo.insert(manager, {
        userId,
        centre: input.centre ?? null,
        radius: input.radius,
        kind: input.kind ?? null,
        category: input.category ?? null,
        q: input.q ?? null,
      });
    });
  }

  async list(
    userId: string,
    q: AlertsQuery,
  ): Promise<{ items: AlertView[]; nextCursor: string | null }> {
    const limit = q.limit ?? ALERT_LIMITS.perUser;
    const after = q.cursor ? alertsCursor.decode(q.cursor) : undefined;
    const rows = await this.repo.listForUser(
      userId,
      limit + 1,
      after && { createdKey: after[0], id: after[1] },
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(({ cursor: _cursor, ...view }) => view),
      nextCursor:
        rows.length > limit && last ? alertsCursor.encode([last.cursor.createdKey, last.id]) : null,
    };
  }

  async remove(userId: string, alertId: string): Promise<void> {
    if (!(await this.repo.deleteOwn(userId, alertId))) {
      throw new DomainError('ALERT_NOT_FOUND', 'No such alert');
    }
  }
}
