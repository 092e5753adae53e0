import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  POST_KINDS,
  POST_LIMITS,
  type PostKind,
  type PostView,
  createPostSchema,
} from '@partagora/domain';
import { ApiErrorAlert } from '../../../components/ui/api-error-alert';
import { SelectField, TextAreaField, TextField } from '../../../components/ui/field';
import { SubmitButton } from '../../../components/ui/submit-button';
import { fromDateAndTime, toDateInput } from '../../../lib/dates';
import { applyApiErrorToForm } from '../../../lib/form-errors';
import { schemaResolver } from '../../../lib/schema-resolver';

interface FormValues {
  title: string;
  body: string;
  kind: PostKind;
  when: 'now' | 'later';
  /** The date input (named after the API field, so its errors land there). */
  publishAt: string;
  time: string;
}

export interface PostFormResult {
  title: string;
  body: string;
  kind: PostKind;
  /** Absent: publish now. */
  publishAt?: string;
}

const FIELDS = ['title', 'body', 'kind', 'publishAt'] as const;

/** Invalid date or time: a value the schema refuses, so the field shows why. */
const toPayload = (v: FormValues) => ({
  title: v.title,
  body: v.body,
  kind: v.kind,
  publishAt:
    v.when === 'later'
      ? (fromDateAndTime(v.publishAt, v.time)?.toISOString() ?? 'invalid')
      : undefined,
});

const resolver = schemaResolver<FormValues, typeof createPostSchema>(
  createPostSchema,
  toPayload,
  FIELDS,
);

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Writing a post: title, text, kind, and now or a scheduled date and time (local). Editing a
 * published post hides the schedule (it already went out).
 */
export function PostForm({
  initial,
  submitLabel,
  onSubmit,
}: {
  initial?: PostView;
  submitLabel: string;
  onSubmit: (values: PostFormResult) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<unknown>(null);
  // An hour from when the form opened (render stays pure).
  const [scheduledAt] = useState(() =>
    initial ? new Date(initial.publishedAt) : new Date(Date.now() + 3_600_000),
  );
  const canSchedule = !initial || initial.status === 'scheduled';
  const {
    register,
    handleSubmit,
    setError,
    control,
    formState: { errors, isSubmitting },
  } = useForm<FormValues, unknown, PostFormResult>({
    resolver,
    defaultValues: {
      title: initial?.title ?? '',
      body: initial?.body ?? '',
      kind: initial?.kind ?? 'news',
      when: initial?.status === 'scheduled' ? 'later' : 'now',
      publishAt: toDateInput(scheduledAt),
      time: `${pad(scheduledAt.getHours())}:${pad(scheduledAt.getMinutes())}`,
    },
  });
  const when = useWatch({ control, name: 'when' });
  const kind = useWatch({ control, name: 'kind' });

  const submit = async (values: PostFormResult) => {
    setFormError(null);
    try {
      await onSubmit(values);
    } catch (error) {
      if (applyApiErrorToForm(error, setError, FIELDS) === 0) setFormError(error);
    }
  };

  return (
    <form className="form" noValidate onSubmit={(e) => void handleSubmit(submit)(e)}>
      {formError ? <ApiErrorAlert error={formError} /> : null}
      <TextField
        label={t('posts.staff.titleField')}
        registration={register('title')}
        error={errors.title?.message}
        required
      />
      <TextAreaField
        label={t('posts.staff.bodyField')}
        rows={6}
        maxLength={POST_LIMITS.bodyMax}
        registration={register('body')}
        error={errors.body?.message}
        required
      />
      <SelectField
        label={t('posts.staff.kindField')}
        options={POST_KINDS.map((k) => ({ value: k, label: t(`posts.kinds.${k}`) }))}
        registration={register('kind')}
        error={errors.kind?.message}
        hint={kind === 'alert' ? t('posts.staff.alertHint') : undefined}
      />
      {canSchedule ? (
        <fieldset className="field">
          <legend>{t('posts.staff.when')}</legend>
          <label className="radio">
            <input type="radio" value="now" {...register('when')} /> {t('posts.staff.now')}
          </label>
          <label className="radio">
            <input type="radio" value="later" {...register('when')} /> {t('posts.staff.later')}
          </label>
          {when === 'later' ? (
            <div className="field-row">
              <TextField
                type="date"
                label={t('posts.staff.date')}
                registration={register('publishAt')}
                error={errors.publishAt?.message}
              />
              <TextField
                type="time"
                label={t('posts.staff.time')}
                registration={register('time')}
              />
            </div>
          ) : null}
        </fieldset>
      ) : null}
      <SubmitButton pending={isSubmitting}>
        {when === 'later' && canSchedule ? t('posts.staff.scheduleSubmit') : submitLabel}
      </SubmitButton>
    </form>
  );
}
