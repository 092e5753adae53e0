import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PRACTICES, type Initiative } from '@partagora/domain';
import { practiceLabel } from './practice-label';

export interface InitiativesListProps {
  items: readonly Initiative[];
  /** Staff: edit and remove buttons. */
  onEdit?: (initiative: Initiative) => void;
  onRemove?: (initiative: Initiative) => void;
}

/** The directory, grouped by family of practice, in the toolbox's order. */
export function InitiativesList({ items, onEdit, onRemove }: InitiativesListProps) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  if (items.length === 0) return <p>{t('townData.initiatives.empty')}</p>;
  const order = new Map(PRACTICES.map((p, i) => [p.slug, i]));
  const sorted = [...items].sort(
    (a, b) =>
      (order.get(a.practice) ?? 99) - (order.get(b.practice) ?? 99) || a.name.localeCompare(b.name),
  );
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('townData.initiatives.listTitle', { count: items.length })}</h2>
      <ul className="initiatives-list">
        {sorted.map((i) => (
          <li key={i.id} className="card">
            <h3>{i.name}</h3>
            <p className="badge">{practiceLabel(i.practice, i18n.language)}</p>
            {i.description ? <p>{i.description}</p> : null}
            {i.url ? (
              <p>
                <a href={i.url} rel="noopener noreferrer" target="_blank">
                  {t('townData.initiatives.website', { name: i.name })}
                </a>
              </p>
            ) : null}
            {onEdit || onRemove ? (
              <div className="actions">
                {onEdit ? (
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() => onEdit(i)}
                  >
                    {t('townData.initiatives.edit', { name: i.name })}
                  </button>
                ) : null}
                {onRemove ? (
                  <button
                    type="button"
                    className="button button--danger"
                    onClick={() => onRemove(i)}
                  >
                    {t('townData.initiatives.remove', { name: i.name })}
                  </button>
                ) : null}
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
