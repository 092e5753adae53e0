import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Initiative } from '@partagora/domain';
import type { LatLng } from '@partagora/geo';
import { BaseMap } from '../../../components/map/base-map';
import { ApiErrorAlert } from '../../../components/ui/api-error-alert';
import { StatusMessage } from '../../../components/ui/status-message';
import { useDeleteInitiative, useInitiatives } from '../api/initiatives.api';
import { InitiativesLayer } from '../map/initiatives-layer';
import { InitiativeForm } from './initiative-form';
import { InitiativesList } from './initiatives-list';

export interface InitiativesPageProps {
  slug: string;
  townName: string;
  centre: LatLng;
  /** Staff of this town: add, edit and remove. */
  canEdit: boolean;
  /** Extra map layers composed by the route (the town boundary). */
  mapLayers?: ReactNode;
}

/** A town's collaborative places and projects: a map layer and a list, public. */
export function InitiativesPage({
  slug,
  townName,
  centre,
  canEdit,
  mapLayers,
}: InitiativesPageProps) {
  const { t } = useTranslation();
  const initiatives = useInitiatives(slug);
  const remove = useDeleteInitiative(slug);
  const [editing, setEditing] = useState<Initiative | 'new' | null>(null);
  const [confirming, setConfirming] = useState<Initiative | null>(null);
  const [removed, setRemoved] = useState<string | null>(null);
  return (
    <article className="initiatives">
      <header>
        <h1>{t('townData.initiatives.title', { town: townName })}</h1>
        <p>{t('townData.initiatives.intro')}</p>
      </header>
      {initiatives.isPending ? <StatusMessage>{t('common.loading')}</StatusMessage> : null}
      {initiatives.isError ? (
        <ApiErrorAlert error={initiatives.error} onRetry={() => void initiatives.refetch()} />
      ) : null}
      <BaseMap center={centre} zoom={13} label={t('townData.initiatives.map', { town: townName })}>
        {mapLayers}
        <InitiativesLayer items={initiatives.data ?? []} />
      </BaseMap>
      {canEdit && editing === null ? (
        <div className="actions">
          <button
            type="button"
            className="button button--primary"
            onClick={() => setEditing('new')}
          >
            {t('townData.initiatives.addTitle')}
          </button>
        </div>
      ) : null}
      {canEdit && editing !== null ? (
        <InitiativeForm
          key={editing === 'new' ? 'new' : editing.id}
          slug={slug}
          centre={centre}
          initiative={editing === 'new' ? undefined : editing}
          onDone={() => setEditing(null)}
        />
      ) : null}
      {confirming ? (
        <div
          className="alert"
          role="alertdialog"
          aria-label={t('townData.initiatives.confirmRemove', { name: confirming.name })}
        >
          <p>{t('townData.initiatives.confirmRemove', { name: confirming.name })}</p>
          {remove.isError ? <ApiErrorAlert error={remove.error} /> : null}
          <div className="actions">
            <button
              type="button"
              className="button button--danger"
              disabled={remove.isPending}
              onClick={() =>
                remove.mutate(confirming.id, {
                  onSuccess: () => {
                    setRemoved(confirming.name);
                    setConfirming(null);
                  },
                })
              }
            >
              {t('townData.initiatives.confirm')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setConfirming(null)}
            >
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      <p role="status" className="status-message">
        {removed ? t('townData.initiatives.removed', { name: removed }) : ''}
      </p>
      {initiatives.data ? (
        <InitiativesList
          items={initiatives.data}
          onEdit={canEdit ? (i) => setEditing(i) : undefined}
          onRemove={canEdit ? (i) => setConfirming(i) : undefined}
        />
      ) : null}
    </article>
  );
}
