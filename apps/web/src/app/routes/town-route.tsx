import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { hasRole } from '@partagora/domain';
import { useSession } from '../../features/auth/api/auth.api';
import { useMunicipality } from '../../features/municipalities/api/municipalities.api';
import { AgendaList } from '../../features/events/components/agenda-list';
import { TownHome } from '../../features/municipalities/components/town-home';
import { AlertBanner } from '../../features/posts/components/alert-banner';
import { SubscribeAlertsButton } from '../../features/posts/components/subscribe-alerts-button';
import { TOWN_LINKS } from '../nav-links';

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

/** The town's agenda on its home page: the next few events, and the way to the full agenda. */
function TownAgendaSection({ slug }: { slug: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="town-agenda" className="town__agenda">
      <h2 id="town-agenda">{t('events.agendaTitle')}</h2>
      <AgendaList slug={slug} limit={3} paged={false} />
      <p>
        <Link to={`/t/${encodeURIComponent(slug)}/agenda`}>{t('events.fullAgenda')}</Link>
        {' · '}
        <Link to="/organisations/new">{t('organisations.registerCta')}</Link>
      </p>
    </section>
  );
}

function TownSections({ slug }: { slug: string }) {
  const { t } = useTranslation();
  if (TOWN_LINKS.length === 0) return null;
  return (
    <nav className="town-sections" aria-label={t('shell.townSections')}>
      <ul>
        {TOWN_LINKS.map((link) => (
          <li key={link.id}>
            <Link className="button button--secondary" to={link.to(slug)}>
              {link.label(t)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function TownRoute() {
  const { slug = '' } = useParams();
  const session = useSession();
  return (
    <div key={slug}>
      <AlertBanner slug={slug} />
      <TownHome
        slug={slug}
        signedIn={
          session.status === 'authenticated' ? true : session.status === 'anonymous' ? false : null
        }
        sections={
          <>
            <TownSections slug={slug} />
            <TownAgendaSection slug={slug} />
          </>
        }
      />
      <TownNewsCorner slug={slug} />
    </div>
  );
}
