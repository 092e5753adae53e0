import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExchangeView } from '@partagora/domain';
import { ApiErrorAlert } from '../../../components/ui/api-error-alert';
import { SubmitButton } from '../../../components/ui/submit-button';
import { formatDateTime, fromDateAndTime, toDateInput } from '../../../lib/dates';
import { useAcceptReschedule, useProposeReschedule } from '../api/exchanges.api';
import type { ExchangeRole } from '../api/exchanges.api';

const timeOf = (d: Date) =>
  `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;

export interface ReschedulePanelProps {
  exchange: ExchangeView;
  role: ExchangeRole;
}

/**
 * New dates for an agreed loan (before the hand-over): either party proposes, the other
 * accepts; until then the agreed dates stand. The API checks the booking rules and overlaps.
 */
export function ReschedulePanel({ exchange, role }: ReschedulePanelProps) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const propose = useProposeReschedule(exchange.id);
  const accept = useAcceptReschedule(exchange.id);
  const initialStart = exchange.start ? new Date(exchange.start) : new Date();
  const initialEnd = exchange.end ? new Date(exchange.end) : new Date();
  const [startDate, setStartDate] = useState(toDateInput(initialStart));
  const [startTime, setStartTime] = useState(timeOf(initialStart));
  const [endDate, setEndDate] = useState(toDateInput(initialEnd));
  const [endTime, setEndTime] = useState(timeOf(initialEnd));
  const [invalid, setInvalid] = useState(false);
  const [sent, setSent] = useState(false);
  if (exchange.kind !== 'loan' || exchange.status !== 'accepted') return null;

  const pending = exchange.reschedule ?? null;
  const mine = pending !== null && pending.proposedBy === role;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSent(false);
    const start = fromDateAndTime(startDate, startTime);
    const end = fromDateAndTime(endDate, endTime);
    if (!start || !end || end <= start) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    propose.mutate(
      { start: start.toISOString(), end: end.toISOString() },
      { onSuccess: () => setSent(true) },
    );
  };

  const headingId = `reschedule-${exchange.id}`;
  return (
    <section className="reschedule" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('addresses.reschedule.title')}</h2>
      {pending ? (
        <div className="reschedule__pending" role="status">
          <p>
            {t(mine ? 'addresses.reschedule.waitingOther' : 'addresses.reschedule.proposedToYou', {
              start: formatDateTime(lng, pending.start),
              end: formatDateTime(lng, pending.end),
            })}
          </p>
          {!mine ? (
            <>
              {accept.error ? <ApiErrorAlert error={accept.error} /> : null}
              <button
                type="button"
                className="button button--primary"
                disabled={accept.isPending}
                aria-busy={accept.isPending || undefined}
                onClick={() => accept.mutate()}
              >
                {t('addresses.reschedule.accept')}
              </button>
            </>
          ) : null}
        </div>
      ) : null}
      <details className="reschedule__form">
        <summary>{t('addresses.reschedule.propose')}</summary>
        <form className="form" noValidate onSubmit={submit}>
          {propose.error ? <ApiErrorAlert error={propose.error} /> : null}
          {invalid ? (
            <p className="field__error" role="alert">
              {t('addresses.reschedule.invalid')}
            </p>
          ) : null}
          <div className="field-row">
            <div className="field">
              <label htmlFor={`${headingId}-sd`}>{t('addresses.reschedule.startDate')}</label>
              <input
                id={`${headingId}-sd`}
                type="date"
                value={startDate}
                onChange={(e) => setStartDate(e.target.value)}
                required
              />
            </div>
            <div className="field">
              <label htmlFor={`${headingId}-st`}>{t('addresses.reschedule.startTime')}</label>
              <input
                id={`${headingId}-st`}
                type="time"
                value={startTime}
                onChange={(e) => setStartTime(e.target.value)}
                required
              />
            </div>
          </div>
          <div className="field-row">
            <div className="field">
              <label htmlFor={`${headingId}-ed`}>{t('addresses.reschedule.endDate')}</label>
              <input
                id={`${headingId}-ed`}
                type="date"
                value={endDate}
                onChange={(e) => setEndDate(e.target.value)}
                required
              />
            </div>
            <div className="field">
              <label htmlFor={`${headingId}-et`}>{t('addresses.reschedule.endTime')}</label>
              <input
                id={`${headingId}-et`}
                type="time"
                value={endTime}
                onChange={(e) => setEndTime(e.target.value)}
                required
              />
            </div>
          </div>
          <SubmitButton pending={propose.isPending}>
            {t('addresses.reschedule.submit')}
          </SubmitButton>
          {sent ? <p role="status">{t('addresses.reschedule.sent')}</p> : null}
        </form>
      </details>
    </section>
  );
}
