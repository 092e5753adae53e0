import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useDocumentTitle } from '../../components/ui/use-document-title';
import { apiUrl } from '../../features/events/api/events.api';
import { AgendaList } from '../../features/events/components/agenda-list';

/** `/t/:slug/agenda`: the town's public agenda (and nearby partner towns'), with its iCal feed. */
export function AgendaRoute() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  useDocumentTitle(t('events.agendaTitle'));
  return (
    <div className="narrow">
      <h1>{t('events.agendaTitle')}</h1>
      <p>
        <a href={apiUrl(`/api/v1/municipalities/${encodeURIComponent(slug)}/events.ics`)}>
          {t('events.subscribeFeed')}
        </a>
        {' · '}
        <Link to={`/t/${encodeURIComponent(slug)}`}>{t('events.backToTown')}</Link>
      </p>
      <AgendaList key={slug} slug={slug} />
    </div>
  );
}
