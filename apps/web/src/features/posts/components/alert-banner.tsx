import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLatestAlert } from '../api/posts.api';
import { excerpt } from './post-list';

/** How long an alert stays in the banner after its publication. */
export const ALERT_BANNER_HOURS = 48;

/** The town's latest alert, while it is current (48 h); nothing otherwise, nor while loading. */
export function AlertBanner({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const latest = useLatestAlert(slug);
  // "Current" is judged against the time the page opened (render stays pure).
  const [openedAt] = useState(() => Date.now());
  const alert = latest.data;
  if (!alert) return null;
  if (openedAt - Date.parse(alert.publishedAt) > ALERT_BANNER_HOURS * 3_600_000) return null;
  return (
    <aside className="alert alert--warning alert-banner" aria-labelledby="town-alert-title">
      <p className="alert-banner__label">
        <span aria-hidden="true">⚠ </span>
        {t('posts.banner.label')}
      </p>
      <h2 id="town-alert-title">{alert.title}</h2>
      <p>{excerpt(alert.body, 160)}</p>
      <Link to={`/t/${encodeURIComponent(slug)}/posts/${encodeURIComponent(alert.id)}`}>
        {t('posts.banner.read')}
      </Link>
    </aside>
  );
}
