import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { hasRole } from '@partagora/domain';
import { useSession } from '../../features/auth/api/auth.api';
import { useMunicipality } from '../../features/municipalities/api/municipalities.api';
import { TownHome } from '../../features/municipalities/components/town-home';
import { AlertBanner } from '../../features/posts/components/alert-banner';
import { SubscribeAlertsButton } from '../../features/posts/components/subscribe-alerts-button';

/** The town's alert banner, its home, then its news and the "receive the alerts" button. */
function TownNewsCorner({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const town = useMunicipality(slug);
  const session = useSession();
  const staff = session.status === 'authenticated' && hasRole(session.me.roles, slug, 'staff');
  if (!town.isSuccess) return null;
  return (
    <section aria-labelledby="town-news" className="town-news">
      <h2 id="town-news">{t('posts.newsTitle')}</h2>
      <SubscribeAlertsButton slug={slug} townName={town.data.name} />
      <p>
        <Link to={`/t/${encodeURIComponent(slug)}/posts`}>{t('posts.newsLink')}</Link>
        {staff ? (
          <>
            {' · '}
            <Link to={`/t/${encodeURIComponent(slug)}/staff/posts`}>
              {t('posts.staff.consoleLink')}
            </Link>
          </>
        ) : null}
      </p>
    </section>
  );
}

export function TownRoute() {
  const { slug = '' } = useParams();
  return (
    <div key={slug}>
      <AlertBanner slug={slug} />
      <TownHome slug={slug} />
      <TownNewsCorner slug={slug} />
    </div>
  );
}
