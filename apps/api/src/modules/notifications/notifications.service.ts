import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  DomainError,
  cursorCodec,
  type NotificationKind,
  type NotificationPreferences,
  type NotificationPreferencesInput,
  type NotificationsPage,
  deliveryFor,
  preferencesFrom,
} from '@partagora/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { afterCommit } from '../../common/after-commit';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { MailService } from '../../infra/mail/mail.service';
import { RealtimeEmitter } from '../../infra/realtime/realtime-emitter';
import { OutboxRepository } from '../outbox/outbox.repository';
import { OutboxService } from '../outbox/outbox.service';
import { UsersService } from '../users/users.service';
import { renderDigestMail, renderNotificationMail } from './notification-mail';
import {
  type ListCursor,
  type NewNotification,
  NotificationsRepository,
  toNotificationView,
} from './notifications.repository';

/** A notification to create, before the recipient's preferences are applied. */
export interface NotificationDraft {
  userId: string;
  kind: NotificationKind;
  /** Ids and display texts only (never coordinates or addresses). */
  data: Record<string, unknown>;
}

/** Header carried by every instant e-mail, so deliveries can be counted and traced. */
export const NOTIFICATION_HEADER = 'X-Partagora-Notification';
export const DIGEST_HEADER = 'X-Partagora-Digest';

const PAGE_DEFAULT = 20;

/** Newest first on `(created_at, id)`. */
const listCursor = cursorCodec(['instant', 'uuid']);
const toListCursor = ([createdAt, id]: readonly [string, string]): ListCursor => ({
  createdAt,
  id,
});

@Injectable()
export class NotificationsService {
  private readonly logger = new Logger(NotificationsService.name);

  constructor(
    private readonly ds: DataSource,
    private readonly repo: NotificationsRepository,
    private readonly users: UsersService,
    private readonly outboxRows: OutboxRepository,
    private readonly outbox: OutboxService,
    private readonly mail: MailService,
    private readonly realtime: RealtimeEmitter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Writes the notifications of one source event in `manager`'s transaction (the outbox row's):
   * channels from each recipient's preferences, one row per (source, recipient) whatever the
   * number of deliveries, and a `notification.created` outbox row per new row that has something
   * to push or e-mail now. Those rows are queued right after the commit (the relay otherwise).
   */
  async notify(
    manager: EntityManager,
    sourceKey: string,
    drafts: NotificationDraft[],
  ): Promise<number> {
    const recipients = new Map(
      (
        await this.users.notificationContacts(manager, [...new Set(drafts.map((d) => d.userId))])
      ).map((r) => [r.id, r]),
    );
    const rows: NewNotification[] = [];
    const seen = new Set<string>();
    for (const draft of drafts) {
      const recipient = recipients.get(draft.userId);
      if (!recipient || seen.has(draft.userId)) continue;
      seen.add(draft.userId);
      const delivery = deliveryFor(preferencesFrom(recipient.prefs), draft.kind);
      if (delivery) rows.push({ ...draft, ...delivery });
    }
    const inserted = await this.repo.insertMany(manager, sourceKey, rows);
    const outboxIds: string[] = [];
    for (const n of inserted) {
      if (n.inApp || n.emailState === 'pending') {
        outboxIds.push(
          await this.outboxRows.add(manager, 'notification.created', { notificationId: n.id }),
        );
      }
    }
    if (outboxIds.length > 0) afterCommit(manager, () => this.outbox.publish(outboxIds));
    return inserted.length;
  }

  /**
   * Delivers a new notification, in the transaction of its `notification.created` row. The instant
   * e-mail is claimed (`pending` → `sent`) and sent inside that transaction; a failed send throws,
   * the claim rolls back and the job is retried. So each e-mail goes out once, except in one
   * window: the server accepted the message and then the commit failed or the process died before
   * it; the retry then sends it again (at least once, never lost). The live push runs after the
   * commit, so a retried delivery does not push twice either.
   */
  async deliver(manager: EntityManager, notificationId: string): Promise<void> {
    const n = await this.repo.find(manager, notificationId);
    if (!n) return; // its recipient was erased meanwhile
    if (n.emailState === 'pending') {
      const claimed = await this.repo.claimInstantMail(manager, n.id);
      const [to] = await this.users.notificationContacts(manager, [n.userId]);
      if (claimed && to) {
        const rendered = renderNotificationMail(n.kind, n.data, to.locale, this.config.publicUrl);
        await this.mail.send({
          to: to.email,
          ...rendered,
          headers: { [NOTIFICATION_HEADER]: n.id },
        });
      }
    }
    if (n.inApp && n.readAt === null) {
      const view = toNotificationView(n);
      afterCommit(manager, () =>
        this.realtime.toUser(n.userId, 'notification', {
          id: view.id,
          kind: view.kind,
          createdAt: view.createdAt,
          data: view.data,
        }),
      );
    }
  }

  /**
   * The daily digest: for each user with pending digest items created at or before `now`, one
   * e-mail listing them, claimed and sent in one transaction per user. A user whose send fails
   * keeps their items pending; the run then throws so the job is retried (users already served
   * have nothing pending any more).
   */
  async sendDigests(now: Date): Promise<{ users: number; items: number }> {
    let users = 0;
    let items = 0;
    let failures = 0;
    for (const userId of await this.repo.usersWithDigest(now)) {
      try {
        const sent = await this.ds.transaction(async (manager) => {
          const claimed = await this.repo.claimDigest(manager, userId, now);
          const [to] = await this.users.notificationContacts(manager, [userId]);
          if (claimed.length === 0 || !to) return 0;
          const rendered = renderDigestMail(claimed, to.locale, this.config.publicUrl);
          await this.mail.send({
            to: to.email,
            ...rendered,
            headers: { [DIGEST_HEADER]: String(claimed.length) },
          });
          return claimed.length;
        });
        if (sent > 0) {
          users += 1;
          items += sent;
        }
      } catch (err) {
        failures += 1;
        this.logger.warn(`digest for user ${userId} not sent: ${(err as Error).message}`);
      }
    }
    if (failures > 0) throw new Error(`${failures} digest(s) could not be sent; will retry`);
    return { users, items };
  }

  /** `GET /notifications`: in-app notifications, newest first. */
  async list(
    userId: string,
    q: { unread?: 'true' | 'false'; cursor?: string; limit?: number },
  ): Promise<NotificationsPage> {
    const limit = q.limit ?? PAGE_DEFAULT;
    const rows = await this.repo.list(userId, {
      unreadOnly: q.unread === 'true',
      limit: limit + 1,
      cursor: q.cursor ? toListCursor(listCursor.decode(q.cursor)) : undefined,
    });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toNotificationView),
      nextCursor:
        rows.length > limit && last
          ? listCursor.encode([last.cursor.createdAt, last.cursor.id])
          : null,
      unreadCount: await this.repo.unreadCount(userId),
    };
  }

  markRead(userId: string, ids: string[] | undefined): Promise<void> {
    return this.repo.markRead(userId, ids);
  }

  async preferences(userId: string): Promise<NotificationPreferences> {
    const stored = await this.users.notificationPrefs(userId);
    if (!stored) throw new DomainError('UNAUTHENTICATED', 'This account no longer exists');
    return preferencesFrom(stored.prefs);
  }

  /** Merges the given kinds over the stored choices; returns the full effective map. */
  async updatePreferences(
    userId: string,
    patch: NotificationPreferencesInput,
  ): Promise<NotificationPreferences> {
    const stored = await this.users.mergeNotificationPrefs(userId, patch);
    if (!stored) throw new DomainError('UNAUTHENTICATED', 'This account no longer exists');
    return preferencesFrom(stored.prefs);
  }
}
