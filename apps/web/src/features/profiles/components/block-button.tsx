import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/ui/api-error-alert';
import { useSetBlocked } from '../api/profiles.api';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';

export interface BlockButtonProps {
  userId: string;
  displayName: string;
  blocked: boolean;
}

/** Block or unblock a member, after a confirmation that says what it does. */
export function BlockButton({ userId, displayName, blocked }: BlockButtonProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<'blocked' | 'unblocked' | null>(null);
  const set = useSetBlocked(userId);
  const name = displayName;

  return (
    <div className="block-control">
      {blocked ? <p>{t('profile.blockedNote')}</p> : null}
      <button
        type="button"
        className={blocked ? 'button' : 'button button--danger'}
        aria-haspopup="dialog"
        onClick={() => {
          set.reset();
          setOpen(true);
        }}
      >
        {blocked ? t('profile.unblock') : t('profile.block')}
      </button>
      <p role="status">
        {done === 'blocked'
          ? t('profile.blockedDone')
          : done === 'unblocked'
            ? t('profile.unblockedDone')
            : ''}
      </p>
      {open ? (
        <ConfirmDialog
          title={blocked ? t('profile.unblockTitle', { name }) : t('profile.blockTitle', { name })}
          confirmLabel={blocked ? t('profile.confirmUnblock') : t('profile.confirmBlock')}
          cancelLabel={t('profile.cancel')}
          danger={!blocked}
          busy={set.isPending}
          onCancel={() => setOpen(false)}
          onConfirm={() =>
            set.mutate(!blocked, {
              onSuccess: () => {
                setDone(blocked ? 'unblocked' : 'blocked');
                setOpen(false);
              },
            })
          }
        >
          <p>{blocked ? t('profile.unblockExplain') : t('profile.blockExplain', { name })}</p>
          {set.isError ? <ApiErrorAlert error={set.error} /> : null}
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
