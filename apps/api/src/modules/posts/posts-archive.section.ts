import { Injectable } from '@nestjs/common';
import { postStatus } from '@partagora/domain';
import { Clock } from '../../common/clock';
import {
  type ArchiveFile,
  type ArchiveTown,
  TownArchiveRegistry,
  TownArchiveSection,
  archiveCsv,
  archiveJson,
} from '../../common/town-archive/town-archive.registry';
import { PostsRepository } from './posts.repository';

const COLUMNS = [
  'id',
  'kind',
  'status',
  'title',
  'body',
  'author',
  'publish_at',
  'unpublished_at',
  'created_at',
  'updated_at',
  'sent_push',
  'sent_in_app',
  'sent_email',
  'delivered_push',
  'delivered_in_app',
  'delivered_email',
  'opened',
] as const;

/**
 * The town archive's `posts/`: every post of the town (published, scheduled, unpublished) with
 * its status, signed by the town hall (the staff member who wrote it is never named), and its
 * reach as counts only (no recipient).
 */
@Injectable()
export class PostsArchiveSection extends TownArchiveSection {
  readonly name = 'posts';

  constructor(
    registry: TownArchiveRegistry,
    private readonly repo: PostsRepository,
    private readonly clock: Clock,
  ) {
    super(registry);
  }

  async files(town: ArchiveTown): Promise<ArchiveFile[]> {
    const now = this.clock.now();
    const posts = await this.repo.allOfTown(town.id);
    const items = [];
    for (const p of posts) {
      const reach = await this.repo.reach(p.id);
      items.push({
        id: p.id,
        kind: p.kind,
        status: postStatus(p, now),
        title: p.title,
        body: p.body,
        author: { type: 'organisation', id: p.authorId, name: p.authorName },
        publishAt: p.publishAt.toISOString(),
        unpublishedAt: p.unpublishedAt?.toISOString() ?? null,
        createdAt: p.createdAt.toISOString(),
        updatedAt: p.updatedAt.toISOString(),
        reach: {
          sent: reach.sent,
          delivered: reach.delivered,
          opened: reach.opened,
        },
      });
    }
    return [
      archiveJson('posts.json', items),
      archiveCsv(
        'posts.csv',
        COLUMNS,
        items.map((p) => [
          p.id,
          p.kind,
          p.status,
          p.title,
          p.body,
          p.author.name,
          p.publishAt,
          p.unpublishedAt,
          p.createdAt,
          p.updatedAt,
          p.reach.sent.push,
          p.reach.sent.inApp,
          p.reach.sent.email,
          p.reach.delivered.push,
          p.reach.delivered.inApp,
          p.reach.delivered.email,
          p.reach.opened,
        ]),
      ),
    ];
  }
}
