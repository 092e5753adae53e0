import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REPORT_REASONS, type ReportReason, type ReportTargetType } from '@partagora/domain';
import { ApiErrorAlert } from '../../../components/ui/api-error-alert';
import { Dialog } from '../../../components/ui/dialog';
import { useReport } from '../api/moderation.api';

export interface ReportButtonProps {
  targetType: ReportTargetType;
  targetId: string;
  /** Who or what is reported, for the button's accessible name (`Signaler ce message de Léa`). */
  label?: string;
}

const COMMENT_MAX = 1000;

/**
 * "Signaler": a small button that opens a modal dialog to pick a reason and add a comment.
 * Keyboard: the dialog takes focus on its first radio, Tab stays inside, Escape closes it,
 * focus returns to the button. Reusable by any page the app composes (listing, message, profile).
 */
export function ReportButton({ targetType, targetId, label }: ReportButtonProps) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<ReportReason>('spam');
  const [comment, setComment] = useState('');
  const button = useRef<HTMLButtonElement>(null);
  const report = useReport();
  const what = t(`moderation.report.what.${targetType}`);

  const close = () => {
    setOpen(false);
    report.reset();
  };

  return (
    <>
      <button
        ref={button}
        type="button"
        className="button button--link report-button"
        aria-haspopup="dialog"
        aria-label={label ?? t('moderation.report.buttonLabel', { what })}
        onClick={() => setOpen(true)}
      >
        <span aria-hidden="true">⚑ </span>
        {t('moderation.report.button')}
      </button>
      {open ? (
        <Dialog
          title={t('moderation.report.title', { what })}
          description={report.isSuccess ? undefined : <p>{t('moderation.report.intro')}</p>}
          onClose={close}
          returnFocus={button}
        >
          {report.isSuccess ? (
            <>
              <p role="status">{t('moderation.report.done')}</p>
              {/* The Send button is gone: the focus moves to Close, so Tab and Escape keep working. */}
              <button type="button" className="button" onClick={close} autoFocus>
                {t('moderation.report.close')}
              </button>
            </>
          ) : (
            <form
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                const trimmed = comment.trim();
                report.mutate({
                  targetType,
                  targetId,
                  reason,
                  ...(trimmed ? { comment: trimmed } : {}),
                });
              }}
            >
              <fieldset>
                <legend>{t('moderation.report.reason')}</legend>
                {REPORT_REASONS.map((r) => (
                  <div key={r} className="radio">
                    <input
                      type="radio"
                      id={`${id}-${r}`}
                      name={`${id}-reason`}
                      value={r}
                      checked={reason === r}
                      onChange={() => setReason(r)}
                    />
                    <label htmlFor={`${id}-${r}`}>{t(`moderation.report.reasons.${r}`)}</label>
                  </div>
                ))}
              </fieldset>
              <div className="field">
                <label htmlFor={`${id}-comment`}>{t('moderation.report.comment')}</label>
                <textarea
                  id={`${id}-comment`}
                  rows={3}
                  maxLength={COMMENT_MAX}
                  value={comment}
                  aria-describedby={`${id}-comment-hint`}
                  onChange={(e) => setComment(e.target.value)}
                />
                <p className="field__hint" id={`${id}-comment-hint`}>
                  {t('moderation.report.commentHint')}
                </p>
              </div>
              {report.isError ? <ApiErrorAlert error={report.error} /> : null}
              <div className="form-actions">
                <button type="submit" className="button" disabled={report.isPending}>
                  {report.isPending
                    ? t('moderation.report.sending')
                    : t('moderation.report.submit')}
                </button>
                <button type="button" className="button button--secondary" onClick={close}>
                  {t('moderation.report.cancel')}
                </button>
              </div>
            </form>
          )}
        </Dialog>
      ) : null}
    </>
  );
}
