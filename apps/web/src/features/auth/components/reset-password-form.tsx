import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  PASSWORD_MAX,
  PASSWORD_MIN,
  type PasswordResetConfirmInput,
  passwordResetConfirmSchema,
} from '@partagora/domain';
import { ApiErrorAlert } from '../../../components/ui/api-error-alert';
import { TextField } from '../../../components/ui/field';
import { isApiError } from '../../../lib/api-client';
import { applyApiErrorToForm } from '../../../lib/form-errors';
import { schemaResolver } from '../../../lib/schema-resolver';
import { useConfirmPasswordReset } from '../api/auth.api';
import { SubmitButton } from '../../../components/ui/submit-button';

interface FormValues {
  password: string;
}

/** The new password for the token of the e-mailed link (`/reset-password?token=…`). */
export function ResetPasswordForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const confirm = useConfirmPasswordReset();
  const [done, setDone] = useState(false);
  const [formError, setFormError] = useState<unknown>(null);
  const resolver = schemaResolver<FormValues, typeof passwordResetConfirmSchema>(
    passwordResetConfirmSchema,
    (v) => ({ token, password: v.password }),
    ['password'],
  );
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<FormValues, unknown, PasswordResetConfirmInput>({
    resolver,
    defaultValues: { password: '' },
  });

  if (done) {
    return (
      <div role="status" className="alert alert--success">
        <p>{t('account.resetDone')}</p>
        <p>
          <Link to="/login">{t('auth.goLogin')}</Link>
        </p>
      </div>
    );
  }

  const onSubmit = async (input: PasswordResetConfirmInput) => {
    setFormError(null);
    try {
      await confirm.mutateAsync(input);
      setDone(true);
    } catch (error) {
      if (isApiError(error) && error.code === 'PASSWORD_TOO_COMMON') {
        setError(
          'password',
          { type: 'server', message: t('errors.codes.PASSWORD_TOO_COMMON') },
          { shouldFocus: true },
        );
      } else if (
        (isApiError(error) && error.code === 'PASSWORD_RESET_INVALID') ||
        applyApiErrorToForm(error, setError, ['password']) === 0
      ) {
        setFormError(error);
      }
    }
  };

  return (
    <form className="form" noValidate onSubmit={(e) => void handleSubmit(onSubmit)(e)}>
      {formError ? <ApiErrorAlert error={formError} /> : null}
      {isApiError(formError) && formError.code === 'PASSWORD_RESET_INVALID' ? (
        <p>
          <Link to="/forgot-password">{t('account.askAgain')}</Link>
        </p>
      ) : null}
      <TextField
        label={t('account.newPassword')}
        type="password"
        autoComplete="new-password"
        hint={t('account.passwordRule', { min: PASSWORD_MIN, max: PASSWORD_MAX })}
        registration={register('password')}
        error={errors.password?.message}
        required
      />
      <SubmitButton pending={isSubmitting}>{t('account.savePassword')}</SubmitButton>
    </form>
  );
}
