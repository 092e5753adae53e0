import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  type CreatePostInput,
  DomainError,
  type PostListQuery,
  type PostOpenedInput,
  type PostReach,
  type PostView,
  type PostsPage,
  type PushSubscriptionInput,
  type SubscribersQuery,
  type SubscribersSeries,
  type UpdatePostInput,
  alertDue,
  cursorCodec,
  editedPublishAt,
  hasRole,
  postStatus,
  publicationTime,
} from '@partagora/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { afterCommit } from '../../common/after-commit';
import { Clock } from '../../common/clock';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { JobsService } from '../../infra/queues/jobs.service';
import { JobName } from '../../infra/queues/queue-names';
import { MunicipalitiesService } from '../municipalities/municipalities.service';
import { TownStaffAccess } from '../municipalities/town-staff-access';
import { OutboxRepository } from '../outbox/outbox.repository';
import { OutboxService } from '../outbox/outbox.service';
import { UsersService } from '../users/users.service';
import { toPostView } from './post.mapper';
import { type PostRecord, PostsRepository } from './posts.repository';

/** Newest first on `(publish_at, id)`. */
const listCursor = cursorCodec(['instant', 'uuid']);

/** BullMQ job ids may not contain ':'. One job per alert and publication time. */
export const postAlertJobId = (postId: string, publishAt: Date) =>
  `post-alert-${postId}-${publishAt.getTime()}`;

const DAY_MS = 86_400_000;
/** Longest subscribers series (days). */
const SERIES_MAX_DAYS = 366;

const notFound = () => new DomainError('POST_NOT_FOUND', 'No such post');

/** Town news and alerts (DESIGN.md §4.1 "Town news"): staff write, everyone reads. */
@Injectable()
export class PostsService {
  private readonly logger = new Logger(PostsService.name);

  constructor(
    private readonly ds: DataSource,
    private readonly repo: PostsRepository,
    private readonly users: UsersService,
    private readonly municipalities: MunicipalitiesService,
    private readonly outboxRows: OutboxRepository,
    private readonly outbox: OutboxService,
    private readonly jobs: JobsService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly staff: TownStaffAccess,
  ) {}

  private async town(slug: string) {
    const town = await this.municipalities.findRef(slug);
    if (!town) throw new DomainError('MUNICIPALITY_NOT_FOUND', `No partner town "${slug}"`);
    return town;
  }

  private async isStaff(userId: string | null, slug: string): Promise<boolean> {
    return userId !== null && hasRole(await this.users.roles(userId), slug, 'staff');
  }

  /** The town's id when `userId` is its staff (or a platform admin); 404 / 403 otherwise. */
  private async staffTown(userId: string, slug: string): Promise<string> {
    return (await this.staff.staffTown(userId, slug, 'manage its posts')).id;
  }

  /**
   * A post the caller may manage. Someone who is not staff of its town gets 403 for a post
   * everyone can read, and 404 for one they may not even see (scheduled, unpublished).
   */
  private async managedPost(userId: string, id: string, manager?: EntityManager) {
    const post = await this.repo.find(id, manager, manager !== undefined);
    if (!post) throw notFound();
    if (!(await this.isStaff(userId, post.slug))) {
      if (postStatus(post, this.clock.now()) === 'published') {
        throw new DomainError('FORBIDDEN', "Only this town's staff can manage its posts");
      }
      throw notFound();
    }
    return post;
  }

  async create(userId: string, slug: string, input: CreatePostInput): Promise<PostView> {
    const townId = await this.staffTown(userId, slug);
    const now = this.clock.now();
    const publishAt = publicationTime(input.publishAt ? new Date(input.publishAt) : undefined, now);
    const id = await this.ds.transaction(async (m) => {
      const postId = await this.repo.insert(m, {
        municipalityId: townId,
        createdBy: userId,
        kind: input.kind,
        title: input.title,
        body: input.body,
        publishAt,
      });
      await this.afterWrite(m, postId, input.kind, publishAt, now);
      return postId;
    });
    return toPostView((await this.repo.find(id))!, now);
  }

  async update(userId: string, id: string, input: UpdatePostInput): Promise<PostView> {
    const now = this.clock.now();
    await this.ds.transaction(async (m) => {
      const post = await this.managedPost(userId, id, m);
      const publishAt = editedPublishAt(
        post,
        input.publishAt ? new Date(input.publishAt) : undefined,
        now,
      );
      await this.repo.update(m, id, { ...input, publishAt });
      await this.afterWrite(m, id, input.kind ?? post.kind, publishAt, now);
    });
    return toPostView((await this.repo.find(id))!, now);
  }

  async unpublish(userId: string, id: string): Promise<PostView> {
    const now = this.clock.now();
    await this.ds.transaction(async (m) => {
      await this.managedPost(userId, id, m);
      await this.repo.unpublish(m, id, now);
    });
    return toPostView((await this.repo.find(id))!, now);
  }

  /**
   * In a post's write transaction: an alert published now goes out with it (its outbox row in
   * this transaction); a scheduled one gets its delayed job after the commit (the sweep recreates
   * it if Redis is away).
   */
  private async afterWrite(
    m: EntityManager,
    postId: string,
    kind: PostRecord['kind'],
    publishAt: Date,
    now: Date,
  ): Promise<void> {
    if (kind !== 'alert') return;
    if (publishAt.getTime() <= now.getTime()) {
      await this.dispatchIn(m, postId, now);
      return;
    }
    afterCommit(m, () =>
      this.jobs
        .enqueueAt(
          JobName.PostAlert,
          { postId, dueAt: publishAt.toISOString() },
          postAlertJobId(postId, publishAt),
          publishAt,
          now,
        )
        .catch((err: Error) =>
          this.logger.warn(`alert ${postId} left for the sweep: ${err.message}`),
        ),
    );
  }

  /** Claims the alert and writes its outbox row in `m`; queued after the commit. */
  private async dispatchIn(m: EntityManager, postId: string, now: Date): Promise<boolean> {
    if (!(await this.repo.claimAlert(m, postId, now))) return false;
    const outboxId = await this.outboxRows.add(m, 'post.alert', { postId });
    afterCommit(m, () => this.outbox.publish([outboxId]));
    return true;
  }

  /**
   * The scheduled time of an alert came (its delayed job, or the sweep): it goes out, once, if it
   * is still a published alert that has not gone out.
   */
  async dispatchIfDue(postId: string): Promise<boolean> {
    const now = this.clock.now();
    return this.ds.transaction(async (m) => {
      const post = await this.repo.find(postId, m, true);
      if (!post || !alertDue(post, now)) return false;
      return this.dispatchIn(m, postId, now);
    });
  }

  /** Alerts due by `until` and not sent yet (the sweep). */
  pendingAlerts(until: Date) {
    return this.repo.pendingAlerts(until);
  }

  async list(slug: string, q: PostListQuery, userId: string | null): Promise<PostsPage> {
    const town = await this.town(slug);
    if (q.status !== 'published' && !(await this.isStaff(userId, slug))) {
      throw new DomainError('FORBIDDEN', "Only this town's staff can see posts not published");
    }
    const now = this.clock.now();
    const after = q.cursor ? listCursor.decode(q.cursor) : null;
    const rows = await this.repo.list(town.id, {
      status: q.status,
      kind: q.kind,
      now,
      limit: q.limit + 1,
      after: after ? { publishUs: after[0], id: after[1] } : null,
    });
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return {
      items: page.map((p) => toPostView(p, now)),
      nextCursor:
        rows.length > q.limit && last ? listCursor.encode([last.publishUs, last.id]) : null,
    };
  }

  /** Published posts for everyone; scheduled and unpublished ones for that town's staff only. */
  async get(id: string, userId: string | null): Promise<PostView> {
    const post = await this.repo.find(id);
    if (!post) throw notFound();
    const now = this.clock.now();
    if (postStatus(post, now) !== 'published' && !(await this.isStaff(userId, post.slug))) {
      throw notFound();
    }
    return toPostView(post, now);
  }

  /** Published posts of a town for the RSS feed (newest first). */
  async feed(slug: string, limit = 50): Promise<{ town: { slug: string }; posts: PostRecord[] }> {
    const town = await this.town(slug);
    const posts = await this.repo.list(town.id, {
      status: 'published',
      now: this.clock.now(),
      limit,
      after: null,
    });
    return { town: { slug: town.slug }, posts };
  }

  async reach(userId: string, id: string): Promise<PostReach> {
    const post = await this.managedPost(userId, id);
    const counts = await this.repo.reach(id);
    return { postId: id, ...counts, sentAt: post.alertDispatchedAt?.toISOString() ?? null };
  }

  /**
   * A read receipt: the delivery whose token the link carried, or the signed-in member's in-app
   * delivery; each counted once. Anything else (no token, a wrong one) is accepted and not counted.
   */
  async opened(id: string, input: PostOpenedInput, userId: string | null) {
    const post = await this.repo.find(id);
    if (!post || postStatus(post, this.clock.now()) !== 'published') throw notFound();
    let counted = false;
    if (input.token) counted = await this.repo.openByToken(id, input.token, input.via);
    if (!counted && userId) counted = await this.repo.openByMember(id, userId, input.via);
    return { counted };
  }

  async subscribe(slug: string, input: PushSubscriptionInput) {
    // Browsers' push services are HTTPS; plain HTTP is for a local push service (tests, dev).
    if (this.config.env === 'production' && !input.endpoint.startsWith('https://')) {
      throw new DomainError('VALIDATION_FAILED', 'A push endpoint must use HTTPS', [
        { path: 'endpoint', message: 'Expected an https: URL' },
      ]);
    }
    const town = await this.town(slug);
    const sub = await this.repo.upsertSubscription(town.id, {
      endpoint: input.endpoint,
      p256dh: input.keys.p256dh,
      auth: input.keys.auth,
    });
    return { id: sub.id, municipality: town.slug, createdAt: sub.createdAt.toISOString() };
  }

  /** Idempotent: an endpoint that was not subscribed answers the same. */
  async unsubscribe(slug: string, endpoint: string): Promise<void> {
    const town = await this.town(slug);
    await this.repo.removeSubscription(town.id, endpoint);
  }

  async subscribers(userId: string, slug: string, q: SubscribersQuery): Promise<SubscribersSeries> {
    const townId = await this.staffTown(userId, slug);
    const today = this.clock.now().toISOString().slice(0, 10);
    const to = q.to ?? today;
    const from = q.from ?? new Date(Date.parse(to) - 29 * DAY_MS).toISOString().slice(0, 10);
    const days = (Date.parse(to) - Date.parse(from)) / DAY_MS;
    if (!(days >= 0 && days < SERIES_MAX_DAYS)) {
      throw new DomainError('VALIDATION_FAILED', 'Choose a period of at most a year', [
        { path: 'from', message: `from must be before to, at most ${SERIES_MAX_DAYS} days` },
      ]);
    }
    return { from, to, items: await this.repo.subscribersSeries(townId, from, to) };
  }
}
