import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  PRACTICES,
  createInitiativeSchema,
  type CreateInitiativeInput,
  type Initiative,
} from '@partagora/domain';
import type { LatLng } from '@partagora/geo';
import { LocationPickerMap } from '../../../components/map/location-picker-map';
import { ApiErrorAlert } from '../../../components/ui/api-error-alert';
import { SelectField, TextAreaField, TextField } from '../../../components/ui/field';
import { SubmitButton } from '../../../components/ui/submit-button';
import { applyApiErrorToForm } from '../../../lib/form-errors';
import { schemaResolver } from '../../../lib/schema-resolver';
import { useCreateInitiative, useUpdateInitiative } from '../api/initiatives.api';
import { practiceLabel } from './practice-label';

interface FormValues {
  name: string;
  practice: string;
  description: string;
  url: string;
  location: { lat: string; lng: string };
}

const FIELDS = ['name', 'practice', 'description', 'url', 'location.lat', 'location.lng'] as const;

const resolver = schemaResolver<FormValues, typeof createInitiativeSchema>(
  createInitiativeSchema,
  (v) => ({
    name: v.name,
    practice: v.practice,
    description: v.description,
    url: v.url.trim() || null,
    location: {
      lat: v.location.lat.trim() === '' ? undefined : Number(v.location.lat),
      lng: v.location.lng.trim() === '' ? undefined : Number(v.location.lng),
    },
  }),
  FIELDS,
);

export interface InitiativeFormProps {
  slug: string;
  /** Where the map opens: the town centre. */
  centre: LatLng;
  /** Editing this one; a new initiative otherwise. */
  initiative?: Initiative;
  onDone: () => void;
}

/** Staff: add or edit an initiative (name, practice, place on the map or by coordinates). */
export function InitiativeForm({ slug, centre, initiative, onDone }: InitiativeFormProps) {
  const { t, i18n } = useTranslation();
  const create = useCreateInitiative(slug);
  const update = useUpdateInitiative(slug);
  const [formError, setFormError] = useState<unknown>(null);
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    control,
    formState: { errors, isSubmitting },
  } = useForm<FormValues, unknown, CreateInitiativeInput>({
    resolver,
    defaultValues: {
      name: initiative?.name ?? '',
      practice: initiative?.practice ?? '',
      description: initiative?.description ?? '',
      url: initiative?.url ?? '',
      location: {
        lat: initiative ? String(initiative.location.lat) : '',
        lng: initiative ? String(initiative.location.lng) : '',
      },
    },
  });
  const typed = useWatch({ control, name: 'location' });
  const lat = Number(typed.lat);
  const lng = Number(typed.lng);
  const picked =
    typed.lat !== '' && typed.lng !== '' && Number.isFinite(lat) && Number.isFinite(lng)
      ? { lat, lng }
      : null;

  const onSubmit = async (input: CreateInitiativeInput) => {
    setFormError(null);
    try {
      if (initiative) await update.mutateAsync({ id: initiative.id, patch: input });
      else await create.mutateAsync(input);
      onDone();
    } catch (error) {
      if (applyApiErrorToForm(error, setError, FIELDS) === 0) setFormError(error);
    }
  };
  const title = initiative
    ? t('townData.initiatives.editTitle', { name: initiative.name })
    : t('townData.initiatives.addTitle');

  return (
    <form
      className="form card"
      noValidate
      aria-label={title}
      onSubmit={(e) => void handleSubmit(onSubmit)(e)}
    >
      <h2>{title}</h2>
      <TextField
        label={t('townData.initiatives.name')}
        registration={register('name')}
        error={errors.name?.message}
        required
      />
      <SelectField
        label={t('townData.initiatives.practice')}
        registration={register('practice')}
        placeholder={t('townData.initiatives.choosePractice')}
        options={PRACTICES.map((p) => ({
          value: p.slug,
          label: practiceLabel(p.slug, i18n.language),
        }))}
        error={errors.practice?.message}
        required
      />
      <TextAreaField
        label={t('townData.initiatives.description')}
        registration={register('description')}
        error={errors.description?.message}
        maxLength={2000}
      />
      <TextField
        label={t('townData.initiatives.url')}
        registration={register('url')}
        hint={t('townData.initiatives.urlHint')}
        error={errors.url?.message}
      />
      <fieldset>
        <legend>{t('townData.initiatives.place')}</legend>
        <p className="field__hint">{t('townData.initiatives.placeHint')}</p>
        <LocationPickerMap
          value={picked}
          center={initiative?.location ?? centre}
          label={t('townData.initiatives.placeMap')}
          onPick={(p) => {
            setValue('location.lat', String(p.lat), { shouldValidate: true });
            setValue('location.lng', String(p.lng), { shouldValidate: true });
          }}
        />
        <div className="field-row">
          <TextField
            label={t('townData.initiatives.lat')}
            inputMode="decimal"
            registration={register('location.lat')}
            error={errors.location?.lat?.message}
          />
          <TextField
            label={t('townData.initiatives.lng')}
            inputMode="decimal"
            registration={register('location.lng')}
            error={errors.location?.lng?.message}
          />
        </div>
      </fieldset>
      {formError ? <ApiErrorAlert error={formError} /> : null}
      <div className="actions">
        <SubmitButton pending={isSubmitting}>
          {initiative ? t('townData.initiatives.save') : t('townData.initiatives.add')}
        </SubmitButton>
        <button type="button" className="button button--secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
