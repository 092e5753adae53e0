import { useState } from 'react';
import { useForm, useWatch, type FieldErrors, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  createExchangeSchema,
  LOAN_BOOKING_HORIZON_DAYS,
  type CreateExchangeInput,
  type ExchangeView,
} from '@partagora/domain';
import { ApiErrorAlert } from '../../../components/ui/api-error-alert';
import { StatusMessage } from '../../../components/ui/status-message';
import { TextField } from '../../../components/ui/field';
import { isApiError } from '../../../lib/api-client';
import {
  addDays,
  formatDateTime,
  fromDateAndTime,
  startOfDay,
  toDateInput,
} from '../../../lib/dates';
import { issueMessage } from '../../../lib/form-errors';
import { i18n } from '../../../lib/i18n';
import { useAvailability, useRequestExchange } from '../api/exchanges.api';
import {
  checkLoanPeriod,
  parseBusy,
  type BusySpan,
  type LoanPeriodProblem,
} from '../lib/loan-period';
import { AvailabilityCalendar } from './availability-calendar';
import { applyRequestError } from './request-errors';
import { RequestFormFooter } from './request-form-footer';

/** The calendar shows the next eight weeks. */
export const CALENDAR_DAYS = 56;

export interface LoanFormValues {
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  message: string;
}

type LoanField = keyof LoanFormValues;

/** What the resolver checks against; given as react-hook-form `context` (current each render). */
interface LoanRules {
  maxDays: number;
  bufferHours: number;
  busy: readonly BusySpan[];
  now: () => Date;
}

function problemMessage(problem: LoanPeriodProblem): string {
  const t = i18n.t.bind(i18n);
  switch (problem.code) {
    case 'past':
      return t('booking.errors.past');
    case 'tooFar':
      return t('booking.errors.tooFar', { count: LOAN_BOOKING_HORIZON_DAYS });
    case 'endBeforeStart':
      return t('booking.errors.endBeforeStart');
    case 'tooLong':
      return t('booking.errors.tooLong', { count: problem.maxDays });
    case 'overlap':
      return t('booking.errors.overlap', {
        start: formatDateTime(i18n.language, problem.span.start),
        end: formatDateTime(i18n.language, problem.span.end),
      });
  }
}

/**
 * Builds `{start, end, message}` from the date and time fields and checks it as the API will:
 * required parts, then the loan rules (past, horizon, max days, overlap with busy spans plus the
 * buffer), then the shared `createExchangeSchema`.
 */
const loanResolver: Resolver<LoanFormValues, LoanRules, CreateExchangeInput> = (values, rules) => {
  const errors: FieldErrors<LoanFormValues> = {};
  const fail = (field: LoanField, type: string, message: string) => {
    errors[field] ??= { type, message };
  };
  for (const field of ['startDate', 'startTime', 'endDate', 'endTime'] as const) {
    if (values[field].trim() === '') fail(field, 'required', i18n.t('errors.field.required'));
  }
  const start = fromDateAndTime(values.startDate, values.startTime);
  const end = fromDateAndTime(values.endDate, values.endTime);
  if (!errors.startDate && !errors.startTime && !start)
    fail('startDate', 'invalid', i18n.t('errors.field.invalid'));
  if (!errors.endDate && !errors.endTime && !end)
    fail('endDate', 'invalid', i18n.t('errors.field.invalid'));
  if (start && end) {
    const problem = rules ? checkLoanPeriod({ start, end }, rules, rules.now()) : null;
    if (problem) {
      fail(
        problem.field === 'start' ? 'startDate' : 'endDate',
        problem.code,
        problemMessage(problem),
      );
    }
  }
  if (Object.keys(errors).length > 0 || !start || !end) return { values: {}, errors };
  const parsed = createExchangeSchema.safeParse({
    start: start.toISOString(),
    end: end.toISOString(),
    message: values.message.trim() || undefined,
  });
  if (parsed.success) return { values: parsed.data, errors: {} };
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join('.');
    fail(path === 'message' ? 'message' : 'endDate', issue.code, issueMessage(issue));
  }
  return { values: {}, errors };
};

export interface LoanRequestFormProps {
  listingId: string;
  /** The listing's own loan settings, used until the availability has loaded. */
  loanSettings: { maxDays: number; bufferHours: number };
  onRequested: (exchange: ExchangeView) => void;
  /** The present (tests pass a fixed one). */
  now?: Date;
}

/**
 * "Demander un prêt": the busy days of the next eight weeks, the period chosen with native date and
 * time fields, checked against the busy spans and the longest loan before anything is sent.
 */
export function LoanRequestForm({
  listingId,
  loanSettings,
  onRequested,
  now,
}: LoanRequestFormProps) {
  const { t, i18n: i18nInstance } = useTranslation();
  const [clock] = useState(() => now ?? new Date());
  const [from] = useState(() => startOfDay(clock));
  const to = addDays(from, CALENDAR_DAYS);
  const availability = useAvailability(listingId, from, to);
  const request = useRequestExchange(listingId);
  const [formError, setFormError] = useState<unknown>(null);

  const rules: LoanRules = {
    maxDays: availability.data?.maxDays ?? loanSettings.maxDays,
    bufferHours: availability.data?.bufferHours ?? loanSettings.bufferHours,
    busy: parseBusy(availability.data?.busy ?? []),
    // Submit time, not mount time: a form left open must not accept a start now past.
    now: () => (now ? clock : new Date()),
  };

  const {
    register,
    handleSubmit,
    setError,
    control,
    formState: { errors, isSubmitting },
  } = useForm<LoanFormValues, LoanRules, CreateExchangeInput>({
    resolver: loanResolver,
    context: rules,
    defaultValues: {
      startDate: '',
      startTime: '10:00',
      endDate: '',
      endTime: '18:00',
      message: '',
    },
  });
  const [startDate, startTime, endDate, endTime] = useWatch({
    control,
    name: ['startDate', 'startTime', 'endDate', 'endTime'],
  });
  const start = fromDateAndTime(startDate, startTime);
  const end = fromDateAndTime(endDate, endTime);
  const selection = start && end && end > start ? { start, end } : null;

  const onSubmit = async (input: CreateExchangeInput) => {
    setFormError(null);
    try {
      onRequested(await request.mutateAsync(input));
    } catch (error) {
      if (isApiError(error) && error.code === 'BOOKING_OVERLAP') void availability.refetch();
      const mapped = applyRequestError(error, setError, {
        start: 'startDate',
        end: 'endDate',
        message: 'message',
      });
      if (!mapped) setFormError(error);
    }
  };

  const minDate = toDateInput(from);
  const maxDate = toDateInput(addDays(from, LOAN_BOOKING_HORIZON_DAYS));
  return (
    <form
      className="form booking"
      noValidate
      aria-label={t('booking.title')}
      onSubmit={(e) => void handleSubmit(onSubmit)(e)}
    >
      <ul className="booking__rules">
        <li>{t('booking.maxDays', { count: rules.maxDays })}</li>
        <li>{t('booking.bufferHours', { count: rules.bufferHours })}</li>
      </ul>
      <section className="booking__calendar" aria-label={t('booking.calendar.label')}>
        <h4>{t('booking.calendar.title')}</h4>
        {availability.isPending ? <StatusMessage>{t('booking.loading')}</StatusMessage> : null}
        {availability.isError ? (
          <ApiErrorAlert error={availability.error} onRetry={() => void availability.refetch()} />
        ) : null}
        {availability.data ? (
          <AvailabilityCalendar
            from={from}
            days={CALENDAR_DAYS}
            busy={rules.busy}
            selection={selection}
          />
        ) : null}
      </section>
      <div className="field-row">
        <fieldset className="fieldset">
          <legend>{t('booking.start')}</legend>
          <TextField
            type="date"
            label={t('booking.startDate')}
            registration={register('startDate')}
            min={minDate}
            max={maxDate}
            error={errors.startDate?.message}
            required
          />
          <TextField
            type="time"
            label={t('booking.startTime')}
            registration={register('startTime')}
            error={errors.startTime?.message}
            required
          />
        </fieldset>
        <fieldset className="fieldset">
          <legend>{t('booking.end')}</legend>
          <TextField
            type="date"
            label={t('booking.endDate')}
            registration={register('endDate')}
            min={startDate || minDate}
            max={maxDate}
            error={errors.endDate?.message}
            required
          />
          <TextField
            type="time"
            label={t('booking.endTime')}
            registration={register('endTime')}
            error={errors.endTime?.message}
            required
          />
        </fieldset>
      </div>
      {selection ? (
        <p className="booking__summary" aria-live="polite">
          {t('booking.summary', {
            start: formatDateTime(i18nInstance.language, selection.start),
            end: formatDateTime(i18nInstance.language, selection.end),
          })}
        </p>
      ) : null}
      <RequestFormFooter
        registration={register('message')}
        messageError={errors.message?.message}
        formError={formError}
        isSubmitting={isSubmitting}
      />
    </form>
  );
}
