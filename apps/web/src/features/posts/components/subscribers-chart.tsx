import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { SubscribersSeries } from '@partagora/domain';

/**
 * Subscribers per day and channel as a small line chart (uPlot, loaded lazily by the console so
 * residents' pages never carry it). The figures are also in the table beside it.
 */
export default function SubscribersChart({ series }: { series: SubscribersSeries }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const days = series.items.map((i) => Date.parse(`${i.date}T00:00:00Z`) / 1000);
    const plot = new uPlot(
      {
        width: Math.max(280, Math.min(640, el.clientWidth || 640)),
        height: 220,
        series: [
          {},
          { label: t('posts.channels.push'), stroke: '#1f5fa8', width: 2 },
          { label: t('posts.channels.inApp'), stroke: '#2e7d32', width: 2, dash: [6, 3] },
          { label: t('posts.channels.email'), stroke: '#8a4b00', width: 2, dash: [2, 2] },
        ],
        axes: [{}, { label: t('posts.staff.subscribersAxis') }],
      },
      [
        days,
        series.items.map((i) => i.push),
        series.items.map((i) => i.inApp),
        series.items.map((i) => i.email),
      ],
      el,
    );
    return () => plot.destroy();
  }, [series, t]);

  return <div ref={box} className="subscribers-chart" aria-hidden="true" />;
}
