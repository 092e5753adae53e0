import { useId, useState } from 'react';
import { useForm, useWatch, type FieldErrors, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  createExchangeSchema,
  type CreateExchangeInput,
  type ExchangeView,
} from '@partagora/domain';
import { SelectField, TextAreaField } from '../../../components/ui/field';
import { StatusMessage } from '../../../components/ui/status-message';
import { issueMessage } from '../../../lib/form-errors';
import { i18n } from '../../../lib/i18n';
import { useRequestExchange } from '../api/exchanges.api';
import { applyRequestError } from './request-errors';
import { RequestFormFooter } from './request-form-footer';

/** One of my own available listings, as offered in a swap or an answer. */
export interface OfferableListing {
  id: string;
  title: string;
}

interface OfferFormValues {
  mode: 'listing' | 'item';
  offeredListingId: string;
  offeredItem: string;
  message: string;
}

type OfferField = keyof OfferFormValues;

/** `barter`: one of my listings or a described item; `wanted`: one of my listings. */
interface OfferContext {
  kind: 'barter' | 'wanted';
}

const offerResolver: Resolver<OfferFormValues, OfferContext, CreateExchangeInput> = (
  values,
  context,
) => {
  const errors: FieldErrors<OfferFormValues> = {};
  const fail = (field: OfferField, type: string, message: string) => {
    errors[field] ??= { type, message };
  };
  const mode = context?.kind === 'wanted' ? 'listing' : values.mode;
  if (mode === 'listing' && values.offeredListingId === '')
    fail('offeredListingId', 'required', i18n.t('exchangeRequest.offer.chooseListingError'));
  if (mode === 'item' && values.offeredItem.trim() === '')
    fail('offeredItem', 'required', i18n.t('errors.field.required'));
  if (Object.keys(errors).length > 0) return { values: {}, errors };
  const parsed = createExchangeSchema.safeParse({
    offeredListingId: mode === 'listing' ? values.offeredListingId : undefined,
    offeredItem: mode === 'item' ? values.offeredItem.trim() : undefined,
    message: values.message.trim() || undefined,
  });
  if (parsed.success) return { values: parsed.data, errors: {} };
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join('.');
    const field: OfferField =
      path === 'message' ? 'message' : path === 'offeredItem' ? 'offeredItem' : 'offeredListingId';
    fail(field, issue.code, issueMessage(issue));
  }
  return { values: {}, errors };
};

export interface OfferRequestFormProps {
  listingId: string;
  kind: 'barter' | 'wanted';
  /** My available listings; `undefined` while they load. */
  myListings: readonly OfferableListing[] | undefined;
  onRequested: (exchange: ExchangeView) => void;
}

/**
 * "Proposer un échange" (barter: one of my listings or an item I describe) and "Proposer une de mes
 * annonces" (an answer to a wanted post: one of my listings).
 */
export function OfferRequestForm(props: OfferRequestFormProps) {
  const { t } = useTranslation();
  const { kind, myListings } = props;
  if (myListings === undefined) {
    return <StatusMessage>{t('exchangeRequest.offer.loadingMine')}</StatusMessage>;
  }
  if (kind === 'wanted' && myListings.length === 0) {
    return (
      <div className="empty-state">
        <p>{t('exchangeRequest.offer.noListingForWanted')}</p>
        <Link className="button button--secondary" to="/listings/new">
          {t('exchangeRequest.offer.publish')}
        </Link>
      </div>
    );
  }
  return <OfferFields {...props} myListings={myListings} />;
}

function OfferFields({
  listingId,
  kind,
  myListings,
  onRequested,
}: OfferRequestFormProps & { myListings: readonly OfferableListing[] }) {
  const { t } = useTranslation();
  const id = useId();
  const request = useRequestExchange(listingId);
  const [formError, setFormError] = useState<unknown>(null);
  const hasListings = myListings.length > 0;
  const {
    register,
    handleSubmit,
    setError,
    control,
    formState: { errors, isSubmitting },
  } = useForm<OfferFormValues, OfferContext, CreateExchangeInput>({
    resolver: offerResolver,
    context: { kind },
    defaultValues: {
      mode: hasListings || kind === 'wanted' ? 'listing' : 'item',
      offeredListingId: '',
      offeredItem: '',
      message: '',
    },
  });
  const mode = useWatch({ control, name: 'mode' });

  const onSubmit = async (input: CreateExchangeInput) => {
    setFormError(null);
    try {
      onRequested(await request.mutateAsync(input));
    } catch (error) {
      const mapped = applyRequestError(error, setError, {
        offeredListingId: 'offeredListingId',
        offeredItem: 'offeredItem',
        message: 'message',
      });
      if (!mapped) setFormError(error);
    }
  };

  const listingOptions = myListings.map((l) => ({ value: l.id, label: l.title }));
  const listingSelect = (
    <SelectField
      label={t('exchangeRequest.offer.myListing')}
      registration={register('offeredListingId')}
      options={listingOptions}
      placeholder={t('exchangeRequest.offer.chooseListing')}
      error={errors.offeredListingId?.message}
      required
    />
  );
  const title =
    kind === 'wanted' ? t('exchangeRequest.wanted.title') : t('exchangeRequest.barter.title');

  return (
    <form
      className="form"
      noValidate
      aria-label={title}
      onSubmit={(e) => void handleSubmit(onSubmit)(e)}
    >
      <p>
        {kind === 'wanted' ? t('exchangeRequest.wanted.intro') : t('exchangeRequest.barter.intro')}
      </p>
      {kind === 'barter' ? (
        <fieldset className="fieldset">
          <legend>{t('exchangeRequest.offer.what')}</legend>
          {hasListings ? (
            <>
              <div className="field field--checkbox">
                <input id={`${id}-listing`} type="radio" value="listing" {...register('mode')} />
                <label htmlFor={`${id}-listing`}>{t('exchangeRequest.offer.modeListing')}</label>
              </div>
              {mode === 'listing' ? listingSelect : null}
              <div className="field field--checkbox">
                <input id={`${id}-item`} type="radio" value="item" {...register('mode')} />
                <label htmlFor={`${id}-item`}>{t('exchangeRequest.offer.modeItem')}</label>
              </div>
            </>
          ) : (
            <p className="field__hint">{t('exchangeRequest.offer.noListingForBarter')}</p>
          )}
          {mode === 'item' ? (
            <TextAreaField
              label={t('exchangeRequest.offer.item')}
              hint={t('exchangeRequest.offer.itemHint')}
              registration={register('offeredItem')}
              maxLength={300}
              error={errors.offeredItem?.message}
              rows={2}
              required
            />
          ) : null}
        </fieldset>
      ) : (
        listingSelect
      )}
      <RequestFormFooter
        registration={register('message')}
        messageError={errors.message?.message}
        formError={formError}
        isSubmitting={isSubmitting}
      />
    </form>
  );
}
