import type { TFunction } from 'i18next';
import type { AlertView } from '@partagora/domain';

/** Radii offered for an alert (metres), within `ALERT_LIMITS`; each has a `radius.*` label. */
export const ALERT_RADII = [500, 1000, 2000, 5000, 10000] as const;
export type AlertRadius = (typeof ALERT_RADII)[number];

export const isAlertRadius = (v: number): v is AlertRadius =>
  (ALERT_RADII as readonly number[]).includes(v);

export function radiusLabel(t: TFunction, lng: string, metres: number): string {
  if (isAlertRadius(metres)) return t(`radius.${metres}`);
  return metres >= 1000
    ? new Intl.NumberFormat(lng, { style: 'unit', unit: 'kilometer' }).format(metres / 1000)
    : new Intl.NumberFormat(lng, { style: 'unit', unit: 'meter' }).format(metres);
}

/** "« échelle » · Prêt · Outils · dans un rayon de 1 km". */
export function alertDescription(
  t: TFunction,
  lng: string,
  alert: Pick<AlertView, 'q' | 'kind' | 'category' | 'radius'>,
): string {
  return [
    alert.q ? t('alerts.words', { q: alert.q }) : t('alerts.anyWords'),
    alert.kind ? t(`kinds.${alert.kind}`) : t('alerts.anyKind'),
    alert.category ? t(`categories.${alert.category}`) : t('alerts.anyCategory'),
    t('alerts.within', { radius: radiusLabel(t, lng, alert.radius) }),
  ].join(' · ');
}
