import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  createExchangeSchema,
  MESSAGE_MAX,
  type CreateExchangeInput,
  type ExchangeView,
} from '@partagora/domain';
import { ApiErrorAlert } from '../../../components/ui/api-error-alert';
import { TextAreaField } from '../../../components/ui/field';
import { schemaResolver } from '../../../lib/schema-resolver';
import { useRequestExchange } from '../api/exchanges.api';
import { applyRequestError } from './request-errors';

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
      <TextAreaField
        label={t('exchangeRequest.message')}
        hint={t('exchangeRequest.messageHint')}
        registration={register('message')}
        maxLength={MESSAGE_MAX}
        error={errors.message?.message}
        rows={3}
      />
      {formError ? <ApiErrorAlert error={formError} /> : null}
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          {isSubmitting ? t('exchangeRequest.sending') : t('exchangeRequest.submit')}
        </button>
      </div>
    </form>
  );
}
