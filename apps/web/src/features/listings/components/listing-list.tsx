import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LatLng } from '@partagora/geo';
import { ApiErrorAlert } from '../../../components/ui/api-error-alert';
import { StatusMessage } from '../../../components/ui/status-message';
import { useListingSearch, type ListingFilters } from '../api/listings.api';
import { ListingCard } from './listing-card';

export interface ListingListProps {
  centre: LatLng;
  /** Metres. */
  radius: number;
  filters: ListingFilters;
  highlightedId: string | null;
  /** Chosen on the map: scrolled into view and focused. */
  selectedId: string | null;
  onHighlight: (id: string | null) => void;
  /** "Retry" after an error: the explorer retries the map with the list. */
  onRetry?: () => void;
}

/** Nearest listings first (`GET /listings`), paged with "load more". The map's keyboard-free twin. */
export function ListingList({
  centre,
  radius,
  filters,
  highlightedId,
  selectedId,
  onHighlight,
  onRetry,
}: ListingListProps) {
  const { t } = useTranslation();
  const search = useListingSearch(centre, radius, filters);
  const cards = useRef(new Map<string, HTMLElement>());

  useEffect(() => {
    const card = selectedId ? cards.current.get(selectedId) : undefined;
    if (!card) return;
    if (typeof card.scrollIntoView === 'function')
      card.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    card.focus({ preventScroll: true });
  }, [selectedId]);

  // Offline with nothing loaded yet, the query waits for the network: say so, not "loading".
  if (search.isPending && search.fetchStatus === 'paused') {
    return <StatusMessage>{t('shell.offlineResults')}</StatusMessage>;
  }
  if (search.isPending) return <StatusMessage>{t('listings.loading')}</StatusMessage>;
  if (!search.data) {
    return (
      <ApiErrorAlert error={search.error} onRetry={onRetry ?? (() => void search.refetch())} />
    );
  }

  const items = search.data.pages.flatMap((page) => page.items);
  return (
    <section
      className="listing-list"
      aria-label={t('listings.listLabel')}
      // The previous search's results stay on screen while the new one loads: say so.
      aria-busy={search.isPlaceholderData || undefined}
    >
      <p className="listing-list__count" role="status" aria-live="polite">
        {t('listings.resultsCount', { count: items.length })}
        {search.hasNextPage ? ` ${t('listings.moreAvailable')}` : ''}
      </p>
      {items.length === 0 ? (
        <div className="empty-state">
          <p>{t('listings.empty')}</p>
          <p>{t('listings.emptyHint')}</p>
          <Link className="button button--primary" to="/listings/new">
            {t('listings.emptyCta')}
          </Link>
        </div>
      ) : (
        <ul className="card-list">
          {items.map((item) => (
            <li key={item.id}>
              <ListingCard
                listing={item}
                highlighted={item.id === highlightedId}
                selected={item.id === selectedId}
                onHighlight={onHighlight}
                ref={(el) => {
                  if (el) cards.current.set(item.id, el);
                  else cards.current.delete(item.id);
                }}
              />
            </li>
          ))}
        </ul>
      )}
      {search.isFetchNextPageError ? <ApiErrorAlert error={search.error} /> : null}
      {search.hasNextPage ? (
        <button
          type="button"
          className="button button--secondary"
          disabled={search.isFetchingNextPage}
          aria-busy={search.isFetchingNextPage}
          onClick={() => void search.fetchNextPage()}
        >
          {search.isFetchingNextPage ? t('listings.loadingMore') : t('listings.loadMore')}
        </button>
      ) : null}
    </section>
  );
}
