import { useTranslation } from 'react-i18next';
import { type OpeningHours, WEEKDAYS } from '@partagora/domain';

/** Opening hours as a table, Monday first; a day without spans is "closed". */
export function OpeningHoursView({ hours }: { hours: OpeningHours }) {
  const { t, i18n } = useTranslation();
  const closures = hours.closures ?? [];
  return (
    <>
      <table className="opening-hours">
        <caption>{t('organisations.hours.caption')}</caption>
        <tbody>
          {WEEKDAYS.map((day) => {
            const spans = hours[day] ?? [];
            return (
              <tr key={day}>
                <th scope="row">{t(`organisations.days.${day}`)}</th>
                <td>
                  {spans.length === 0
                    ? t('organisations.hours.closed')
                    : spans
                        .map((s) =>
                          t('organisations.hours.span', { opens: s.opens, closes: s.closes }),
                        )
                        .join(', ')}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {closures.length > 0 ? (
        <p>
          {t('organisations.hours.closures', {
            dates: closures
              .map((d) =>
                new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' }).format(
                  new Date(`${d}T12:00:00`),
                ),
              )
              .join(', '),
          })}
        </p>
      ) : null}
    </>
  );
}
