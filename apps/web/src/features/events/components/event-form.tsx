import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type CreateEventInput, type EventView, createEventSchema } from '@partagora/domain';
import type { LatLng } from '@partagora/geo';
import { ApiErrorAlert } from '../../../components/ui/api-error-alert';
import { SelectField, TextAreaField, TextField } from '../../../components/ui/field';
import { SubmitButton } from '../../../components/ui/submit-button';
import { fromDateAndTime } from '../../../lib/dates';
import { applyApiErrorToForm } from '../../../lib/form-errors';
import { schemaResolver } from '../../../lib/schema-resolver';
import { useCreateEvent } from '../api/events.api';

/** Field names are the payload's paths, so the schema's issues land on their fields. */
interface FormValues {
  organisationId: string;
  title: string;
  description: string;
  date: string;
  startsAt: string;
  endsAt: string;
  place: { name: string; address: string; location: { lat: string; lng: string } };
  capacity: string;
}

const FIELDS = [
  'organisationId',
  'title',
  'description',
  'date',
  'startsAt',
  'endsAt',
  'place.name',
  'place.address',
  'place.location.lat',
  'place.location.lng',
  'capacity',
] as const;

const num = (v: string) => (v.trim() === '' ? undefined : Number(v.replace(',', '.')));
const iso = (d: Date | null) => (d ? d.toISOString() : '');

const resolver = schemaResolver<FormValues, typeof createEventSchema>(
  createEventSchema,
  (v) => ({
    title: v.title,
    description: v.description,
    startsAt: iso(fromDateAndTime(v.date, v.startsAt)),
    endsAt: iso(fromDateAndTime(v.date, v.endsAt)),
    place: {
      name: v.place.name,
      address: v.place.address,
      location: { lat: num(v.place.location.lat), lng: num(v.place.location.lng) },
    },
    capacity: num(v.capacity) ?? null,
    organisationId: v.organisationId === '' ? undefined : v.organisationId,
  }),
  FIELDS,
);

/** Organiser choices: `''` is the town hall (staff), otherwise a verified organisation's id. */
export interface OrganiserOption {
  value: string;
  label: string;
}

/** Staff publish for the town hall; admins of a verified organisation for it. */
export function EventForm({
  slug,
  organisers,
  defaultLocation,
  onCreated,
}: {
  slug: string;
  organisers: readonly OrganiserOption[];
  defaultLocation: LatLng;
  onCreated: (event: EventView) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateEvent(slug);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<FormValues, unknown, CreateEventInput>({
    resolver,
    defaultValues: {
      organisationId: organisers[0]?.value ?? '',
      title: '',
      description: '',
      date: '',
      startsAt: '',
      endsAt: '',
      place: {
        name: '',
        address: '',
        location: { lat: String(defaultLocation.lat), lng: String(defaultLocation.lng) },
      },
      capacity: '',
    },
  });

  const onSubmit = async (input: CreateEventInput) => {
    try {
      onCreated(await create.mutateAsync(input));
    } catch (error) {
      applyApiErrorToForm(error, setError, FIELDS);
    }
  };

  return (
    <form className="form" noValidate onSubmit={(e) => void handleSubmit(onSubmit)(e)}>
      {create.error ? <ApiErrorAlert error={create.error} /> : null}
      <SelectField
        label={t('events.form.organiser')}
        registration={register('organisationId')}
        options={organisers}
        error={errors.organisationId?.message}
      />
      <TextField
        label={t('events.form.title')}
        registration={register('title')}
        error={errors.title?.message}
        required
      />
      <TextAreaField
        label={t('events.form.description')}
        registration={register('description')}
        error={errors.description?.message}
      />
      <TextField
        type="date"
        label={t('events.form.date')}
        registration={register('date')}
        error={errors.date?.message}
        required
      />
      <TextField
        type="time"
        label={t('events.form.startTime')}
        registration={register('startsAt')}
        error={errors.startsAt?.message}
        required
      />
      <TextField
        type="time"
        label={t('events.form.endTime')}
        registration={register('endsAt')}
        error={errors.endsAt?.message}
        required
      />
      <TextField
        label={t('events.form.placeName')}
        registration={register('place.name')}
        error={errors.place?.name?.message}
        required
      />
      <TextField
        label={t('events.form.placeAddress')}
        registration={register('place.address')}
        error={errors.place?.address?.message}
        required
      />
      <TextField
        label={t('events.form.lat')}
        hint={t('events.form.locationHint')}
        inputMode="decimal"
        registration={register('place.location.lat')}
        error={errors.place?.location?.lat?.message}
      />
      <TextField
        label={t('events.form.lng')}
        inputMode="decimal"
        registration={register('place.location.lng')}
        error={errors.place?.location?.lng?.message}
      />
      <TextField
        label={t('events.form.capacity')}
        hint={t('events.form.capacityHint')}
        inputMode="numeric"
        registration={register('capacity')}
        error={errors.capacity?.message}
      />
      <SubmitButton pending={isSubmitting}>{t('events.form.submit')}</SubmitButton>
    </form>
  );
}
