import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type DeleteAccountInput, deleteAccountSchema } from '@partagora/domain';
import { ApiErrorAlert } from '../../../components/ui/api-error-alert';
import { Dialog } from '../../../components/ui/dialog';
import { TextField } from '../../../components/ui/field';
import { isApiError } from '../../../lib/api-client';
import { schemaResolver } from '../../../lib/schema-resolver';
import { useDeleteAccount } from '../api/account.api';

interface DeleteFormValues {
  password: string;
}

const resolver = schemaResolver<DeleteFormValues, typeof deleteAccountSchema>(
  deleteAccountSchema,
  (values) => ({ password: values.password }),
  ['password'],
);

export interface DeleteAccountDialogProps {
  onClose: () => void;
  /** Called once the server has erased the account (204). */
  onDeleted: () => void;
}

/**
 * The confirmation of `DELETE /me`: a modal dialog (focus moves in, Escape or Cancel closes it,
 * Tab stays inside) that says what is erased and what stays, and asks for the password.
 */
export function DeleteAccountDialog({ onClose, onDeleted }: DeleteAccountDialogProps) {
  const { t } = useTranslation();
  const erase = useDeleteAccount();
  const [formError, setFormError] = useState<unknown>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<DeleteFormValues, unknown, DeleteAccountInput>({
    resolver,
    defaultValues: { password: '' },
  });

  const onSubmit = async (input: DeleteAccountInput) => {
    setFormError(null);
    try {
      await erase.mutateAsync(input);
      onDeleted();
    } catch (error) {
      if (isApiError(error) && error.code === 'INVALID_CREDENTIALS') {
        setError('password', { message: t('account.delete.wrongPassword') }, { shouldFocus: true });
      } else {
        setFormError(error);
      }
    }
  };

  const busy = isSubmitting || erase.isPending;
  return (
    <Dialog
      className="card"
      title={t('account.delete.dialogTitle')}
      description={
        <>
          <h3>{t('account.delete.erasedTitle')}</h3>
          <ul>
            <li>{t('account.delete.erased.identity')}</li>
            <li>{t('account.delete.erased.listings')}</li>
            <li>{t('account.delete.erased.messages')}</li>
            <li>{t('account.delete.erased.rest')}</li>
          </ul>
          <h3>{t('account.delete.keptTitle')}</h3>
          <ul>
            <li>{t('account.delete.kept.exchanges')}</li>
            <li>{t('account.delete.kept.reviews')}</li>
          </ul>
        </>
      }
      onClose={onClose}
    >
      <form className="form" noValidate onSubmit={(e) => void handleSubmit(onSubmit)(e)}>
        {formError ? <ApiErrorAlert error={formError} /> : null}
        <TextField
          label={t('account.delete.password')}
          type="password"
          autoComplete="current-password"
          registration={register('password')}
          error={errors.password ? (errors.password.message ?? '') : undefined}
          required
        />
        <div className="actions">
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t('account.delete.cancel')}
          </button>
          <button type="submit" className="button button--danger" disabled={busy}>
            {busy ? t('account.delete.pending') : t('account.delete.confirm')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
