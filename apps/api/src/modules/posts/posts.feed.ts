import { Inject, Injectable } from '@nestjs/common';
import { postPath } from '@partagora/domain';
import { Feed } from 'feed';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { MunicipalitiesService } from '../municipalities/municipalities.service';
import { PostsService } from './posts.service';

const KIND_LABEL = {
  news: 'Actualité',
  announcement: 'Annonce',
  works: 'Travaux',
  alert: 'Alerte',
} as const;

/** The RSS 2.0 feed of a town's published posts (`feed` writes and escapes the XML). */
@Injectable()
export class PostsFeed {
  constructor(
    private readonly posts: PostsService,
    private readonly municipalities: MunicipalitiesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async rss(slug: string): Promise<string> {
    const town = await this.municipalities.get(slug);
    const { posts } = await this.posts.feed(slug);
    const base = this.config.publicUrl;
    const townLink = `${base}/t/${encodeURIComponent(town.slug)}`;
    const feed = new Feed({
      title: `${town.name} — actualités de la mairie`,
      description: `Les actualités, annonces, travaux et alertes de la mairie de ${town.name} sur Partagora.`,
      id: `${townLink}/posts`,
      link: `${townLink}/posts`,
      language: 'fr',
      copyright: `Mairie de ${town.name}`,
      updated: posts[0]?.publishAt ?? new Date(0),
      generator: 'Partagora',
      feedLinks: {
        rss: `${base}/api/v1/municipalities/${encodeURIComponent(town.slug)}/posts.rss`,
      },
    });
    for (const p of posts) {
      const link = `${base}${postPath(p.slug, p.id)}`;
      feed.addItem({
        title: p.kind === 'news' ? p.title : `[${KIND_LABEL[p.kind]}] ${p.title}`,
        id: `urn:uuid:${p.id}`,
        guid: `urn:uuid:${p.id}`,
        link,
        description: p.body,
        date: p.publishAt,
        category: [{ name: KIND_LABEL[p.kind], term: p.kind }],
        author: [{ name: p.authorName }],
      });
    }
    return feed.rss2();
  }
}
