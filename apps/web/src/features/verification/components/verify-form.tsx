import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  type RedeemVerificationCodeInput,
  type RedeemVerificationCodeResponse,
  redeemVerificationCodeSchema,
} from '@partagora/domain';
import { ApiErrorAlert } from '../../../components/ui/api-error-alert';
import { TextField } from '../../../components/ui/field';
import { isApiError } from '../../../lib/api-client';
import { schemaResolver } from '../../../lib/schema-resolver';
import { useRedeemVerificationCode } from '../api/verification.api';
import { VerifiedBadge } from './verified-badge';
import { SubmitButton } from '../../../components/ui/submit-button';

interface FormValues {
  code: string;
}

const resolver = schemaResolver<FormValues, typeof redeemVerificationCodeSchema>(
  redeemVerificationCodeSchema,
  (v) => ({ code: v.code.trim() }),
  ['code'],
);

/** The resident's code form (`/verify`); on success the verified badge replaces it. */
export function VerifyForm({ verifiedTown }: { verifiedTown?: string | null }) {
  const { t } = useTranslation();
  const redeem = useRedeemVerificationCode();
  const [done, setDone] = useState<RedeemVerificationCodeResponse | null>(null);
  const [formError, setFormError] = useState<unknown>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<FormValues, unknown, RedeemVerificationCodeInput>({
    resolver,
    defaultValues: { code: '' },
  });

  const town = done?.municipality.name ?? verifiedTown;
  if (town) {
    return (
      <div role="status">
        <VerifiedBadge townName={town} />
        {done ? <p>{t('verification.thanks')}</p> : null}
      </div>
    );
  }

  const onSubmit = async (input: RedeemVerificationCodeInput) => {
    setFormError(null);
    try {
      setDone(await redeem.mutateAsync(input));
    } catch (error) {
      if (isApiError(error) && error.code === 'VERIFICATION_CODE_INVALID') {
        setError('code', { type: 'server', message: t('errors.codes.VERIFICATION_CODE_INVALID') });
      } else {
        setFormError(error);
      }
    }
  };

  return (
    <form className="form" noValidate onSubmit={(e) => void handleSubmit(onSubmit)(e)}>
      {formError ? <ApiErrorAlert error={formError} /> : null}
      <TextField
        label={t('verification.codeLabel')}
        hint={t('verification.codeHint')}
        autoComplete="off"
        registration={register('code')}
        error={errors.code?.message}
        required
      />
      <SubmitButton pending={isSubmitting}>{t('verification.submit')}</SubmitButton>
    </form>
  );
}
