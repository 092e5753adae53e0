import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../../components/ui/api-error-alert';
import { StatusMessage } from '../../../components/ui/status-message';
import { useDocumentTitle } from '../../../components/ui/use-document-title';
import { apiBaseRelative } from '../lib/urls';
import { useOrganisation, useUploadLogo } from '../api/organisations.api';
import { OpeningHoursView } from './opening-hours-view';

/** An organisation's public page; its admins also get the logo upload and "publish an event". */
export function OrganisationDetails({ id }: { id: string }) {
  const { t } = useTranslation();
  const org = useOrganisation(id);
  const upload = useUploadLogo(id);
  const [file, setFile] = useState<File | null>(null);
  useDocumentTitle(org.data?.name);
  if (org.isPending) return <StatusMessage>{t('common.loading')}</StatusMessage>;
  if (org.isError) return <ApiErrorAlert error={org.error} onRetry={() => void org.refetch()} />;
  const o = org.data;
  const isAdmin = o.myRole === 'admin';
  return (
    <article className="organisation">
      <header className="organisation__header">
        {o.logo ? (
          <img
            className="organisation__logo"
            src={apiBaseRelative(o.logo.thumbnailUrl)}
            alt={t('organisations.logoAlt', { name: o.name })}
            width={96}
            height={96}
          />
        ) : null}
        <h1>{o.name}</h1>
        <p>
          {t(`organisations.kinds.${o.kind}`)} · {o.municipality.name}
        </p>
        {o.status === 'pending' ? (
          <p className="badge badge--pending">{t('organisations.pendingBadge')}</p>
        ) : (
          <p className="badge">{t('organisations.verifiedBadge')}</p>
        )}
        {o.handoverPoint ? <p className="badge">{t('organisations.handoverPoint')}</p> : null}
      </header>
      <h2>{t('organisations.address')}</h2>
      <p>{o.address}</p>
      {o.description ? <p className="organisation__description">{o.description}</p> : null}
      {o.openingHours ? (
        <>
          <h2>{t('organisations.hours.title')}</h2>
          <OpeningHoursView hours={o.openingHours} />
        </>
      ) : null}
      {isAdmin ? (
        <section aria-labelledby="org-admin">
          <h2 id="org-admin">{t('organisations.admin.title')}</h2>
          {o.status === 'verified' ? (
            <p>
              <Link
                className="button button--primary"
                to={`/staff/events?town=${encodeURIComponent(o.municipality.slug)}&organisation=${o.id}`}
              >
                {t('organisations.admin.publishEvent')}
              </Link>
            </p>
          ) : (
            <p>{t('organisations.admin.waitingVerification')}</p>
          )}
          <form
            className="form"
            onSubmit={(e) => {
              e.preventDefault();
              if (file) upload.mutate(file);
            }}
          >
            {upload.error ? <ApiErrorAlert error={upload.error} /> : null}
            <div className="field">
              <label htmlFor="org-logo">{t('organisations.admin.logo')}</label>
              <input
                id="org-logo"
                type="file"
                accept="image/jpeg,image/png,image/webp,image/heic"
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              />
            </div>
            <button
              type="submit"
              className="button button--secondary"
              disabled={!file || upload.isPending}
              aria-busy={upload.isPending}
            >
              {t('organisations.admin.uploadLogo')}
            </button>
            {upload.isSuccess ? <p role="status">{t('organisations.admin.logoDone')}</p> : null}
          </form>
        </section>
      ) : null}
    </article>
  );
}
