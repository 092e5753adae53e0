import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Circle } from 'react-leaflet';
import type { ListingView } from '@partagora/domain';
import { BaseMap } from '../../../components/map/base-map';
import { ApiErrorAlert } from '../../../components/ui/api-error-alert';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { StatusMessage } from '../../../components/ui/status-message';
import { useDocumentTitle } from '../../../components/ui/use-document-title';
import { useDeleteListing, useListing, useUpdateListing } from '../api/listings.api';
import { ListingGallery, ListingPhotosEditor } from './listing-photos';

/** Metres: the drawn uncertainty around the public point (the real offset is 150–400 m). */
const APPROX_RADIUS_M = 250;

function OwnerActions({ listing, onDeleted }: { listing: ListingView; onDeleted: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateListing(listing.id);
  const remove = useDeleteListing(listing.id);
  const [confirming, setConfirming] = useState(false);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const canToggle = listing.status === 'available' || listing.status === 'paused';
  const error = update.error ?? remove.error;
  return (
    <section className="owner-actions" aria-label={t('listing.ownerActions')}>
      <h2>{t('listing.ownerActions')}</h2>
      {error ? <ApiErrorAlert error={error} /> : null}
      <div className="actions">
        <Link
          className="button button--secondary"
          to={`/listings/${encodeURIComponent(listing.id)}/edit`}
        >
          {t('listing.edit')}
        </Link>
        {canToggle ? (
          <button
            type="button"
            className="button button--secondary"
            disabled={update.isPending}
            onClick={() =>
              update.mutate({ status: listing.status === 'available' ? 'paused' : 'available' })
            }
          >
            {listing.status === 'available' ? t('listing.pause') : t('listing.resume')}
          </button>
        ) : null}
        <button
          ref={deleteButton}
          type="button"
          className="button button--danger"
          disabled={remove.isPending}
          onClick={() => setConfirming(true)}
        >
          {remove.isPending ? t('listing.deleting') : t('listing.delete')}
        </button>
      </div>
      {confirming ? (
        <ConfirmDialog
          title={t('listing.delete')}
          confirmLabel={t('listing.delete')}
          cancelLabel={t('common.cancel')}
          danger
          busy={remove.isPending}
          onCancel={() => setConfirming(false)}
          onConfirm={() =>
            remove.mutate(undefined, {
              onSuccess: onDeleted,
              onSettled: () => setConfirming(false),
            })
          }
        >
          <p>{t('listing.deleteConfirm')}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}

export interface ListingDetailProps {
  id: string;
  /** The signed-in user's id: the owner gets edit/delete. */
  viewerId: string;
  onDeleted: () => void;
  /** What someone else may do with the listing (request it, ask a question): composed by the app. */
  renderViewerActions?: (listing: ListingView) => ReactNode;
}

export function ListingDetail({
  id,
  viewerId,
  onDeleted,
  renderViewerActions,
}: ListingDetailProps) {
  const { t, i18n } = useTranslation();
  const query = useListing(id);
  useDocumentTitle(query.data?.title);
  if (query.isPending) return <StatusMessage>{t('listing.loading')}</StatusMessage>;
  if (query.isError)
    return <ApiErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const listing = query.data;
  const { loanSettings } = listing;
  const created = new Date(listing.createdAt);
  const published = Number.isNaN(created.getTime())
    ? null
    : new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' }).format(created);
  return (
    <article className="listing-detail">
      <p>
        <Link to="/listings">{t('listing.backToList')}</Link>
      </p>
      <h1>{listing.title}</h1>
      <ListingGallery listing={listing} />
      <dl className="facts">
        <div>
          <dt>{t('listing.kind')}</dt>
          <dd>
            <span className={`badge badge--${listing.kind}`}>{t(`kinds.${listing.kind}`)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('listing.category')}</dt>
          <dd>{t(`categories.${listing.category}`)}</dd>
        </div>
        <div>
          <dt>{t('listing.condition')}</dt>
          <dd>
            {listing.condition
              ? t(`conditions.${listing.condition}`)
              : t('listing.conditionUnknown')}
          </dd>
        </div>
        <div>
          <dt>{t('listing.status')}</dt>
          <dd>{t(`statuses.${listing.status}`)}</dd>
        </div>
      </dl>
      <p>
        {listing.owner.type === 'organisation' ? (
          // A tool-library item: the organisation has no member profile; its library lists it.
          <Link to={`/t/${encodeURIComponent(listing.municipality)}/library`}>
            {t('listing.owner', { name: listing.owner.displayName })}
          </Link>
        ) : (
          <Link to={`/users/${encodeURIComponent(listing.owner.id)}`}>
            {t('listing.owner', { name: listing.owner.displayName })}
          </Link>
        )}
      </p>
      {published ? (
        <p className="card__meta">{t('listing.published', { date: published })}</p>
      ) : null}
      <section>
        <h2>{t('listing.description')}</h2>
        <p className="listing-detail__description">
          {listing.description || t('listing.noDescription')}
        </p>
      </section>
      {listing.kind === 'lend' && loanSettings ? (
        <section>
          <h2>{t('listing.loanHeading')}</h2>
          <ul>
            <li>{t('listing.maxDays', { count: loanSettings.maxDays })}</li>
            <li>{t('listing.bufferHours', { count: loanSettings.bufferHours })}</li>
            {loanSettings.depositNote ? (
              <li>{t('listing.deposit', { note: loanSettings.depositNote })}</li>
            ) : null}
            <li>{loanSettings.autoAccept ? t('listing.autoAccept') : t('listing.manualAccept')}</li>
          </ul>
        </section>
      ) : null}
      {listing.kind === 'barter' && listing.barterWishes ? (
        <section>
          <h2>{t('listing.barterHeading')}</h2>
          <p>{listing.barterWishes}</p>
        </section>
      ) : null}
      <section>
        <h2>{t('listing.locationHeading')}</h2>
        <p>{t('listing.locationNote')}</p>
        <BaseMap
          center={listing.approxLocation}
          zoom={15}
          label={t('listing.mapLabel')}
          className="map--small"
        >
          <Circle
            center={listing.approxLocation}
            radius={APPROX_RADIUS_M}
            pathOptions={{ color: '#1f5f3f', weight: 2, dashArray: '4 4', fillOpacity: 0.15 }}
          />
        </BaseMap>
      </section>
      {listing.owner.id === viewerId ? (
        <>
          <ListingPhotosEditor listing={listing} />
          <OwnerActions listing={listing} onDeleted={onDeleted} />
        </>
      ) : (
        renderViewerActions?.(listing)
      )}
    </article>
  );
}
