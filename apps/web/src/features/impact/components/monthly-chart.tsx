import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Impact } from '@partagora/domain';

type Monthly = Impact['monthly'];

const KINDS = ['loan', 'gift', 'swap', 'answer'] as const;
/** Colour AND dash per kind: the series never differ by colour alone. */
const STYLE: Record<(typeof KINDS)[number], { stroke: string; dash?: number[] }> = {
  loan: { stroke: '#1d4f91' },
  gift: { stroke: '#2e7d32', dash: [8, 4] },
  swap: { stroke: '#8a4b00', dash: [2, 3] },
  answer: { stroke: '#6a1b9a', dash: [12, 3, 2, 3] },
};

/** Seconds since the epoch of a `YYYY-MM` month's first day (UTC), as uPlot's time axis reads. */
const monthStart = (m: string) =>
  Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)) - 1, 1) / 1000;

/**
 * Exchanges per month by kind, drawn with uPlot (loaded on demand, ~50 KB). Decorative for
 * assistive technology: the table next to it carries the same figures.
 */
export function MonthlyChart({ monthly }: { monthly: Monthly }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let plot: { destroy(): void } | null = null;
    let cancelled = false;
    void (async () => {
      try {
        const [{ default: UPlot }] = await Promise.all([
          import('uplot'),
          import('uplot/dist/uPlot.min.css'),
        ]);
        if (cancelled || !box.current) return;
        const width = Math.max(280, box.current.clientWidth || 640);
        plot = new UPlot(
          {
            width,
            height: 260,
            scales: { x: { time: true } },
            series: [
              {},
              ...KINDS.map((k) => ({
                label: t(`townData.impact.kind.${k}`),
                stroke: STYLE[k].stroke,
                dash: STYLE[k].dash,
                width: 2,
                points: { show: true },
              })),
            ],
            axes: [{}, { label: t('townData.impact.exchangesAxis') }],
          },
          [monthly.map((m) => monthStart(m.month)), ...KINDS.map((k) => monthly.map((m) => m[k]))],
          box.current,
        );
      } catch {
        // No canvas (an old browser, a test): the table still holds every figure.
        if (!cancelled) setFailed(true);
      }
    })();
    return () => {
      cancelled = true;
      plot?.destroy();
    };
  }, [monthly, t]);
  if (failed) return null;
  return <div ref={box} className="impact-chart" aria-hidden="true" data-testid="monthly-chart" />;
}
