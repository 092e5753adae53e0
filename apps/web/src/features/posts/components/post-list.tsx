import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PostView } from '@partagora/domain';
import { ApiErrorAlert } from '../../../components/ui/api-error-alert';
import { StatusMessage } from '../../../components/ui/status-message';
import { formatDateTime } from '../../../lib/dates';
import { usePosts } from '../api/posts.api';

/** A post's kind as a word (never by colour alone). */
export function PostKindBadge({ kind }: { kind: PostView['kind'] }) {
  const { t } = useTranslation();
  return <span className={`badge badge--post-${kind}`}>{t(`posts.kinds.${kind}`)}</span>;
}

/** The first words of a post, on one line. */
export function excerpt(body: string, max = 200): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** A town's published news, newest first, a page at a time. Public. */
export function PostList({ slug, limit = 10 }: { slug: string; limit?: number }) {
  const { t, i18n } = useTranslation();
  const posts = usePosts(slug, { limit });
  if (posts.isPending) return <StatusMessage>{t('common.loading')}</StatusMessage>;
  if (posts.isError) {
    return <ApiErrorAlert error={posts.error} onRetry={() => void posts.refetch()} />;
  }
  const items = posts.data.pages.flatMap((p) => p.items);
  if (items.length === 0) return <p>{t('posts.empty')}</p>;
  return (
    <>
      <ul className="post-list">
        {items.map((p) => (
          <li key={p.id} className="post-list__item">
            <article aria-labelledby={`post-${p.id}`}>
              <h3 id={`post-${p.id}`}>
                <Link to={`/t/${encodeURIComponent(slug)}/posts/${encodeURIComponent(p.id)}`}>
                  {p.title}
                </Link>
              </h3>
              <p className="post-list__meta">
                <PostKindBadge kind={p.kind} />{' '}
                <time dateTime={p.publishedAt}>
                  {t('posts.publishedOn', { date: formatDateTime(i18n.language, p.publishedAt) })}
                </time>
              </p>
              <p>{excerpt(p.body)}</p>
            </article>
          </li>
        ))}
      </ul>
      {posts.hasNextPage ? (
        <button
          type="button"
          className="button button--secondary"
          disabled={posts.isFetchingNextPage}
          aria-busy={posts.isFetchingNextPage}
          onClick={() => void posts.fetchNextPage()}
        >
          {t('posts.more')}
        </button>
      ) : null}
    </>
  );
}
