import { useTranslation } from 'react-i18next';
import { i18n } from '../../../lib/i18n';

export interface SheetCode {
  code: string;
  expiresAt: string;
}

/**
 * The printable A4 sheet: one tear-off slip per code, with the town's name and instructions in
 * French whatever the interface language (the slips go into French letterboxes). The codes are
 * props only: they live in the page's memory and are gone when it is left.
 */
export function CodeSheet({ townName, codes }: { townName: string; codes: readonly SheetCode[] }) {
  const { t } = useTranslation();
  const fr = i18n.getFixedT('fr');
  const origin = window.location.origin;
  const date = (iso: string) =>
    new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));
  return (
    <section className="code-sheet" aria-labelledby="code-sheet-title">
      <div className="code-sheet__toolbar no-print">
        <h2 id="code-sheet-title">{t('verification.sheetTitle', { count: codes.length })}</h2>
        <p>{t('verification.sheetHint')}</p>
        <button type="button" className="button button--primary" onClick={() => window.print()}>
          {t('verification.print')}
        </button>
      </div>
      <ol className="code-sheet__slips" aria-label={t('verification.slipsLabel')}>
        {codes.map((c) => (
          <li key={c.code} className="code-slip" lang="fr">
            <p className="code-slip__town">{fr('verification.slip.heading', { town: townName })}</p>
            <p className="code-slip__what">{fr('verification.slip.what')}</p>
            <p className="code-slip__how">
              {fr('verification.slip.how', { url: `${origin}/verify` })}
            </p>
            <p className="code-slip__code">
              <span className="visually-hidden">{fr('verification.slip.codeLabel')} </span>
              <strong>{c.code}</strong>
            </p>
            <p className="code-slip__expiry">
              {fr('verification.slip.expires', { date: date(c.expiresAt) })}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
