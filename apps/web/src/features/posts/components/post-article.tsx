import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { POST_OPEN_VIAS, type PostOpenVia } from '@partagora/domain';
import { ApiErrorAlert } from '../../../components/ui/api-error-alert';
import { StatusMessage } from '../../../components/ui/status-message';
import { useDocumentTitle } from '../../../components/ui/use-document-title';
import { formatDateTime } from '../../../lib/dates';
import { sendPostOpened, usePost } from '../api/posts.api';
import { PostKindBadge } from './post-list';

const isVia = (v: string | null): v is PostOpenVia =>
  v !== null && (POST_OPEN_VIAS as readonly string[]).includes(v);

/**
 * A post's page (public). Once shown it sends its read receipt, once: where it was opened from
 * (`?via=push|email|list`, else `web`) and the token of the link that brought the reader.
 */
export function PostArticle({ slug, id }: { slug: string; id: string }) {
  const { t, i18n } = useTranslation();
  const post = usePost(id);
  const [params] = useSearchParams();
  const sent = useRef(false);
  useDocumentTitle(post.data?.title);
  const loaded = post.isSuccess;

  useEffect(() => {
    if (!loaded || sent.current) return;
    sent.current = true;
    const via = params.get('via');
    const token = params.get('r') ?? undefined;
    // A receipt that does not arrive costs a figure, never the page.
    sendPostOpened(id, isVia(via) ? via : 'web', token).catch(() => undefined);
  }, [loaded, id, params]);

  const back = (
    <p>
      <Link to={`/t/${encodeURIComponent(slug)}/posts`}>{t('posts.backToNews')}</Link>
    </p>
  );
  if (post.isPending) return <StatusMessage>{t('common.loading')}</StatusMessage>;
  if (post.isError) {
    return (
      <>
        <ApiErrorAlert error={post.error} onRetry={() => void post.refetch()} />
        {back}
      </>
    );
  }
  const p = post.data;
  return (
    <article className={`post post--${p.kind}`} aria-labelledby="post-title">
      <header>
        <p>
          <PostKindBadge kind={p.kind} />
        </p>
        <h1 id="post-title">{p.title}</h1>
        <p className="post__meta">
          {t('posts.by', { name: p.author.name })} ·{' '}
          <time dateTime={p.publishedAt}>
            {t('posts.publishedOn', { date: formatDateTime(i18n.language, p.publishedAt) })}
          </time>
        </p>
      </header>
      {p.body.split(/\n{2,}/).map((para, i) => (
        <p key={i} className="post__body">
          {para}
        </p>
      ))}
      {back}
    </article>
  );
}
