import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  type CreateOrganisationInput,
  REGISTRABLE_ORGANISATION_KINDS,
  createOrganisationSchema,
} from '@partagora/domain';
import type { LatLng } from '@partagora/geo';
import { ApiErrorAlert } from '../../../components/ui/api-error-alert';
import { SelectField, TextAreaField, TextField } from '../../../components/ui/field';
import { SubmitButton } from '../../../components/ui/submit-button';
import { applyApiErrorToForm } from '../../../lib/form-errors';
import { schemaResolver } from '../../../lib/schema-resolver';
import { useRegisterOrganisation } from '../api/organisations.api';

/** Field names are the payload's paths, so the schema's issues land on their fields. */
interface FormValues {
  kind: string;
  name: string;
  address: string;
  location: { lat: string; lng: string };
  description: string;
}

const FIELDS = ['kind', 'name', 'address', 'location.lat', 'location.lng', 'description'] as const;
const num = (v: string) => (v.trim() === '' ? undefined : Number(v.replace(',', '.')));

/**
 * "Register my shop or association": a signed-in resident's request, pending until the town's
 * staff verify it. The location defaults to the town's centre (to be adjusted).
 */
export function OrganisationForm({
  municipality,
  defaultLocation,
  onRegistered,
}: {
  municipality: string;
  defaultLocation: LatLng;
  onRegistered: (id: string) => void;
}) {
  const { t } = useTranslation();
  const registerOrg = useRegisterOrganisation();
  const resolver = schemaResolver<FormValues, typeof createOrganisationSchema>(
    createOrganisationSchema,
    (v) => ({
      municipality,
      kind: v.kind,
      name: v.name,
      address: v.address,
      location: { lat: num(v.location.lat), lng: num(v.location.lng) },
      description: v.description.trim() === '' ? undefined : v.description,
    }),
    FIELDS,
  );
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<FormValues, unknown, CreateOrganisationInput>({
    resolver,
    defaultValues: {
      kind: 'shop',
      name: '',
      address: '',
      location: { lat: String(defaultLocation.lat), lng: String(defaultLocation.lng) },
      description: '',
    },
  });

  const onSubmit = async (input: CreateOrganisationInput) => {
    try {
      onRegistered((await registerOrg.mutateAsync(input)).id);
    } catch (error) {
      applyApiErrorToForm(error, setError, FIELDS);
    }
  };

  return (
    <form className="form" noValidate onSubmit={(e) => void handleSubmit(onSubmit)(e)}>
      {registerOrg.error ? <ApiErrorAlert error={registerOrg.error} /> : null}
      <SelectField
        label={t('organisations.form.kind')}
        registration={register('kind')}
        options={REGISTRABLE_ORGANISATION_KINDS.map((k) => ({
          value: k,
          label: t(`organisations.kinds.${k}`),
        }))}
        error={errors.kind?.message}
      />
      <TextField
        label={t('organisations.form.name')}
        registration={register('name')}
        error={errors.name?.message}
        required
      />
      <TextField
        label={t('organisations.form.address')}
        hint={t('organisations.form.addressHint')}
        autoComplete="street-address"
        registration={register('address')}
        error={errors.address?.message}
        required
      />
      <TextField
        label={t('organisations.form.lat')}
        hint={t('organisations.form.locationHint')}
        inputMode="decimal"
        registration={register('location.lat')}
        error={errors.location?.lat?.message}
      />
      <TextField
        label={t('organisations.form.lng')}
        inputMode="decimal"
        registration={register('location.lng')}
        error={errors.location?.lng?.message}
      />
      <TextAreaField
        label={t('organisations.form.description')}
        registration={register('description')}
        error={errors.description?.message}
        maxLength={2000}
      />
      <SubmitButton pending={isSubmitting}>{t('organisations.form.submit')}</SubmitButton>
    </form>
  );
}
