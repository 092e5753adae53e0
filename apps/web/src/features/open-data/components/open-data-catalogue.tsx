import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenDataDataset } from '@partagora/domain';
import { ApiErrorAlert } from '../../../components/ui/api-error-alert';
import { StatusMessage } from '../../../components/ui/status-message';
import { openDataFileUrl, useOpenDataCatalogue } from '../api/open-data.api';

/** The open-data page: every dataset, its fields, its files, and the licence. */
export function OpenDataCatalogue({ slug, townName }: { slug: string; townName: string }) {
  const { t, i18n } = useTranslation();
  const catalogue = useOpenDataCatalogue(slug);
  const lang = i18n.language.startsWith('en') ? 'en' : 'fr';
  return (
    <article className="open-data">
      <header>
        <h1>{t('townData.openData.title', { town: townName })}</h1>
        <p>{t('townData.openData.intro')}</p>
      </header>
      {catalogue.isPending ? <StatusMessage>{t('common.loading')}</StatusMessage> : null}
      {catalogue.isError ? (
        <ApiErrorAlert error={catalogue.error} onRetry={() => void catalogue.refetch()} />
      ) : null}
      {catalogue.data ? (
        <>
          <section className="card">
            <h2>{t('townData.openData.licenceTitle')}</h2>
            <p>
              {t('townData.openData.licence')}{' '}
              <a href={catalogue.data.licence.url} rel="noopener noreferrer" target="_blank">
                {catalogue.data.licence.name}
              </a>
            </p>
            <p>{t('townData.openData.publisher', { publisher: catalogue.data.publisher })}</p>
            <p>{t('townData.openData.suppression', { min: catalogue.data.minimumCount })}</p>
            <p>{catalogue.data.grid.description[lang]}</p>
          </section>
          {catalogue.data.datasets.map((d) => (
            <Dataset key={d.id} slug={slug} dataset={d} lang={lang} />
          ))}
        </>
      ) : null}
    </article>
  );
}

function Dataset({
  slug,
  dataset,
  lang,
}: {
  slug: string;
  dataset: OpenDataDataset;
  lang: 'fr' | 'en';
}) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{dataset.title[lang]}</h2>
      <p>{dataset.description[lang]}</p>
      <h3>{t('townData.openData.files')}</h3>
      <ul>
        {dataset.files.map((f) => (
          <li key={f.name}>
            <a href={openDataFileUrl(slug, f.name)} download={`${slug}-${f.name}`}>
              {t('townData.openData.download', { name: f.name, format: f.format.toUpperCase() })}
            </a>
          </li>
        ))}
      </ul>
      <table className="table">
        <caption>{t('townData.openData.fieldsCaption', { dataset: dataset.title[lang] })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('townData.openData.field')}</th>
            <th scope="col">{t('townData.openData.type')}</th>
            <th scope="col">{t('townData.openData.meaning')}</th>
          </tr>
        </thead>
        <tbody>
          {dataset.fields.map((f) => (
            <tr key={f.name}>
              <th scope="row">
                <code>{f.name}</code>
              </th>
              <td>{f.type}</td>
              <td>{f.description[lang]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
