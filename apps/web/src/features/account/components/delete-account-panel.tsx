import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DeleteAccountDialog } from './delete-account-dialog';

/** "Supprimer mon compte": opens the confirmation; focus returns to the button when it closes. */
export function DeleteAccountPanel({ onDeleted }: { onDeleted: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const close = () => {
    setOpen(false);
    trigger.current?.focus();
  };
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('account.delete.title')}</h2>
      <p>{t('account.delete.description')}</p>
      <button
        ref={trigger}
        type="button"
        className="button button--danger"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        {t('account.delete.button')}
      </button>
      {open ? <DeleteAccountDialog onClose={close} onDeleted={onDeleted} /> : null}
    </section>
  );
}
