import { useState, type ReactNode } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  PASSWORD_MIN,
  registerSchema,
  type Me,
  type MunicipalitySummary,
  type RegisterInput,
} from '@partagora/domain';
import type { LatLng } from '@partagora/geo';
import { LocationPickerMap } from '../../../components/map/location-picker-map';
import { AddressSearch } from '../../../components/ui/address-search';
import { ApiErrorAlert } from '../../../components/ui/api-error-alert';
import { SelectField, TextField } from '../../../components/ui/field';
import { isApiError } from '../../../lib/api-client';
import { applyApiErrorToForm } from '../../../lib/form-errors';
import { currentLanguage } from '../../../lib/i18n';
import { parseFormNumber, parseFormPoint } from '../../../lib/numbers';
import { schemaResolver } from '../../../lib/schema-resolver';
import { useRegister } from '../api/auth.api';
import { SubmitButton } from '../../../components/ui/submit-button';

export interface SignupFormValues {
  municipality: string;
  email: string;
  password: string;
  displayName: string;
  home: { lat: string; lng: string };
}

const FIELDS = [
  'municipality',
  'email',
  'password',
  'displayName',
  'home.lat',
  'home.lng',
] as const;

/** Centre of mainland France, when no town is chosen yet. */
const FRANCE: LatLng = { lat: 46.6, lng: 2.4 };

function toPayload(values: SignupFormValues): unknown {
  return {
    email: values.email,
    password: values.password,
    displayName: values.displayName,
    municipality: values.municipality,
    home: { lat: parseFormNumber(values.home.lat), lng: parseFormNumber(values.home.lng) },
    locale: currentLanguage(),
  };
}

const resolver = schemaResolver<SignupFormValues, typeof registerSchema>(
  registerSchema,
  toPayload,
  FIELDS,
);

export interface SignupFormProps {
  towns: readonly MunicipalitySummary[];
  /** Slug to preselect (from `?town=`). */
  initialTown?: string;
  onSuccess: (me: Me) => void;
  /** Extra map layers for the chosen town (its boundary), composed by the app. */
  renderMapOverlay?: (townSlug: string) => ReactNode;
}

export function SignupForm({ towns, initialTown, onSuccess, renderMapOverlay }: SignupFormProps) {
  const { t } = useTranslation();
  const registerMutation = useRegister();
  const [formError, setFormError] = useState<unknown>(null);
  const preselected =
    towns.find((town) => town.slug === initialTown)?.slug ??
    (towns.length === 1 ? towns[0]?.slug : '');
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    control,
    formState: { errors, isSubmitting, isSubmitted },
  } = useForm<SignupFormValues, unknown, RegisterInput>({
    resolver,
    defaultValues: {
      municipality: preselected ?? '',
      email: '',
      password: '',
      displayName: '',
      home: { lat: '', lng: '' },
    },
  });

  const townSlug = useWatch({ control, name: 'municipality' });
  const [lat, lng] = useWatch({ control, name: ['home.lat', 'home.lng'] });
  const town = towns.find((candidate) => candidate.slug === townSlug);
  const home = parseFormPoint(lat, lng);

  const pick = (p: LatLng) => {
    const options = { shouldDirty: true, shouldValidate: isSubmitted };
    setValue('home.lat', String(p.lat), options);
    setValue('home.lng', String(p.lng), options);
  };

  const onSubmit = async (input: RegisterInput) => {
    setFormError(null);
    try {
      const { user } = await registerMutation.mutateAsync(input);
      onSuccess(user);
    } catch (error) {
      let mapped = 0;
      if (isApiError(error) && error.code === 'EMAIL_TAKEN') {
        setError(
          'email',
          { type: 'server', message: t('errors.codes.EMAIL_TAKEN') },
          { shouldFocus: true },
        );
        mapped = 1;
      } else if (isApiError(error) && error.code === 'PASSWORD_TOO_COMMON') {
        setError(
          'password',
          { type: 'server', message: t('errors.codes.PASSWORD_TOO_COMMON') },
          { shouldFocus: true },
        );
        mapped = 1;
      } else if (isApiError(error) && error.code === 'HOME_OUTSIDE_MUNICIPALITY') {
        const message = t('errors.codes.HOME_OUTSIDE_MUNICIPALITY');
        setError('home.lat', { type: 'server', message }, { shouldFocus: true });
        mapped = 1;
      } else {
        mapped = applyApiErrorToForm(error, setError, FIELDS);
      }
      if (mapped === 0) setFormError(error);
    }
  };

  const options = towns.map((candidate) => ({ value: candidate.slug, label: candidate.name }));

  return (
    <form className="form" noValidate onSubmit={(e) => void handleSubmit(onSubmit)(e)}>
      {formError ? <ApiErrorAlert error={formError} /> : null}
      <SelectField
        label={t('auth.municipality')}
        registration={register('municipality')}
        options={options}
        placeholder={t('auth.chooseMunicipality')}
        error={errors.municipality?.message}
        required
      />
      <TextField
        label={t('auth.email')}
        type="email"
        autoComplete="email"
        registration={register('email')}
        error={errors.email?.message}
        required
      />
      <TextField
        label={t('auth.password')}
        type="password"
        autoComplete="new-password"
        hint={t('auth.passwordHint', { min: PASSWORD_MIN })}
        registration={register('password')}
        error={errors.password?.message}
        required
      />
      <TextField
        label={t('auth.displayName')}
        autoComplete="nickname"
        hint={t('auth.displayNameHint')}
        registration={register('displayName')}
        error={errors.displayName?.message}
        required
      />
      <fieldset className="fieldset">
        <legend>{t('auth.homeLegend')}</legend>
        <p className="privacy-note">{t('auth.homePrivacy')}</p>
        <AddressSearch
          key={town?.slug ?? ''}
          label={t('addresses.signup.label')}
          hint={town ? t('addresses.signup.hint') : t('addresses.signup.chooseTownFirst')}
          municipality={town?.slug}
          onSelect={(choice) => pick(choice.location)}
        />
        <p className="field__hint">{t('addresses.signup.mapRefine')}</p>
        <LocationPickerMap
          value={home}
          onPick={pick}
          center={town?.centre ?? FRANCE}
          zoom={town ? 14 : 5}
          label={t('auth.homeMap')}
        >
          {town && renderMapOverlay ? renderMapOverlay(town.slug) : null}
        </LocationPickerMap>
        <div className="field-row">
          <TextField
            label={t('auth.latitude')}
            inputMode="decimal"
            registration={register('home.lat')}
            error={errors.home?.lat?.message}
            required
          />
          <TextField
            label={t('auth.longitude')}
            inputMode="decimal"
            registration={register('home.lng')}
            error={errors.home?.lng?.message}
            required
          />
        </div>
      </fieldset>
      <SubmitButton pending={isSubmitting}>{t('auth.submitSignup')}</SubmitButton>
    </form>
  );
}
