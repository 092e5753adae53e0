import { useTranslation } from 'react-i18next';
import type { PublicProfile } from '@partagora/domain';
import { ApiErrorAlert } from '../../../components/ui/api-error-alert';
import { StatusMessage } from '../../../components/ui/status-message';
import { useDocumentTitle } from '../../../components/ui/use-document-title';
import { useProfile } from '../api/profiles.api';
import { BlockButton } from './block-button';

export interface ProfilePageProps {
  userId: string;
  /** The signed-in member (no block button on one's own profile). */
  viewerId: string;
}

const KINDS = ['loan', 'gift', 'swap', 'answer', 'total'] as const;

const monthYear = (lng: string, iso: string) =>
  new Intl.DateTimeFormat(lng, { month: 'long', year: 'numeric' }).format(new Date(iso));
const day = (lng: string, iso: string) =>
  new Intl.DateTimeFormat(lng, { dateStyle: 'long' }).format(new Date(iso));

function Reputation({ profile }: { profile: PublicProfile }) {
  const { t, i18n } = useTranslation();
  const r = profile.reputation;
  const score =
    r.score === null
      ? t('profile.scoreNone')
      : t('profile.scoreValue', {
          score: new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(r.score),
        });
  return (
    <section aria-labelledby="profile-reputation">
      <h2 id="profile-reputation">{t('profile.reputationTitle')}</h2>
      <dl className="facts">
        <div>
          <dt>{t('profile.score')}</dt>
          <dd>
            {score} ({t('profile.ratingCount', { count: r.ratingCount })})
          </dd>
        </div>
      </dl>
      <p className="card__meta">{t('profile.scoreHint')}</p>
      <h3>{t('profile.completedTitle')}</h3>
      <dl className="facts">
        {KINDS.map((k) => (
          <div key={k}>
            <dt>{t(`profile.completed.${k}`)}</dt>
            <dd>{r.completed[k]}</dd>
          </div>
        ))}
      </dl>
      <h3>{t('profile.reliabilityTitle')}</h3>
      <dl className="facts">
        <div>
          <dt>{t('profile.onTimeReturns')}</dt>
          <dd>{r.onTimeReturns}</dd>
        </div>
        <div>
          <dt>{t('profile.lateReturns')}</dt>
          <dd>{r.lateReturns}</dd>
        </div>
        <div>
          <dt>{t('profile.noShows')}</dt>
          <dd>{r.noShows}</dd>
        </div>
      </dl>
    </section>
  );
}

/**
 * A member's public profile: name, town and the verified badge (in words, not by colour alone),
 * member since, reputation figures, the revealed reviews, and the block button.
 */
export function ProfilePage({ userId, viewerId }: ProfilePageProps) {
  const { t, i18n } = useTranslation();
  const query = useProfile(userId);
  useDocumentTitle(query.data?.displayName ?? t('profile.loading'));
  if (query.isPending) return <StatusMessage>{t('profile.loading')}</StatusMessage>;
  if (query.isError)
    return <ApiErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const p = query.data;
  const town = p.municipality.name;

  return (
    <article className="profile-page">
      <h1>{p.displayName}</h1>
      <p>
        {p.verified ? (
          <span className="badge badge--verified">
            <span aria-hidden="true">✔ </span>
            {t('profile.verified', { town })}
          </span>
        ) : (
          <span className="card__meta">{t('profile.notVerified')}</span>
        )}
      </p>
      <p>{t('profile.town', { town })}</p>
      <p>{t('profile.memberSince', { date: monthYear(i18n.language, p.memberSince) })}</p>

      <Reputation profile={p} />

      <section aria-labelledby="profile-reviews">
        <h2 id="profile-reviews">{t('profile.reviewsTitle')}</h2>
        {p.reviews.length === 0 ? (
          <p>{t('profile.noReviews')}</p>
        ) : (
          <ul className="card-list">
            {p.reviews.map((r, i) => (
              <li key={`${r.createdAt}-${i}`} className="card">
                <p>
                  <span aria-hidden="true">
                    {'★'.repeat(r.rating)}
                    {'☆'.repeat(5 - r.rating)}{' '}
                  </span>
                  {t('reviews.rated', { rating: r.rating })}
                </p>
                {r.comment ? <p className="pre-wrap">{r.comment}</p> : null}
                <p className="card__meta">
                  {t('profile.reviewBy', {
                    name: r.author?.displayName ?? t('profile.formerMember'),
                    date: day(i18n.language, r.createdAt),
                  })}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      {viewerId !== p.id ? (
        <BlockButton userId={p.id} displayName={p.displayName} blocked={p.blockedByMe} />
      ) : null}
    </article>
  );
}
