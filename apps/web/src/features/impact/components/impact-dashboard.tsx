import { useId, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Impact } from '@partagora/domain';
import type { LatLng } from '@partagora/geo';
import { BaseMap } from '../../../components/map/base-map';
import { ApiErrorAlert } from '../../../components/ui/api-error-alert';
import { Disclosure } from '../../../components/ui/disclosure';
import { StatusMessage } from '../../../components/ui/status-message';
import { useImpact } from '../api/impact.api';
import { ImpactAreasLayer } from '../map/impact-areas-layer';
import { MonthlyChart } from './monthly-chart';

const KINDS = ['loan', 'gift', 'swap', 'answer'] as const;
const PERIODS = [6, 12, 24] as const;

/** The first day (UTC) of the month `months` before the current one, as `YYYY-MM-DD`. */
function monthsAgo(months: number, now = new Date()): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months + 1, 1))
    .toISOString()
    .slice(0, 10);
}

export interface ImpactDashboardProps {
  slug: string;
  townName: string;
  centre: LatLng;
  /** Extra map layers composed by the route (the town boundary). */
  mapLayers?: ReactNode;
}

/** The town's public impact page: figures, monthly chart with its table, map of activity. */
export function ImpactDashboard({ slug, townName, centre, mapLayers }: ImpactDashboardProps) {
  const { t } = useTranslation();
  const [months, setMonths] = useState<(typeof PERIODS)[number]>(12);
  const from = useMemo(() => monthsAgo(months), [months]);
  const impact = useImpact(slug, from);
  const periodId = useId();
  return (
    <article className="impact">
      <header>
        <h1>{t('townData.impact.title', { town: townName })}</h1>
        <p>{t('townData.impact.intro')}</p>
      </header>
      <div className="field">
        <label htmlFor={periodId}>{t('townData.impact.period')}</label>
        <select
          id={periodId}
          value={months}
          onChange={(e) => setMonths(Number(e.target.value) as (typeof PERIODS)[number])}
        >
          {PERIODS.map((p) => (
            <option key={p} value={p}>
              {t('townData.impact.lastMonths', { count: p })}
            </option>
          ))}
        </select>
      </div>
      {impact.isPending ? <StatusMessage>{t('common.loading')}</StatusMessage> : null}
      {impact.isError ? (
        <ApiErrorAlert error={impact.error} onRetry={() => void impact.refetch()} />
      ) : null}
      {impact.data ? (
        <ImpactFigures
          impact={impact.data}
          townName={townName}
          centre={centre}
          mapLayers={mapLayers}
        />
      ) : null}
    </article>
  );
}

function ImpactFigures({
  impact,
  townName,
  centre,
  mapLayers,
}: {
  impact: Impact;
  townName: string;
  centre: LatLng;
  mapLayers?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const n = (v: number, digits = 0) =>
    new Intl.NumberFormat(i18n.language, { maximumFractionDigits: digits }).format(v);
  const eur = (v: number) =>
    new Intl.NumberFormat(i18n.language, {
      style: 'currency',
      currency: 'EUR',
      maximumFractionDigits: 0,
    }).format(v);
  const figuresId = useId();
  const monthlyId = useId();
  const areasId = useId();
  const areas =
    impact.areas.neighbourhoods.length > 0 ? impact.areas.neighbourhoods : impact.areas.cells;
  const empty = impact.exchanges.total === 0;
  return (
    <>
      <section aria-labelledby={figuresId}>
        <h2 id={figuresId}>{t('townData.impact.figures')}</h2>
        <dl className="stats impact-stats">
          <div>
            <dt>{t('townData.impact.members')}</dt>
            <dd>{n(impact.members)}</dd>
          </div>
          <div>
            <dt>{t('townData.impact.activeMembers')}</dt>
            <dd>{n(impact.activeMembers)}</dd>
          </div>
          <div>
            <dt>{t('townData.impact.exchanges')}</dt>
            <dd>{n(impact.exchanges.total)}</dd>
          </div>
          <div>
            <dt>{t('townData.impact.itemsLent')}</dt>
            <dd>{n(impact.itemsLent)}</dd>
          </div>
          <div>
            <dt>{t('townData.impact.itemsGiven')}</dt>
            <dd>{n(impact.itemsGiven)}</dd>
          </div>
          <div>
            <dt>{t('townData.impact.moneySaved')}</dt>
            <dd>{eur(impact.moneySavedEur)}</dd>
          </div>
          <div>
            <dt>{t('townData.impact.wasteAvoided')}</dt>
            <dd>{t('townData.impact.kg', { value: n(impact.wasteAvoidedKg, 1) })}</dd>
          </div>
          <div>
            <dt>{t('townData.impact.co2eAvoided')}</dt>
            <dd>{t('townData.impact.kgCo2e', { value: n(impact.co2eAvoidedKg, 1) })}</dd>
          </div>
        </dl>
        <p className="field__hint">{t('townData.impact.estimateNote')}</p>
      </section>
      <section aria-labelledby={monthlyId}>
        <h2 id={monthlyId}>{t('townData.impact.monthlyTitle')}</h2>
        {empty ? (
          <p>{t('townData.impact.noExchanges')}</p>
        ) : (
          <MonthlyChart monthly={impact.monthly} />
        )}
        <table className="table">
          <caption>{t('townData.impact.monthlyCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('townData.impact.month')}</th>
              {KINDS.map((k) => (
                <th key={k} scope="col">
                  {t(`townData.impact.kind.${k}`)}
                </th>
              ))}
              <th scope="col">{t('townData.impact.total')}</th>
            </tr>
          </thead>
          <tbody>
            {impact.monthly.map((m) => (
              <tr key={m.month}>
                <th scope="row">
                  {new Intl.DateTimeFormat(i18n.language, {
                    month: 'long',
                    year: 'numeric',
                    timeZone: 'UTC',
                  }).format(new Date(`${m.month}-01T00:00:00Z`))}
                </th>
                {KINDS.map((k) => (
                  <td key={k}>{n(m[k])}</td>
                ))}
                <td>{n(m.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby={areasId}>
        <h2 id={areasId}>{t('townData.impact.areasTitle')}</h2>
        <p>{t('townData.impact.areasIntro', { min: impact.areas.minimumCount })}</p>
        <BaseMap
          center={centre}
          zoom={13}
          label={t('townData.impact.areasMap', { town: townName })}
        >
          {mapLayers}
          <ImpactAreasLayer areas={impact.areas} />
        </BaseMap>
        {areas.length === 0 ? (
          <p>{t('townData.impact.noAreas', { min: impact.areas.minimumCount })}</p>
        ) : (
          <table className="table">
            <caption>{t('townData.impact.areasCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('townData.impact.area')}</th>
                <th scope="col">{t('townData.impact.exchanges')}</th>
              </tr>
            </thead>
            <tbody>
              {areas.map((a) => (
                <tr key={a.id}>
                  <th scope="row">
                    {'name' in a ? a.name : t('townData.impact.cell', { id: a.id })}
                  </th>
                  <td>{n(a.exchanges)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <Disclosure label={t('townData.impact.methodTitle')}>
        <p>
          {t('townData.impact.method', {
            loan: n(impact.method.loanAvoidedPurchaseShare * 100),
            reuse: n(impact.method.reuseSubstitutionRate * 100),
          })}
        </p>
        <table className="table">
          <caption>{t('townData.impact.factorsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('townData.impact.category')}</th>
              <th scope="col">{t('townData.impact.perLoan')}</th>
              <th scope="col">{t('townData.impact.perGift')}</th>
              <th scope="col">{t('townData.impact.source')}</th>
            </tr>
          </thead>
          <tbody>
            {impact.factors.map((f) => (
              <tr key={f.category}>
                <th scope="row">{t(`categories.${f.category}`, { defaultValue: f.category })}</th>
                <td>
                  {t('townData.impact.factor', {
                    eur: eur(f.moneySavedPerLoanEur),
                    kg: n(f.wasteKgPerLoan, 1),
                    co2: n(f.co2eKgPerLoan, 1),
                  })}
                </td>
                <td>
                  {t('townData.impact.factor', {
                    eur: eur(f.moneySavedPerGiftEur),
                    kg: n(f.wasteKgPerGift, 1),
                    co2: n(f.co2eKgPerGift, 1),
                  })}
                </td>
                <td>
                  {f.estimate ? `${t('townData.impact.estimate')} — ` : ''}
                  {f.source}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Disclosure>
    </>
  );
}
