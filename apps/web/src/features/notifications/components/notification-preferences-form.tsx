import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  EMAIL_MODES,
  NOTIFICATION_KINDS,
  type EmailMode,
  type NotificationPreferences,
  type NotificationPreferencesInput,
} from '@partagora/domain';
import { ApiErrorAlert } from '../../../components/ui/api-error-alert';
import { StatusMessage } from '../../../components/ui/status-message';
import {
  useNotificationPreferences,
  useSaveNotificationPreferences,
} from '../api/notifications.api';

const isEmailMode = (v: string): v is EmailMode => (EMAIL_MODES as readonly string[]).includes(v);

function PreferencesTable({ saved }: { saved: NotificationPreferences }) {
  const { t } = useTranslation();
  const id = useId();
  const save = useSaveNotificationPreferences();
  const [prefs, setPrefs] = useState<NotificationPreferences>(saved);
  const [done, setDone] = useState(false);

  const changes: NotificationPreferencesInput = {};
  for (const kind of NOTIFICATION_KINDS) {
    const a = prefs[kind];
    const b = saved[kind];
    if (a.inApp !== b.inApp || a.email !== b.email) changes[kind] = a;
  }
  const dirty = Object.keys(changes).length > 0;

  const update = (
    kind: (typeof NOTIFICATION_KINDS)[number],
    patch: Partial<(typeof prefs)[typeof kind]>,
  ) => {
    setDone(false);
    setPrefs((p) => ({ ...p, [kind]: { ...p[kind], ...patch } }));
  };

  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(changes, { onSuccess: () => setDone(true) });
      }}
    >
      <div className="table-scroll">
        <table className="prefs-table">
          <caption className="visually-hidden">{t('notificationPrefs.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('notificationPrefs.kind')}</th>
              <th scope="col" id={`${id}-inapp`}>
                {t('notificationPrefs.inApp')}
              </th>
              <th scope="col" id={`${id}-email`}>
                {t('notificationPrefs.email')}
              </th>
            </tr>
          </thead>
          <tbody>
            {NOTIFICATION_KINDS.map((kind) => (
              <tr key={kind}>
                <th scope="row" id={`${id}-${kind}`}>
                  {t(`notifications.kinds.${kind}`)}
                </th>
                <td>
                  <input
                    type="checkbox"
                    aria-labelledby={`${id}-inapp ${id}-${kind}`}
                    checked={prefs[kind].inApp}
                    onChange={(e) => update(kind, { inApp: e.target.checked })}
                  />
                </td>
                <td>
                  <select
                    aria-labelledby={`${id}-email ${id}-${kind}`}
                    value={prefs[kind].email}
                    onChange={(e) => {
                      if (isEmailMode(e.target.value)) update(kind, { email: e.target.value });
                    }}
                  >
                    {EMAIL_MODES.map((mode) => (
                      <option key={mode} value={mode}>
                        {t(`notificationPrefs.emailModes.${mode}`)}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {save.error ? <ApiErrorAlert error={save.error} /> : null}
      <p role="status" className="status-message">
        {done ? t('notificationPrefs.saved') : ''}
      </p>
      <div className="actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={save.isPending || !dirty}
        >
          {save.isPending ? t('notificationPrefs.saving') : t('notificationPrefs.save')}
        </button>
      </div>
    </form>
  );
}

/** `/settings/notifications`: each kind × in-app on/off and e-mail instant/digest/off. */
export function NotificationPreferencesForm() {
  const { t } = useTranslation();
  const prefs = useNotificationPreferences();
  if (prefs.isPending) return <StatusMessage>{t('common.loading')}</StatusMessage>;
  if (prefs.isError)
    return <ApiErrorAlert error={prefs.error} onRetry={() => void prefs.refetch()} />;
  return <PreferencesTable saved={prefs.data} />;
}
