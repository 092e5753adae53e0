import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useDocumentTitle } from '../../components/ui/use-document-title';
import { useMunicipality } from '../../features/municipalities/api/municipalities.api';
import { AlertBanner } from '../../features/posts/components/alert-banner';
import { PostList } from '../../features/posts/components/post-list';
import { SubscribeAlertsButton } from '../../features/posts/components/subscribe-alerts-button';

/** `/t/:slug/posts`: the town hall's news, public. */
export function TownPostsRoute() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const town = useMunicipality(slug);
  const name = town.data?.name ?? slug;
  useDocumentTitle(`${t('posts.newsTitle')} — ${name}`);
  return (
    <div className="narrow" key={slug}>
      <AlertBanner slug={slug} />
      <h1>{t('posts.newsTitle')}</h1>
      <p>{t('posts.newsIntro', { town: name })}</p>
      {town.isSuccess ? <SubscribeAlertsButton slug={slug} townName={name} /> : null}
      <PostList slug={slug} />
      <p>
        <a href={`/api/v1/municipalities/${encodeURIComponent(slug)}/posts.rss`}>
          {t('posts.rss')}
        </a>
        {' · '}
        <Link to={`/t/${encodeURIComponent(slug)}`}>{t('posts.backToTown')}</Link>
      </p>
    </div>
  );
}
