import { useTranslation } from 'react-i18next';
import type { LibraryView } from '@partagora/domain';

/** The library's weekly opening slots, Monday first ("Mercredi 14:00–18:00"). */
export function OpeningSlots({ library }: { library: LibraryView }) {
  const { t } = useTranslation();
  const slots = [...library.slots].sort(
    (a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens),
  );
  if (slots.length === 0) return <p>{t('library.noSlots')}</p>;
  return (
    <ul className="library__slots" aria-label={t('library.slotsLabel')}>
      {slots.map((s) => (
        <li key={`${s.weekday}-${s.opens}`}>
          {t(`library.weekdays.${String(s.weekday) as '1'}`)} {s.opens}–{s.closes}
        </li>
      ))}
    </ul>
  );
}
