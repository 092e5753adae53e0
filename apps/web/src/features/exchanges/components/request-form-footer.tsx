import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { MESSAGE_MAX } from '@partagora/domain';
import { ApiErrorAlert } from '../../../components/ui/api-error-alert';
import { TextAreaField } from '../../../components/ui/field';

interface RequestFormFooterProps {
  registration: UseFormRegisterReturn;
  messageError?: string;
  formError: unknown;
  isSubmitting: boolean;
}

/** The end of every request form: the first message, the server's error, the send button. */
export function RequestFormFooter({
  registration,
  messageError,
  formError,
  isSubmitting,
}: RequestFormFooterProps) {
  const { t } = useTranslation();
  return (
    <>
      <TextAreaField
        label={t('exchangeRequest.message')}
        hint={t('exchangeRequest.messageHint')}
        registration={registration}
        maxLength={MESSAGE_MAX}
        error={messageError}
        rows={3}
      />
      {formError ? <ApiErrorAlert error={formError} /> : null}
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          {isSubmitting ? t('exchangeRequest.sending') : t('exchangeRequest.submit')}
        </button>
      </div>
    </>
  );
}
