import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  ALERT_LIMITS,
  createAlertSchema,
  LISTING_CATEGORIES,
  LISTING_KINDS,
  type CreateAlertInput,
  type ListingCategory,
  type ListingKind,
} from '@partagora/domain';
import { ApiErrorAlert } from '../../../components/ui/api-error-alert';
import { SelectField, TextField } from '../../../components/ui/field';
import { applyApiErrorToForm } from '../../../lib/form-errors';
import { schemaResolver } from '../../../lib/schema-resolver';
import { useCreateAlert } from '../api/alerts.api';
import { ALERT_RADII } from './alert-description';

/** The search an alert starts from (the listings page's current filters). */
export interface AlertFilters {
  radius?: number;
  kind?: ListingKind;
  category?: ListingCategory;
  q?: string;
}

interface AlertFormValues {
  radius: string;
  kind: string;
  category: string;
  q: string;
}

const FIELDS = ['radius', 'kind', 'category', 'q'] as const;

const resolver = schemaResolver<AlertFormValues, typeof createAlertSchema>(
  createAlertSchema,
  (v) => ({
    radius: Number(v.radius),
    kind: v.kind || undefined,
    category: v.category || undefined,
    q: v.q.trim() || undefined,
  }),
  FIELDS,
);

/** "Créer une alerte": around my home, prefilled from the filters I came with. */
export function AlertForm({ initial }: { initial: AlertFilters }) {
  const { t } = useTranslation();
  const create = useCreateAlert();
  const [formError, setFormError] = useState<unknown>(null);
  const [created, setCreated] = useState(false);
  const radius = ALERT_RADII.find((r) => r === initial.radius) ?? ALERT_LIMITS.radiusDefault;
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<AlertFormValues, unknown, CreateAlertInput>({
    resolver,
    defaultValues: {
      radius: String(radius),
      kind: initial.kind ?? '',
      category: initial.category ?? '',
      q: initial.q ?? '',
    },
  });

  const onSubmit = async (input: CreateAlertInput) => {
    setFormError(null);
    setCreated(false);
    try {
      await create.mutateAsync(input);
      setCreated(true);
    } catch (error) {
      if (applyApiErrorToForm(error, setError, FIELDS) === 0) setFormError(error);
    }
  };

  return (
    <form
      className="form"
      noValidate
      aria-label={t('alerts.createTitle')}
      onSubmit={(e) => void handleSubmit(onSubmit)(e)}
    >
      <p className="field__hint">{t('alerts.createHint')}</p>
      <TextField
        type="search"
        label={t('alerts.q')}
        registration={register('q')}
        hint={t('alerts.qHint')}
        error={errors.q?.message}
      />
      <div className="field-row">
        <SelectField
          label={t('listings.kind')}
          registration={register('kind')}
          placeholder={t('listings.allKinds')}
          options={LISTING_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
          error={errors.kind?.message}
        />
        <SelectField
          label={t('listings.category')}
          registration={register('category')}
          placeholder={t('listings.allCategories')}
          options={LISTING_CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
          error={errors.category?.message}
        />
      </div>
      <SelectField
        label={t('listings.radius')}
        registration={register('radius')}
        options={ALERT_RADII.map((r) => ({
          value: String(r),
          label: t('listings.radiusOption', { label: t(`radius.${r}`) }),
        }))}
        error={errors.radius?.message}
      />
      {formError ? <ApiErrorAlert error={formError} /> : null}
      <p role="status" className="status-message">
        {created ? t('alerts.created') : ''}
      </p>
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          {t('alerts.create')}
        </button>
      </div>
    </form>
  );
}
