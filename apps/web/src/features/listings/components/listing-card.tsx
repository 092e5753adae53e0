import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ListingSearchItem } from '@partagora/domain';
import { relativeAge } from '../../../lib/relative-age';
import { photoSrc } from './listing-photos';

export interface ListingCardProps {
  listing: ListingSearchItem;
  /** Hovered/focused here, or chosen on the map. */
  highlighted: boolean;
  /** Chosen by clicking its marker: also said in words. */
  selected: boolean;
  onHighlight: (id: string | null) => void;
  ref?: Ref<HTMLElement>;
}

export function ListingCard({
  listing,
  highlighted,
  selected,
  onHighlight,
  ref,
}: ListingCardProps) {
  const { t, i18n } = useTranslation();
  const { id, title, kind, category, distance, photos, owner, createdAt } = listing;
  const cover = photos[0];
  const age = relativeAge(createdAt, new Date(), i18n.language);
  return (
    <article
      ref={ref}
      tabIndex={-1}
      data-testid="listing-card"
      data-listing-id={id}
      className={['card', 'listing-card', highlighted || selected ? 'is-highlighted' : '']
        .join(' ')
        .trim()}
      onMouseEnter={() => onHighlight(id)}
      onMouseLeave={() => onHighlight(null)}
      onFocus={() => onHighlight(id)}
      onBlur={() => onHighlight(null)}
    >
      {cover ? (
        <img
          className="card__photo"
          src={photoSrc(cover.thumbnailUrl)}
          alt=""
          loading="lazy"
          width={120}
          height={90}
        />
      ) : (
        <div
          className={`card__photo card__photo--none card__photo--${category}`}
          aria-hidden="true"
        >
          {t(`categories.${category}`).slice(0, 1)}
        </div>
      )}
      <h2 className="card__title">
        <Link to={`/listings/${encodeURIComponent(id)}`}>{title}</Link>
      </h2>
      <p className="card__meta">
        <span className={`badge badge--${kind}`}>{t(`kinds.${kind}`)}</span>{' '}
        <span>{t(`categories.${category}`)}</span>
      </p>
      <p className="card__owner">
        {t('shell.ownerBy', { name: owner.displayName })}
        {age ? (
          <>
            {' · '}
            <time dateTime={createdAt}>{t('shell.published', { age })}</time>
          </>
        ) : null}
      </p>
      <p className="card__distance">{t(`distance.${distance}`)}</p>
      {selected ? <p className="card__selected">{t('listings.selected')}</p> : null}
    </article>
  );
}
