import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { loginSchema, type LoginInput } from '@partagora/domain';
import { ApiErrorAlert } from '../../../components/ui/api-error-alert';
import { TextField } from '../../../components/ui/field';
import { applyApiErrorToForm } from '../../../lib/form-errors';
import { schemaResolver } from '../../../lib/schema-resolver';
import { useLogin } from '../api/auth.api';
import { SubmitButton } from '../../../components/ui/submit-button';

export interface LoginFormValues {
  email: string;
  password: string;
}

const FIELDS = ['email', 'password'] as const;

const resolver = schemaResolver<LoginFormValues, typeof loginSchema>(
  loginSchema,
  (values) => ({ email: values.email, password: values.password }),
  FIELDS,
);

export function LoginForm({ onSuccess }: { onSuccess: () => void }) {
  const { t } = useTranslation();
  const login = useLogin();
  const [formError, setFormError] = useState<unknown>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<LoginFormValues, unknown, LoginInput>({
    resolver,
    defaultValues: { email: '', password: '' },
  });

  const onSubmit = async (input: LoginInput) => {
    setFormError(null);
    try {
      await login.mutateAsync(input);
      onSuccess();
    } catch (error) {
      // Wrong credentials are not a field's fault: one message for the form.
      if (applyApiErrorToForm(error, setError, FIELDS) === 0) setFormError(error);
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
      <TextField
        label={t('auth.password')}
        type="password"
        autoComplete="current-password"
        registration={register('password')}
        error={errors.password?.message}
        required
      />
      <SubmitButton pending={isSubmitting}>{t('auth.submitLogin')}</SubmitButton>
    </form>
  );
}
