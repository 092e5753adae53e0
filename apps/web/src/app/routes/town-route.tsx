import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../features/auth/api/auth.api';
import { TownHome } from '../../features/municipalities/components/town-home';
import { TOWN_LINKS } from '../nav-links';

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
    <TownHome
      key={slug}
      slug={slug}
      signedIn={
        session.status === 'authenticated' ? true : session.status === 'anonymous' ? false : null
      }
      sections={<TownSections slug={slug} />}
    />
  );
}
