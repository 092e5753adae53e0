import { useState } from 'react';
import { useForm, useWatch, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  autoAcceptAllowed,
  createListingSchema,
  DEFAULT_LOAN_SETTINGS,
  EXACT_PLACE_LEAD_HOURS,
  LISTING_CATEGORIES,
  LISTING_CONDITIONS,
  LISTING_KINDS,
  updateListingSchema,
  type CreateListingInput,
  type ListingOwnerType,
  type ListingView,
  type UpdateListingInput,
} from '@partagora/domain';
import type { LatLng } from '@partagora/geo';
import { LocationPickerMap } from '../../../components/map/location-picker-map';
import { AddressSearch } from '../../../components/ui/address-search';
import { ApiErrorAlert } from '../../../components/ui/api-error-alert';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../../components/ui/field';
import { applyApiErrorToForm } from '../../../lib/form-errors';
import { parseFormNumber, parseFormPoint } from '../../../lib/numbers';
import { schemaResolver } from '../../../lib/schema-resolver';
import { useCreateListing, useUpdateListing } from '../api/listings.api';
import { SubmitButton } from '../../../components/ui/submit-button';

export interface ListingFormValues {
  kind: string;
  category: string;
  title: string;
  description: string;
  condition: string;
  loanSettings: { maxDays: string; bufferHours: string; depositNote: string; autoAccept: boolean };
  barterWishes: string;
  location: { lat: string; lng: string };
}

const FIELDS = [
  'kind',
  'category',
  'title',
  'description',
  'condition',
  'loanSettings.maxDays',
  'loanSettings.bufferHours',
  'loanSettings.depositNote',
  'loanSettings.autoAccept',
  'barterWishes',
  'location.lat',
  'location.lng',
] as const;

/**
 * The form edits the signed-in member's own listings: a resident's, which never auto-accept
 * (DESIGN.md §5), so the choice is not offered and never sent. An organisation's form will pass
 * its own owner type.
 */
const OWNER_TYPE: ListingOwnerType = 'user';
const offersAutoAccept = autoAcceptAllowed(OWNER_TYPE);

const orUndefined = (s: string) => (s === '' ? undefined : s);
const orNull = (s: string) => (s.trim() === '' ? null : s);

function locationOf(values: ListingFormValues) {
  const { lat, lng } = values.location;
  // Both blank: keep the current place (edit) or let the server use the home (create).
  if (lat.trim() === '' && lng.trim() === '') return undefined;
  return { lat: parseFormNumber(lat), lng: parseFormNumber(lng) };
}

function commonPayload(values: ListingFormValues, kind: string) {
  return {
    category: orUndefined(values.category),
    title: values.title,
    description: values.description,
    condition: orNull(values.condition),
    location: locationOf(values),
    loanSettings:
      kind === 'lend'
        ? {
            maxDays: parseFormNumber(values.loanSettings.maxDays),
            bufferHours: parseFormNumber(values.loanSettings.bufferHours),
            depositNote: orNull(values.loanSettings.depositNote),
            ...(offersAutoAccept ? { autoAccept: values.loanSettings.autoAccept } : {}),
          }
        : undefined,
    barterWishes: kind === 'barter' ? orNull(values.barterWishes) : undefined,
  };
}

const createResolver = schemaResolver<ListingFormValues, typeof createListingSchema>(
  createListingSchema,
  (values) => ({ kind: orUndefined(values.kind), ...commonPayload(values, values.kind) }),
  FIELDS,
);

function defaultValues(home: LatLng, listing?: ListingView): ListingFormValues {
  const loan = listing?.loanSettings ?? DEFAULT_LOAN_SETTINGS;
  return {
    kind: listing?.kind ?? '',
    category: listing?.category ?? '',
    title: listing?.title ?? '',
    description: listing?.description ?? '',
    condition: listing?.condition ?? '',
    loanSettings: {
      maxDays: String(loan.maxDays),
      bufferHours: String(loan.bufferHours),
      depositNote: loan.depositNote ?? '',
      autoAccept: loan.autoAccept,
    },
    barterWishes: listing?.barterWishes ?? '',
    // The exact place of an existing listing is not sent back: blank keeps it.
    location: listing ? { lat: '', lng: '' } : { lat: String(home.lat), lng: String(home.lng) },
  };
}

/** `municipality`: the owner's town slug, for the address search of the listing's place. */
export type ListingFormProps =
  | { mode: 'create'; home: LatLng; municipality?: string; onSaved: (listing: ListingView) => void }
  | {
      mode: 'edit';
      home: LatLng;
      municipality?: string;
      listing: ListingView;
      onSaved: (listing: ListingView) => void;
    };

export function ListingForm(props: ListingFormProps) {
  return props.mode === 'create' ? (
    <CreateListingForm
      home={props.home}
      municipality={props.municipality}
      onSaved={props.onSaved}
    />
  ) : (
    <EditListingForm
      home={props.home}
      municipality={props.municipality}
      listing={props.listing}
      onSaved={props.onSaved}
    />
  );
}

function CreateListingForm({
  home,
  municipality,
  onSaved,
}: {
  home: LatLng;
  municipality?: string;
  onSaved: (l: ListingView) => void;
}) {
  const create = useCreateListing();
  return (
    <ListingFormFields<CreateListingInput>
      home={home}
      municipality={municipality}
      resolver={createResolver}
      submit={(input) => create.mutateAsync(input)}
      onSaved={onSaved}
    />
  );
}

function EditListingForm({
  home,
  municipality,
  listing,
  onSaved,
}: {
  home: LatLng;
  municipality?: string;
  listing: ListingView;
  onSaved: (l: ListingView) => void;
}) {
  const update = useUpdateListing(listing.id);
  const [resolver] = useState(() =>
    schemaResolver<ListingFormValues, typeof updateListingSchema>(
      updateListingSchema,
      (values) => commonPayload(values, listing.kind),
      FIELDS,
    ),
  );
  return (
    <ListingFormFields<UpdateListingInput>
      home={home}
      municipality={municipality}
      listing={listing}
      resolver={resolver}
      submit={(input) => update.mutateAsync(input)}
      onSaved={onSaved}
    />
  );
}

interface FieldsProps<TOut> {
  home: LatLng;
  municipality?: string;
  listing?: ListingView;
  resolver: Resolver<ListingFormValues, unknown, TOut>;
  submit: (input: TOut) => Promise<ListingView>;
  onSaved: (listing: ListingView) => void;
}

function ListingFormFields<TOut>({
  home,
  municipality,
  listing,
  resolver,
  submit,
  onSaved,
}: FieldsProps<TOut>) {
  const { t } = useTranslation();
  const editing = listing !== undefined;
  const [formError, setFormError] = useState<unknown>(null);
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    control,
    formState: { errors, isSubmitting, isSubmitted },
  } = useForm<ListingFormValues, unknown, TOut>({
    resolver,
    defaultValues: defaultValues(home, listing),
  });

  const kind = useWatch({ control, name: 'kind' });
  const [lat, lng] = useWatch({ control, name: ['location.lat', 'location.lng'] });
  const point = parseFormPoint(lat, lng);

  const pick = (p: LatLng) => {
    const options = { shouldDirty: true, shouldValidate: isSubmitted };
    setValue('location.lat', String(p.lat), options);
    setValue('location.lng', String(p.lng), options);
  };

  const onSubmit = async (input: TOut) => {
    setFormError(null);
    try {
      onSaved(await submit(input));
    } catch (error) {
      if (applyApiErrorToForm(error, setError, FIELDS) === 0) setFormError(error);
    }
  };

  const kindOptions = LISTING_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }));
  const categoryOptions = LISTING_CATEGORIES.map((c) => ({
    value: c,
    label: t(`categories.${c}`),
  }));
  const conditionOptions = LISTING_CONDITIONS.map((c) => ({
    value: c,
    label: t(`conditions.${c}`),
  }));
  const kindHelp = LISTING_KINDS.find((k) => k === kind);

  return (
    <form className="form" noValidate onSubmit={(e) => void handleSubmit(onSubmit)(e)}>
      {formError ? <ApiErrorAlert error={formError} /> : null}
      {editing ? (
        <p>{t('listingForm.kindFixed', { kind: t(`kinds.${listing.kind}`) })}</p>
      ) : (
        <SelectField
          label={t('listingForm.kind')}
          registration={register('kind')}
          options={kindOptions}
          placeholder={t('listingForm.chooseKind')}
          hint={kindHelp ? t(`listingForm.kindHelp.${kindHelp}`) : undefined}
          error={errors.kind?.message}
          required
        />
      )}
      <SelectField
        label={t('listingForm.category')}
        registration={register('category')}
        options={categoryOptions}
        placeholder={t('listingForm.chooseCategory')}
        error={errors.category?.message}
        required
      />
      <TextField
        label={t('listingForm.title')}
        registration={register('title')}
        error={errors.title?.message}
        required
      />
      <TextAreaField
        label={t('listingForm.description')}
        registration={register('description')}
        error={errors.description?.message}
        rows={5}
      />
      <SelectField
        label={t('listingForm.condition')}
        registration={register('condition')}
        options={conditionOptions}
        placeholder={t('listingForm.conditionUnknown')}
        error={errors.condition?.message}
      />
      {kind === 'lend' ? (
        <fieldset className="fieldset">
          <legend>{t('listingForm.loanLegend')}</legend>
          <div className="field-row">
            <TextField
              label={t('listingForm.maxDays')}
              type="number"
              inputMode="numeric"
              min={1}
              registration={register('loanSettings.maxDays')}
              error={errors.loanSettings?.maxDays?.message}
            />
            <TextField
              label={t('listingForm.bufferHours')}
              type="number"
              inputMode="numeric"
              min={0}
              registration={register('loanSettings.bufferHours')}
              error={errors.loanSettings?.bufferHours?.message}
            />
          </div>
          <TextField
            label={`${t('listingForm.depositNote')} ${t('common.optional')}`}
            registration={register('loanSettings.depositNote')}
            error={errors.loanSettings?.depositNote?.message}
          />
          {offersAutoAccept ? (
            <CheckboxField
              label={t('listingForm.autoAccept')}
              registration={register('loanSettings.autoAccept')}
              error={errors.loanSettings?.autoAccept?.message}
            />
          ) : (
            <p className="field__hint">
              {t('listingForm.manualAccept', { hours: EXACT_PLACE_LEAD_HOURS })}
            </p>
          )}
        </fieldset>
      ) : null}
      {kind === 'barter' ? (
        <TextAreaField
          label={`${t('listingForm.barterWishes')} ${t('common.optional')}`}
          registration={register('barterWishes')}
          error={errors.barterWishes?.message}
          rows={3}
        />
      ) : null}
      <fieldset className="fieldset">
        <legend>{t('listingForm.locationLegend')}</legend>
        <p className="privacy-note">{t('listingForm.locationPrivacy')}</p>
        {municipality ? (
          <AddressSearch
            label={t('addresses.listing.label')}
            hint={t('addresses.listing.hint')}
            municipality={municipality}
            onSelect={(choice) => pick(choice.location)}
          />
        ) : null}
        <p className="field__hint">
          {t('map.pickHint')} {editing ? t('listingForm.locationEditHint') : null}
        </p>
        <LocationPickerMap
          value={point}
          onPick={pick}
          center={listing?.approxLocation ?? home}
          zoom={15}
          label={t('listingForm.locationMap')}
        />
        <div className="field-row">
          <TextField
            label={t('listingForm.latitude')}
            inputMode="decimal"
            registration={register('location.lat')}
            error={errors.location?.lat?.message}
          />
          <TextField
            label={t('listingForm.longitude')}
            inputMode="decimal"
            registration={register('location.lng')}
            error={errors.location?.lng?.message}
          />
        </div>
        <button type="button" className="button button--ghost" onClick={() => pick(home)}>
          {t('listingForm.useHome')}
        </button>
      </fieldset>
      <SubmitButton pending={isSubmitting}>
        {editing ? t('listingForm.submitEdit') : t('listingForm.submitCreate')}
      </SubmitButton>
    </form>
  );
}
