import { Suspense, lazy, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PostView } from '@partagora/domain';
import { ApiErrorAlert } from '../../../components/ui/api-error-alert';
import { Dialog } from '../../../components/ui/dialog';
import { Disclosure } from '../../../components/ui/disclosure';
import { StatusMessage } from '../../../components/ui/status-message';
import { formatDateTime } from '../../../lib/dates';
import {
  useCreatePost,
  usePosts,
  useSubscribers,
  useUnpublishPost,
  useUpdatePost,
} from '../api/posts.api';
import { PostForm } from './post-form';
import { PostKindBadge } from './post-list';
import { PostReachFigures } from './post-reach-figures';

// uPlot only for staff, only once the chart shows.
const SubscribersChart = lazy(() => import('./subscribers-chart'));

function Subscribers({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const series = useSubscribers(slug);
  if (series.isPending) return <StatusMessage>{t('common.loading')}</StatusMessage>;
  if (series.isError) {
    return <ApiErrorAlert error={series.error} onRetry={() => void series.refetch()} />;
  }
  const last = series.data.items[series.data.items.length - 1];
  return (
    <>
      <Suspense fallback={<StatusMessage>{t('posts.staff.chartLoading')}</StatusMessage>}>
        <SubscribersChart series={series.data} />
      </Suspense>
      {last ? (
        <p>
          {t('posts.staff.subscribersToday', {
            push: last.push,
            inApp: last.inApp,
            email: last.email,
          })}
        </p>
      ) : null}
    </>
  );
}

/** The staff console of a town's news: publish or schedule, edit, unpublish, reach, subscribers. */
export function StaffPostsConsole({ slug }: { slug: string }) {
  const { t, i18n } = useTranslation();
  const posts = usePosts(slug, { status: 'all', limit: 50 });
  const create = useCreatePost(slug);
  const update = useUpdatePost(slug);
  const unpublish = useUnpublishPost(slug);
  const [editing, setEditing] = useState<PostView | null>(null);
  const [confirming, setConfirming] = useState<PostView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);

  const items = posts.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <div role="status" aria-live="polite">
        {notice ? <p className="alert alert--success">{notice}</p> : null}
      </div>
      <section aria-labelledby="posts-new">
        <h2 id="posts-new">{t('posts.staff.newTitle')}</h2>
        <PostForm
          key={formKey}
          submitLabel={t('posts.staff.publish')}
          onSubmit={async (values) => {
            const post = await create.mutateAsync(values);
            setNotice(
              post.status === 'scheduled'
                ? t('posts.staff.scheduledOk', {
                    date: formatDateTime(i18n.language, post.publishedAt),
                  })
                : t('posts.staff.publishedOk'),
            );
            setFormKey((k) => k + 1);
          }}
        />
      </section>
      <section aria-labelledby="posts-list">
        <h2 id="posts-list">{t('posts.staff.listTitle')}</h2>
        {posts.isPending ? <StatusMessage>{t('common.loading')}</StatusMessage> : null}
        {posts.isError ? (
          <ApiErrorAlert error={posts.error} onRetry={() => void posts.refetch()} />
        ) : null}
        {posts.isSuccess && items.length === 0 ? <p>{t('posts.staff.empty')}</p> : null}
        <ul className="staff-posts">
          {items.map((p) => (
            <li key={p.id} className="staff-posts__item">
              <h3>{p.title}</h3>
              <p>
                <PostKindBadge kind={p.kind} />{' '}
                <span className={`status status--${p.status}`}>
                  {t(`posts.status.${p.status}`)}
                </span>{' '}
                <time dateTime={p.publishedAt}>{formatDateTime(i18n.language, p.publishedAt)}</time>
              </p>
              <div className="actions">
                {p.status !== 'unpublished' ? (
                  <>
                    <button
                      type="button"
                      className="button button--secondary"
                      onClick={() => setEditing(p)}
                    >
                      {t('posts.staff.edit')}
                      <span className="visually-hidden"> « {p.title} »</span>
                    </button>
                    <button
                      type="button"
                      className="button button--danger"
                      onClick={() => setConfirming(p)}
                    >
                      {t('posts.staff.unpublish')}
                      <span className="visually-hidden"> « {p.title} »</span>
                    </button>
                  </>
                ) : null}
              </div>
              {p.kind === 'alert' && p.status !== 'scheduled' ? (
                <Disclosure label={t('posts.staff.reachTitle', { title: p.title })}>
                  <PostReachFigures postId={p.id} />
                </Disclosure>
              ) : null}
            </li>
          ))}
        </ul>
        {posts.hasNextPage ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void posts.fetchNextPage()}
          >
            {t('posts.more')}
          </button>
        ) : null}
      </section>
      <section aria-labelledby="posts-subscribers">
        <h2 id="posts-subscribers">{t('posts.staff.subscribersTitle')}</h2>
        <Subscribers slug={slug} />
      </section>
      {editing ? (
        <Dialog title={t('posts.staff.editTitle')} onClose={() => setEditing(null)}>
          <PostForm
            initial={editing}
            submitLabel={t('posts.staff.save')}
            onSubmit={async (values) => {
              const { publishAt: _publishAt, ...rest } = values;
              await update.mutateAsync({
                id: editing.id,
                input: editing.status === 'scheduled' ? values : rest,
              });
              setEditing(null);
              setNotice(t('posts.staff.savedOk'));
            }}
          />
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setEditing(null)}
          >
            {t('posts.staff.cancel')}
          </button>
        </Dialog>
      ) : null}
      {confirming ? (
        <Dialog
          role="alertdialog"
          title={t('posts.staff.unpublishTitle')}
          description={t('posts.staff.unpublishText', { title: confirming.title })}
          onClose={() => setConfirming(null)}
          actions={
            <>
              <button
                type="button"
                className="button button--danger"
                disabled={unpublish.isPending}
                aria-busy={unpublish.isPending}
                onClick={() =>
                  void unpublish.mutateAsync(confirming.id).then(
                    () => {
                      setConfirming(null);
                      setNotice(t('posts.staff.unpublishedOk'));
                    },
                    () => undefined,
                  )
                }
              >
                {t('posts.staff.unpublish')}
              </button>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => setConfirming(null)}
              >
                {t('posts.staff.cancel')}
              </button>
            </>
          }
        >
          {unpublish.isError ? <ApiErrorAlert error={unpublish.error} /> : null}
        </Dialog>
      ) : null}
    </>
  );
}
