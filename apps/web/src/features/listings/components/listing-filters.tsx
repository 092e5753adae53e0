import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  LISTING_CATEGORIES,
  LISTING_KINDS,
  type ListingCategory,
  type ListingKind,
} from '@partagora/domain';
import type { ListingFilters } from '../api/listings.api';

export const RADIUS_OPTIONS = [500, 1000, 2000, 5000, 10000] as const;
export type RadiusOption = (typeof RADIUS_OPTIONS)[number];

const SEARCH_DEBOUNCE_MS = 350;

export interface ListingFiltersBarProps {
  filters: ListingFilters;
  radius: RadiusOption;
  onFiltersChange: (filters: ListingFilters) => void;
  onRadiusChange: (radius: RadiusOption) => void;
}

const isKind = (v: string): v is ListingKind => (LISTING_KINDS as readonly string[]).includes(v);
const isCategory = (v: string): v is ListingCategory =>
  (LISTING_CATEGORIES as readonly string[]).includes(v);
const isRadius = (v: number): v is RadiusOption =>
  (RADIUS_OPTIONS as readonly number[]).includes(v);

/** Kind, category, radius and free text; the text applies after a pause in typing or on Enter. */
export function ListingFiltersBar({
  filters,
  radius,
  onFiltersChange,
  onRadiusChange,
}: ListingFiltersBarProps) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(filters.q ?? '');

  useEffect(() => {
    const q = text.trim();
    if (q === (filters.q ?? '')) return;
    const timer = setTimeout(
      () => onFiltersChange({ ...filters, q: q || undefined }),
      SEARCH_DEBOUNCE_MS,
    );
    return () => clearTimeout(timer);
  }, [text, filters, onFiltersChange]);

  return (
    <form
      role="search"
      aria-label={t('listings.filtersLabel')}
      className="filters"
      onSubmit={(e) => {
        e.preventDefault();
        onFiltersChange({ ...filters, q: text.trim() || undefined });
      }}
    >
      <div className="field">
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
            onFiltersChange({ ...filters, kind: isKind(v) ? v : undefined });
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
            onFiltersChange({ ...filters, category: isCategory(v) ? v : undefined });
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
      <div className="field">
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
              {t('listings.radiusOption', { label: t(`radius.${r}`) })}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}
