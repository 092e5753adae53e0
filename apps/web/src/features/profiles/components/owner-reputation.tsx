import { useTranslation } from 'react-i18next';
import { useProfile } from '../api/profiles.api';

/**
 * The owner's reputation in one line beside a listing ("4,5/5 (3 avis)", or "no reviews yet"),
 * from their public profile. Nothing while it loads or when there is none (an organisation).
 */
export function OwnerReputation({ userId }: { userId: string }) {
  const { t, i18n } = useTranslation();
  const profile = useProfile(userId);
  if (!profile.data) return null;
  const { reputation } = profile.data;
  return (
    <p className="owner-reputation" data-testid="owner-reputation">
      <span aria-hidden="true">★ </span>
      {reputation.score === null
        ? t('shell.noReputation')
        : t('shell.reputation', {
            score: new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(
              reputation.score,
            ),
            count: reputation.ratingCount,
          })}
    </p>
  );
}
