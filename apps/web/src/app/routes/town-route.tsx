import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { AgendaList } from '../../features/events/components/agenda-list';
import { TownHome } from '../../features/municipalities/components/town-home';

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

export function TownRoute() {
  const { slug = '' } = useParams();
  return (
    <TownHome key={slug} slug={slug}>
      <TownAgendaSection slug={slug} />
    </TownHome>
  );
}
