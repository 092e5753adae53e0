import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type PasswordResetRequestInput, passwordResetRequestSchema } from '@partagora/domain';
import { ApiErrorAlert } from '../../../components/ui/api-error-alert';
import { TextField } from '../../../components/ui/field';
import { schemaResolver } from '../../../lib/schema-resolver';
import { useRequestPasswordReset } from '../api/auth.api';
import { SubmitButton } from '../../../components/ui/submit-button';

interface FormValues {
  email: string;
}

const resolver = schemaResolver<FormValues, typeof passwordResetRequestSchema>(
  passwordResetRequestSchema,
  (v) => ({ email: v.email.trim() }),
  ['email'],
);

/** "Forgot password": one answer whatever the address (the API tells nothing about accounts). */
export function ForgotPasswordForm() {
  const { t } = useTranslation();
  const request = useRequestPasswordReset();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [formError, setFormError] = useState<unknown>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<FormValues, unknown, PasswordResetRequestInput>({
    resolver,
    defaultValues: { email: '' },
  });

  if (sentTo) {
    return (
      <p role="status" className="alert alert--success">
        {t('account.resetSent', { email: sentTo })}
      </p>
    );
  }

  const onSubmit = async (input: PasswordResetRequestInput) => {
    setFormError(null);
    try {
      await request.mutateAsync(input);
      setSentTo(input.email);
    } catch (error) {
      setFormError(error);
    }
  };

  return (
    <form className="form" noValidate onSubmit={(e) => void handleSubmit(onSubmit)(e)}>
      {formError ? <ApiErrorAlert error={formError} /> : null}
      <TextField
        label={t('auth.email')}
        type="email"
        autoComplete="email"
        registration={register('email')}
        error={errors.email?.message}
        required
      />
      <SubmitButton pending={isSubmitting}>{t('account.sendResetLink')}</SubmitButton>
    </form>
  );
}
