import { Injectable } from '@nestjs/common';
import type { EmailState, PostChannel, PostKind, PostOpenVia, PostStatus } from '@partagora/domain';
import { DataSource, type EntityManager } from 'typeorm';

/** A post with its town and its author (the town hall organisation). */
export interface PostRecord {
  id: string;
  municipalityId: string;
  slug: string;
  townName: string;
  authorId: string;
  authorName: string;
  kind: PostKind;
  title: string;
  body: string;
  publishAt: Date;
  unpublishedAt: Date | null;
  alertDispatchedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** `publish_at` to the microsecond (UTC, ISO without the zone), for exact cursors. */
  publishUs: string;
}

interface PostRow {
  id: string;
  municipality_id: string;
  slug: string;
  town_name: string;
  author_id: string | null;
  author_name: string | null;
  kind: PostKind;
  title: string;
  body: string;
  publish_at: Date;
  unpublished_at: Date | null;
  alert_dispatched_at: Date | null;
  created_at: Date;
  updated_at: Date;
  publish_us: string;
}

const POST_COLUMNS = `p.id, p.municipality_id, m.slug, m.name AS town_name,
  o.id AS author_id, o.name AS author_name, p.kind, p.title, p.body, p.publish_at,
  p.unpublished_at, p.alert_dispatched_at, p.created_at, p.updated_at,
  to_char(p.publish_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS publish_us`;

const POST_FROM = `posts p JOIN municipalities m ON m.id = p.municipality_id
  LEFT JOIN organisations o ON o.municipality_id = p.municipality_id AND o.kind = 'town_hall'`;

function toRecord(r: PostRow): PostRecord {
  return {
    id: r.id,
    municipalityId: r.municipality_id,
    slug: r.slug,
    townName: r.town_name,
    // The town hall exists for every town (migration trigger); the town itself otherwise.
    authorId: r.author_id ?? r.municipality_id,
    authorName: r.author_name ?? `Mairie de ${r.town_name}`,
    kind: r.kind,
    title: r.title,
    body: r.body,
    publishAt: r.publish_at,
    unpublishedAt: r.unpublished_at,
    alertDispatchedAt: r.alert_dispatched_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    publishUs: r.publish_us,
  };
}

/** What the status filters mean in SQL, `$2` being now. */
const STATUS_SQL: Record<PostStatus | 'all', string> = {
  published: `p.unpublished_at IS NULL AND p.publish_at <= $2`,
  scheduled: `p.unpublished_at IS NULL AND p.publish_at > $2`,
  unpublished: `p.unpublished_at IS NOT NULL AND $2::timestamptz IS NOT NULL`,
  all: `$2::timestamptz IS NOT NULL`,
};

export interface NewDelivery {
  channel: PostChannel;
  recipientKey: string;
  pushSubscriptionId: string | null;
  notificationId: string | null;
  token: string;
  /** In-app deliveries are done once written (the notification is in the member's list). */
  delivered: boolean;
}

/** A queued push delivery, locked, with what to send and where. */
export interface PushJob {
  id: string;
  postId: string;
  token: string;
  subscriptionId: string | null;
  endpoint: string | null;
  p256dh: string | null;
  auth: string | null;
  removed: boolean;
  unpublished: boolean;
}

type Counts = { push: number; inApp: number; email: number };

export interface ReachCounts {
  sent: Counts;
  delivered: Counts;
  failed: Counts;
  openedBy: Counts;
  opened: number;
}

@Injectable()
export class PostsRepository {
  constructor(private readonly ds: DataSource) {}

  async insert(
    manager: EntityManager,
    post: {
      municipalityId: string;
      createdBy: string;
      kind: PostKind;
      title: string;
      body: string;
      publishAt: Date;
    },
  ): Promise<string> {
    const rows = await manager.query<Array<{ id: string }>>(
      `INSERT INTO posts (municipality_id, created_by, kind, title, body, publish_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [post.municipalityId, post.createdBy, post.kind, post.title, post.body, post.publishAt],
    );
    return rows[0]!.id;
  }

  async find(id: string, manager?: EntityManager, lock = false): Promise<PostRecord | null> {
    const rows = await (manager ?? this.ds).query<PostRow[]>(
      `SELECT ${POST_COLUMNS} FROM ${POST_FROM} WHERE p.id = $1${lock ? ' FOR UPDATE OF p' : ''}`,
      [id],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** A town's posts of a status at `now`, newest `publish_at` first, after a cursor. */
  /** Every post of the town, whatever its status, oldest first (the town archive). */
  async allOfTown(townId: string): Promise<PostRecord[]> {
    const rows = await this.ds.query<PostRow[]>(
      `SELECT ${POST_COLUMNS} FROM ${POST_FROM} WHERE p.municipality_id = $1
        ORDER BY p.created_at, p.id`,
      [townId],
    );
    return rows.map(toRecord);
  }

  async list(
    townId: string,
    q: {
      status: PostStatus | 'all';
      kind?: PostKind;
      now: Date;
      limit: number;
      after: { publishUs: string; id: string } | null;
    },
  ): Promise<PostRecord[]> {
    const params: unknown[] = [townId, q.now, q.limit];
    const where = [`p.municipality_id = $1`, STATUS_SQL[q.status]];
    if (q.kind) {
      params.push(q.kind);
      where.push(`p.kind = $${params.length}`);
    }
    if (q.after) {
      params.push(q.after.publishUs.replace(/Z$/, ''), q.after.id);
      where.push(
        `(p.publish_at, p.id) < (($${params.length - 1}::timestamp AT TIME ZONE 'UTC'), $${params.length}::uuid)`,
      );
    }
    const rows = await this.ds.query<PostRow[]>(
      `SELECT ${POST_COLUMNS} FROM ${POST_FROM}
        WHERE ${where.join(' AND ')}
        ORDER BY p.publish_at DESC, p.id DESC LIMIT $3`,
      params,
    );
    return rows.map(toRecord);
  }

  async update(
    manager: EntityManager,
    id: string,
    patch: { title?: string; body?: string; kind?: PostKind; publishAt: Date },
  ): Promise<void> {
    await manager.query(
      `UPDATE posts SET title = coalesce($2, title), body = coalesce($3, body),
              kind = coalesce($4, kind), publish_at = $5, updated_at = now()
        WHERE id = $1`,
      [id, patch.title ?? null, patch.body ?? null, patch.kind ?? null, patch.publishAt],
    );
  }

  async unpublish(manager: EntityManager, id: string, now: Date): Promise<void> {
    await manager.query(
      `UPDATE posts SET unpublished_at = coalesce(unpublished_at, $2), updated_at = now()
        WHERE id = $1`,
      [id, now],
    );
  }

  /**
   * Marks an alert sent, once: true only for the one transaction that wins (a published alert not
   * sent yet), which then writes its outbox row.
   */
  async claimAlert(manager: EntityManager, id: string, now: Date): Promise<boolean> {
    const [rows] = await manager.query<[unknown[], number]>(
      `UPDATE posts SET alert_dispatched_at = $2
        WHERE id = $1 AND kind = 'alert' AND alert_dispatched_at IS NULL
          AND unpublished_at IS NULL AND publish_at <= $2
        RETURNING id`,
      [id, now],
    );
    return rows.length > 0;
  }

  /** Alerts not sent yet, due before `until` (the sweep's horizon), soonest first. */
  async pendingAlerts(until: Date, limit = 500): Promise<Array<{ id: string; publishAt: Date }>> {
    const rows = await this.ds.query<Array<{ id: string; publish_at: Date }>>(
      `SELECT id, publish_at FROM posts
        WHERE kind = 'alert' AND alert_dispatched_at IS NULL AND unpublished_at IS NULL
          AND publish_at <= $1
        ORDER BY publish_at LIMIT $2`,
      [until, limit],
    );
    return rows.map((r) => ({ id: r.id, publishAt: r.publish_at }));
  }

  /** The town's members an alert goes to (not erased, not suspended). */
  async townMembers(manager: EntityManager, townId: string): Promise<string[]> {
    const rows = await manager.query<Array<{ id: string }>>(
      `SELECT id FROM users
        WHERE municipality_id = $1 AND erased_at IS NULL AND suspended_at IS NULL`,
      [townId],
    );
    return rows.map((r) => r.id);
  }

  /** The notification rows an alert wrote (source key), with their channels. */
  async alertNotifications(
    manager: EntityManager,
    sourceKey: string,
  ): Promise<Array<{ id: string; userId: string; inApp: boolean; emailState: EmailState }>> {
    const rows = await manager.query<
      Array<{ id: string; user_id: string; in_app: boolean; email_state: EmailState }>
    >(`SELECT id, user_id, in_app, email_state FROM notifications WHERE source_key = $1`, [
      sourceKey,
    ]);
    return rows.map((r) => ({
      id: r.id,
      userId: r.user_id,
      inApp: r.in_app,
      emailState: r.email_state,
    }));
  }

  async activeSubscriptions(manager: EntityManager, townId: string): Promise<string[]> {
    const rows = await manager.query<Array<{ id: string }>>(
      `SELECT id FROM push_subscriptions WHERE municipality_id = $1 AND removed_at IS NULL`,
      [townId],
    );
    return rows.map((r) => r.id);
  }

  /** Inserts deliveries (one per post, channel and recipient); returns the new ones. */
  async insertDeliveries(
    manager: EntityManager,
    postId: string,
    rows: NewDelivery[],
  ): Promise<Array<{ id: string; channel: PostChannel }>> {
    if (rows.length === 0) return [];
    return manager.query<Array<{ id: string; channel: PostChannel }>>(
      `INSERT INTO post_deliveries
              (post_id, channel, recipient_key, push_subscription_id, notification_id, token,
               state, delivered_at)
       SELECT $1, t.channel, t.recipient_key, t.sub, t.notification, t.token,
              CASE WHEN t.delivered THEN 'delivered' ELSE 'queued' END,
              CASE WHEN t.delivered THEN now() END
         FROM unnest($2::text[], $3::text[], $4::uuid[], $5::uuid[], $6::text[], $7::boolean[])
              AS t(channel, recipient_key, sub, notification, token, delivered)
       ON CONFLICT (post_id, channel, recipient_key) DO NOTHING
       RETURNING id, channel`,
      [
        postId,
        rows.map((r) => r.channel),
        rows.map((r) => r.recipientKey),
        rows.map((r) => r.pushSubscriptionId),
        rows.map((r) => r.notificationId),
        rows.map((r) => r.token),
        rows.map((r) => r.delivered),
      ],
    );
  }

  /** A queued push delivery under a row lock (null once sent, failed or gone). */
  async claimPush(manager: EntityManager, deliveryId: string): Promise<PushJob | null> {
    const rows = await manager.query<
      Array<{
        id: string;
        post_id: string;
        token: string;
        sub_id: string | null;
        endpoint: string | null;
        p256dh: string | null;
        auth: string | null;
        removed: boolean;
        unpublished: boolean;
      }>
    >(
      `SELECT d.id, d.post_id, d.token, s.id AS sub_id, s.endpoint, s.p256dh, s.auth,
              (s.id IS NULL OR s.removed_at IS NOT NULL) AS removed,
              (p.unpublished_at IS NOT NULL) AS unpublished
         FROM post_deliveries d
         JOIN posts p ON p.id = d.post_id
         LEFT JOIN push_subscriptions s ON s.id = d.push_subscription_id
        WHERE d.id = $1 AND d.channel = 'push' AND d.state = 'queued'
        FOR UPDATE OF d`,
      [deliveryId],
    );
    const r = rows[0];
    return r
      ? {
          id: r.id,
          postId: r.post_id,
          token: r.token,
          subscriptionId: r.sub_id,
          endpoint: r.endpoint,
          p256dh: r.p256dh,
          auth: r.auth,
          removed: r.removed,
          unpublished: r.unpublished,
        }
      : null;
  }

  async settleDelivery(
    manager: EntityManager,
    id: string,
    state: 'delivered' | 'failed' | 'gone',
    error: string | null = null,
  ): Promise<void> {
    await manager.query(
      `UPDATE post_deliveries SET state = $2::varchar, last_error = left($3::text, 500),
              delivered_at = CASE WHEN $2::varchar = 'delivered' THEN now() END
        WHERE id = $1`,
      [id, state, error],
    );
  }

  /** A subscription the push service says is gone: never used again. */
  async retireSubscription(manager: EntityManager, id: string): Promise<void> {
    await manager.query(
      `UPDATE push_subscriptions SET removed_at = now() WHERE id = $1 AND removed_at IS NULL`,
      [id],
    );
  }

  /** Subscribes (again) an endpoint to a town; the same endpoint twice is one subscription. */
  async upsertSubscription(
    townId: string,
    sub: { endpoint: string; p256dh: string; auth: string },
  ): Promise<{ id: string; createdAt: Date }> {
    const rows = await this.ds.query<Array<{ id: string; created_at: Date }>>(
      `INSERT INTO push_subscriptions (municipality_id, endpoint, p256dh, auth)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (municipality_id, endpoint) DO UPDATE
          SET p256dh = EXCLUDED.p256dh, auth = EXCLUDED.auth,
              removed_at = NULL,
              created_at = CASE WHEN push_subscriptions.removed_at IS NULL
                                THEN push_subscriptions.created_at ELSE now() END
       RETURNING id, created_at`,
      [townId, sub.endpoint, sub.p256dh, sub.auth],
    );
    return { id: rows[0]!.id, createdAt: rows[0]!.created_at };
  }

  /** Unsubscribes an endpoint from a town; false when it was not subscribed. */
  async removeSubscription(townId: string, endpoint: string): Promise<boolean> {
    const [rows] = await this.ds.query<[unknown[], number]>(
      `UPDATE push_subscriptions SET removed_at = now()
        WHERE municipality_id = $1 AND endpoint = $2 AND removed_at IS NULL RETURNING id`,
      [townId, endpoint],
    );
    return rows.length > 0;
  }

  /** Marks the delivery carrying `token` opened (once); false for an unknown or used token. */
  async openByToken(postId: string, token: string, via: PostOpenVia): Promise<boolean> {
    const [rows] = await this.ds.query<[unknown[], number]>(
      `UPDATE post_deliveries SET opened_at = now(), opened_via = $3
        WHERE post_id = $1 AND token = $2 AND opened_at IS NULL RETURNING id`,
      [postId, token, via],
    );
    return rows.length > 0;
  }

  /** A signed-in member opened the post from the app: their in-app delivery, once. */
  async openByMember(postId: string, userId: string, via: PostOpenVia): Promise<boolean> {
    const [rows] = await this.ds.query<[unknown[], number]>(
      `UPDATE post_deliveries SET opened_at = now(), opened_via = $3
        WHERE post_id = $1 AND channel = 'in_app' AND recipient_key = $2 AND opened_at IS NULL
        RETURNING id`,
      [postId, `user:${userId}`, via],
    );
    return rows.length > 0;
  }

  /**
   * Reach of a post per channel. An e-mail is delivered once the mail server accepted it (its
   * notification is `sent`); an in-app delivery once written; a push once the push service
   * accepted it. `opened` counts recipients (a member opening from the e-mail and the app is one).
   */
  async reach(postId: string): Promise<ReachCounts> {
    const rows = await this.ds.query<
      Array<{
        channel: PostChannel;
        sent: number;
        delivered: number;
        failed: number;
        opened: number;
      }>
    >(
      `SELECT d.channel, count(*)::int AS sent,
              count(*) FILTER (WHERE d.state = 'delivered'
                OR (d.channel = 'email' AND n.email_state = 'sent'))::int AS delivered,
              count(*) FILTER (WHERE d.state IN ('failed', 'gone'))::int AS failed,
              count(*) FILTER (WHERE d.opened_at IS NOT NULL)::int AS opened
         FROM post_deliveries d LEFT JOIN notifications n ON n.id = d.notification_id
        WHERE d.post_id = $1 GROUP BY d.channel`,
      [postId],
    );
    const [openers] = await this.ds.query<Array<{ n: number }>>(
      `SELECT count(DISTINCT recipient_key)::int AS n FROM post_deliveries
        WHERE post_id = $1 AND opened_at IS NOT NULL`,
      [postId],
    );
    const zero = (): Counts => ({ push: 0, inApp: 0, email: 0 });
    const out: ReachCounts = {
      sent: zero(),
      delivered: zero(),
      failed: zero(),
      openedBy: zero(),
      opened: openers?.n ?? 0,
    };
    for (const r of rows) {
      const key = r.channel === 'in_app' ? 'inApp' : r.channel;
      out.sent[key] = r.sent;
      out.delivered[key] = r.delivered;
      out.failed[key] = r.failed;
      out.openedBy[key] = r.opened;
    }
    return out;
  }

  /**
   * Subscribers per day (UTC) from `from` to `to` inclusive, as they stood at the end of each day:
   * browsers subscribed to push, members who get alerts in the app, and members who asked for
   * them by e-mail (their current choice: preferences keep no history).
   */
  async subscribersSeries(
    townId: string,
    from: string,
    to: string,
  ): Promise<Array<{ date: string; push: number; inApp: number; email: number }>> {
    const rows = await this.ds.query<
      Array<{ date: string; push: number; in_app: number; email: number }>
    >(
      `WITH days AS (
         SELECT d::date AS day, (d + interval '1 day') AS day_end
           FROM generate_series($2::date, $3::date, interval '1 day') AS d
       )
       SELECT to_char(days.day, 'YYYY-MM-DD') AS date,
              (SELECT count(*) FROM push_subscriptions s
                WHERE s.municipality_id = $1 AND s.created_at < days.day_end
                  AND (s.removed_at IS NULL OR s.removed_at >= days.day_end))::int AS push,
              (SELECT count(*) FROM users u
                WHERE u.municipality_id = $1 AND u.created_at < days.day_end
                  AND (u.erased_at IS NULL OR u.erased_at >= days.day_end)
                  AND (u.notification_prefs->'town_alert'->>'inApp') IS DISTINCT FROM 'false'
              )::int AS in_app,
              (SELECT count(*) FROM users u
                WHERE u.municipality_id = $1 AND u.created_at < days.day_end
                  AND (u.erased_at IS NULL OR u.erased_at >= days.day_end)
                  AND u.notification_prefs->'town_alert'->>'email' IN ('instant', 'digest')
              )::int AS email
         FROM days ORDER BY days.day`,
      [townId, from, to],
    );
    return rows.map((r) => ({ date: r.date, push: r.push, inApp: r.in_app, email: r.email }));
  }
}
