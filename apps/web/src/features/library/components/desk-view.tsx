import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskEntry } from '@partagora/domain';
import { ApiErrorAlert } from '../../../components/ui/api-error-alert';
import { StatusMessage } from '../../../components/ui/status-message';
import { useDesk, useDeskStep } from '../api/library.api';

const today = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());

function DeskRow({ organisationId, entry }: { organisationId: string; entry: DeskEntry }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const step = useDeskStep(organisationId);
  const [note, setNote] = useState('');
  const [photo, setPhoto] = useState<File | null>(null);
  const action = entry.nextActions[0];
  const fmt = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, {
      timeZone: 'Europe/Paris',
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
    }).format(new Date(iso));
  return (
    <li className="desk__entry card">
      <h3>{entry.listingTitle}</h3>
      <p>
        {t('library.desk.borrower')} : {entry.borrower.displayName}
        {entry.borrower.assisted ? ` (${t('library.desk.assisted')})` : ''}
      </p>
      <p>
        {t('library.pickup')} : {fmt(entry.start)} · {t('library.return')} : {fmt(entry.end)}
      </p>
      <p>{t(`library.desk.status.${entry.status}`, { defaultValue: entry.status })}</p>
      {entry.depositNote ? <p>{t('library.deposit', { note: entry.depositNote })}</p> : null}
      {entry.conditions.map((c) => (
        <p key={c.stage}>
          {t(`library.desk.${c.stage}Noted`)} : {c.note}
        </p>
      ))}
      {action ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            step.mutate({ exchangeId: entry.exchangeId, stage: action, note, photo });
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-note`}>{t('library.desk.condition')}</label>
            <input
              id={`${id}-note`}
              value={note}
              required
              maxLength={500}
              onChange={(e) => setNote(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-photo`}>{t('library.desk.photo')}</label>
            <input
              id={`${id}-photo`}
              type="file"
              accept="image/jpeg,image/png,image/webp,image/heic"
              onChange={(e) => setPhoto(e.target.files?.[0] ?? null)}
            />
          </div>
          {step.error ? <ApiErrorAlert error={step.error} /> : null}
          <button
            type="submit"
            className="button button--primary"
            disabled={step.isPending}
            aria-busy={step.isPending}
          >
            {t(`library.desk.${action}`)}
          </button>
        </form>
      ) : null}
    </li>
  );
}

function Section({
  title,
  organisationId,
  entries,
}: {
  title: string;
  organisationId: string;
  entries: DeskEntry[];
}) {
  const { t } = useTranslation();
  return (
    <section aria-label={title}>
      <h2>
        {title} ({entries.length})
      </h2>
      {entries.length === 0 ? <p>{t('library.desk.none')}</p> : null}
      <ul className="desk__list">
        {entries.map((e) => (
          <DeskRow key={e.exchangeId} organisationId={organisationId} entry={e} />
        ))}
      </ul>
    </section>
  );
}

/** The library desk: the day's pick-ups and returns, what is overdue; check out and in. */
export function DeskView({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const [date, setDate] = useState(today);
  const desk = useDesk(organisationId, date);
  return (
    <div className="desk">
      <div className="field">
        <label htmlFor="desk-date">{t('library.desk.date')}</label>
        <input
          id="desk-date"
          type="date"
          value={date}
          onChange={(e) => setDate(e.target.value || today())}
        />
      </div>
      {desk.isPending ? <StatusMessage>{t('common.loading')}</StatusMessage> : null}
      {desk.error ? <ApiErrorAlert error={desk.error} onRetry={() => void desk.refetch()} /> : null}
      {desk.data ? (
        <>
          <Section
            title={t('library.desk.overdue')}
            organisationId={organisationId}
            entries={desk.data.overdue}
          />
          <Section
            title={t('library.desk.pickups')}
            organisationId={organisationId}
            entries={desk.data.pickups}
          />
          <Section
            title={t('library.desk.returns')}
            organisationId={organisationId}
            entries={desk.data.returns}
          />
        </>
      ) : null}
    </div>
  );
}
