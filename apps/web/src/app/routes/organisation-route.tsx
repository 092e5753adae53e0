import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { AgendaList } from '../../features/events/components/agenda-list';
import { useOrganisation } from '../../features/organisations/api/organisations.api';
import { OrganisationDetails } from '../../features/organisations/components/organisation-details';

/** `/organisations/:id`: public page, then the organisation's upcoming events. */
export function OrganisationRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const org = useOrganisation(id);
  return (
    <div className="narrow">
      <OrganisationDetails key={id} id={id} />
      {org.data ? (
        <section aria-labelledby="org-events">
          <h2 id="org-events">{t('organisations.upcomingEvents')}</h2>
          <AgendaList slug={org.data.municipality.slug} organisationId={id} />
        </section>
      ) : null}
    </div>
  );
}
