import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  createExchangeSchema,
  type CreateExchangeInput,
  type ExchangeView,
} from '@partagora/domain';
import { schemaResolver } from '../../../lib/schema-resolver';
import { useRequestExchange } from '../api/exchanges.api';
import { applyRequestError } from './request-errors';
import { RequestFormFooter } from './request-form-footer';

interface GiftFormValues {
  message: string;
}

const giftResolver = schemaResolver<GiftFormValues, typeof createExchangeSchema>(
  createExchangeSchema,
  (values) => ({ message: values.message.trim() || undefined }),
  ['message'],
);

export interface GiftRequestFormProps {
  listingId: string;
  onRequested: (exchange: ExchangeView) => void;
}

/** "Je suis intéressé·e": a claim on a gift, with a word for the giver (who chooses). */
export function GiftRequestForm({ listingId, onRequested }: GiftRequestFormProps) {
  const { t } = useTranslation();
  const request = useRequestExchange(listingId);
  const [formError, setFormError] = useState<unknown>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<GiftFormValues, unknown, CreateExchangeInput>({
    resolver: giftResolver,
    defaultValues: { message: '' },
  });

  const onSubmit = async (input: CreateExchangeInput) => {
    setFormError(null);
    try {
      onRequested(await request.mutateAsync(input));
    } catch (error) {
      if (!applyRequestError(error, setError, { message: 'message' })) setFormError(error);
    }
  };

  return (
    <form
      className="form"
      noValidate
      aria-label={t('exchangeRequest.give.title')}
      onSubmit={(e) => void handleSubmit(onSubmit)(e)}
    >
      <p>{t('exchangeRequest.give.intro')}</p>
      <RequestFormFooter
        registration={register('message')}
        messageError={errors.message?.message}
        formError={formError}
        isSubmitting={isSubmitting}
      />
    </form>
  );
}
