import { useTranslation } from 'react-i18next';

/** "Verified resident of <town>": a text badge (the check mark is decoration, not the message). */
export function VerifiedBadge({ townName }: { townName: string }) {
  const { t } = useTranslation();
  return (
    <p className="verified-badge">
      <span aria-hidden="true">✔ </span>
      {t('verification.badge', { town: townName })}
    </p>
  );
}
