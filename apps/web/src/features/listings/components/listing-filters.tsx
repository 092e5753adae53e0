import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LISTING_CATEGORIES, LISTING_KINDS } from '@partagora/domain';
import type { ListingFilters } from '../api/listings.api';
import {
  isCategory,
  isKind,
  isRadius,
  RADIUS_OPTIONS,
  type RadiusOption,
} from '../lib/search-params';

export { RADIUS_OPTIONS, type RadiusOption };

const SEARCH_DEBOUNCE_MS = 350;

export interface ListingFiltersBarProps {
  filters: ListingFilters;
  radius: RadiusOption;
  /** The search is around my home (the radius says "around my home"). */
  aroundHome?: boolean;
  /** Only the filters that changed (a `undefined` value clears one). */
  onFiltersChange: (changed: ListingFilters) => void;
  onRadiusChange: (radius: RadiusOption) => void;
}

/** Kind, category, radius and free text; the text applies after a pause in typing or on Enter. */
export function ListingFiltersBar({
  filters,
  radius,
  aroundHome = true,
  onFiltersChange,
  onRadiusChange,
}: ListingFiltersBarProps) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(filters.q ?? '');
  // The URL changed under the box (Back, a link): show its words, not the ones typed before.
  const [shownQ, setShownQ] = useState(filters.q ?? '');
  if ((filters.q ?? '') !== shownQ) {
    setShownQ(filters.q ?? '');
    if (text.trim() !== (filters.q ?? '')) setText(filters.q ?? '');
  }

  useEffect(() => {
    const q = text.trim();
    if (q === (filters.q ?? '')) return;
    const timer = setTimeout(() => onFiltersChange({ q: q || undefined }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, filters, onFiltersChange]);

  return (
    <form
      role="search"
      aria-label={t('listings.filtersLabel')}
      className="filters"
      onSubmit={(e) => {
        e.preventDefault();
        onFiltersChange({ q: text.trim() || undefined });
      }}
    >
      <div className="field filters__q">
        <label htmlFor={`${id}-q`}>{t('listings.search')}</label>
        <input
          id={`${id}-q`}
          type="search"
          value={text}
          maxLength={200}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-kind`}>{t('listings.kind')}</label>
        <select
          id={`${id}-kind`}
          value={filters.kind ?? ''}
          onChange={(e) => {
            const v = e.target.value;
            onFiltersChange({ kind: isKind(v) ? v : undefined });
          }}
        >
          <option value="">{t('listings.allKinds')}</option>
          {LISTING_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-category`}>{t('listings.category')}</label>
        <select
          id={`${id}-category`}
          value={filters.category ?? ''}
          onChange={(e) => {
            const v = e.target.value;
            onFiltersChange({ category: isCategory(v) ? v : undefined });
          }}
        >
          <option value="">{t('listings.allCategories')}</option>
          {LISTING_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`categories.${c}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field filters__radius">
        <label htmlFor={`${id}-radius`}>{t('listings.radius')}</label>
        <select
          id={`${id}-radius`}
          value={radius}
          onChange={(e) => {
            const v = Number(e.target.value);
            if (isRadius(v)) onRadiusChange(v);
          }}
        >
          {RADIUS_OPTIONS.map((r) => (
            <option key={r} value={r}>
              {aroundHome
                ? t('listings.radiusOption', { label: t(`radius.${r}`) })
                : t(`radius.${r}`)}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}
