import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  type CreateVerificationCodesInput,
  VERIFICATION_CODE_DEFAULT_DAYS,
  createVerificationCodesSchema,
} from '@partagora/domain';
import { ApiErrorAlert } from '../../../components/ui/api-error-alert';
import { StatusMessage } from '../../../components/ui/status-message';
import { TextField } from '../../../components/ui/field';
import { formatDateTime } from '../../../lib/dates';
import { applyApiErrorToForm } from '../../../lib/form-errors';
import { schemaResolver } from '../../../lib/schema-resolver';
import { useIssueVerificationCodes, useTown, useVerificationCodes } from '../api/verification.api';
import { CodeSheet, type SheetCode } from './code-sheet';
import { SubmitButton } from '../../../components/ui/submit-button';

interface FormValues {
  count: string;
  validDays: string;
}

const FIELDS = ['count', 'validDays'] as const;
const toNumber = (v: string) => (v.trim() === '' ? undefined : Number(v.replace(',', '.')));
const resolver = schemaResolver<FormValues, typeof createVerificationCodesSchema>(
  createVerificationCodesSchema,
  (v) => ({ count: toNumber(v.count), validDays: toNumber(v.validDays) }),
  FIELDS,
);

/** The staff page's body for one town: generate, print, and the list of codes issued. */
export function VerificationCodesPanel({ slug }: { slug: string }) {
  const { t, i18n } = useTranslation();
  const town = useTown(slug);
  const list = useVerificationCodes(slug);
  const issue = useIssueVerificationCodes(slug);
  // The plain codes: component state only, never the cache, storage or the URL.
  const [codes, setCodes] = useState<SheetCode[] | null>(null);
  const [formError, setFormError] = useState<unknown>(null);
  // "Expired" is judged against the time the page opened (render stays pure).
  const [openedAt] = useState(() => Date.now());
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<FormValues, unknown, CreateVerificationCodesInput>({
    resolver,
    defaultValues: { count: '20', validDays: String(VERIFICATION_CODE_DEFAULT_DAYS) },
  });

  const onSubmit = async (input: CreateVerificationCodesInput) => {
    setFormError(null);
    try {
      const issued = await issue.mutateAsync(input);
      issue.reset();
      setCodes(issued.items);
    } catch (error) {
      if (applyApiErrorToForm(error, setError, FIELDS) === 0) setFormError(error);
    }
  };

  const townName = town.data?.name ?? slug;
  return (
    <>
      <section aria-labelledby="codes-generate" className="no-print">
        <h2 id="codes-generate">{t('verification.generateTitle')}</h2>
        <p>{t('verification.generateIntro')}</p>
        <form className="form" noValidate onSubmit={(e) => void handleSubmit(onSubmit)(e)}>
          {formError ? <ApiErrorAlert error={formError} /> : null}
          <TextField
            label={t('verification.count')}
            type="number"
            inputMode="numeric"
            min={1}
            max={200}
            hint={t('verification.countHint')}
            registration={register('count')}
            error={errors.count?.message}
            required
          />
          <TextField
            label={t('verification.validDays')}
            type="number"
            inputMode="numeric"
            min={1}
            max={365}
            registration={register('validDays')}
            error={errors.validDays?.message}
          />
          <SubmitButton pending={isSubmitting}>{t('verification.generate')}</SubmitButton>
        </form>
      </section>
      {codes ? <CodeSheet townName={townName} codes={codes} /> : null}
      <section aria-labelledby="codes-issued" className="no-print">
        <h2 id="codes-issued">{t('verification.issuedTitle')}</h2>
        {list.isPending ? <StatusMessage>{t('common.loading')}</StatusMessage> : null}
        {list.isError ? (
          <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        ) : null}
        {list.data && list.data.items.length === 0 ? <p>{t('verification.noneIssued')}</p> : null}
        {list.data && list.data.items.length > 0 ? (
          <table className="table">
            <caption className="visually-hidden">{t('verification.issuedTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('verification.createdAt')}</th>
                <th scope="col">{t('verification.expiresAt')}</th>
                <th scope="col">{t('verification.status')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((c) => (
                <tr key={c.id}>
                  <td>{formatDateTime(i18n.language, c.createdAt)}</td>
                  <td>{formatDateTime(i18n.language, c.expiresAt)}</td>
                  <td>
                    {c.usedAt
                      ? t('verification.usedOn', { date: formatDateTime(i18n.language, c.usedAt) })
                      : Date.parse(c.expiresAt) <= openedAt
                        ? t('verification.expired')
                        : t('verification.unused')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
    </>
  );
}
