import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { hasRole } from '@partagora/domain';
import { StatusMessage } from '../../components/ui/status-message';
import { useDocumentTitle } from '../../components/ui/use-document-title';
import { AgendaList } from '../../features/events/components/agenda-list';
import { EventForm, type OrganiserOption } from '../../features/events/components/event-form';
import { useMunicipality } from '../../features/municipalities/api/municipalities.api';
import { useMyOrganisations } from '../../features/organisations/api/organisations.api';
import { useSignedInUser } from '../require-auth';

/**
 * `/staff/events?town=<slug>&organisation=<id>`: publish an event, for the town hall (the town's
 * staff) or for a verified organisation the member administers; and the town's agenda below.
 */
export function StaffEventsRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('events.console.title'));
  const me = useSignedInUser();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const mine = useMyOrganisations();
  const slug = params.get('town') ?? me.municipality;
  const town = useMunicipality(slug);
  const isStaff = hasRole(me.roles, slug, 'staff');
  const wanted = params.get('organisation');
  const orgs: OrganiserOption[] = (mine.data?.items ?? [])
    .filter(
      (o) =>
        o.municipality.slug === slug &&
        o.myRole === 'admin' &&
        o.status === 'verified' &&
        o.kind !== 'town_hall',
    )
    .map((o) => ({ value: o.id, label: o.name }));
  const options: OrganiserOption[] = [
    ...(isStaff ? [{ value: '', label: t('events.console.townHall') }] : []),
    ...orgs,
  ].sort((a, b) => (a.value === wanted ? -1 : b.value === wanted ? 1 : 0));

  if (mine.isPending || town.isPending) return <StatusMessage>{t('common.loading')}</StatusMessage>;
  return (
    <div className="narrow">
      <h1>{t('events.console.title')}</h1>
      {options.length === 0 || !town.data ? (
        <p className="alert alert--error">{t('events.console.noRights')}</p>
      ) : (
        <>
          <h2>{t('events.console.new')}</h2>
          <EventForm
            key={`${slug}-${wanted ?? ''}`}
            slug={slug}
            organisers={options}
            defaultLocation={town.data.centre}
            onCreated={(e) => void navigate(`/events/${e.id}`)}
          />
          <h2>{t('events.console.agenda')}</h2>
          <AgendaList slug={slug} />
        </>
      )}
    </div>
  );
}
