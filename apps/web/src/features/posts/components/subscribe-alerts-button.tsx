import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type PushState,
  currentPushState,
  subscribeToTownAlerts,
  unsubscribeFromTownAlerts,
} from '../lib/push-subscription';

type UiState = PushState | 'checking' | 'pending' | 'failed';

/**
 * "Recevoir les alertes de la ville": asks the browser's permission (in the click), subscribes it
 * to Web Push and gives the subscription to the town; no account needed. Says plainly why it
 * cannot work when the browser has no push or the permission was refused.
 */
export function SubscribeAlertsButton({ slug, townName }: { slug: string; townName: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<UiState>('checking');
  const [changed, setChanged] = useState(false);

  useEffect(() => {
    let live = true;
    currentPushState()
      .then((s) => live && setState(s))
      .catch(() => live && setState('unsubscribed'));
    return () => {
      live = false;
    };
  }, []);

  const run = async (action: (slug: string) => Promise<PushState>) => {
    setState('pending');
    try {
      setState(await action(slug));
      setChanged(true);
    } catch {
      setState('failed');
    }
  };

  if (state === 'checking') return null;
  if (state === 'unsupported') {
    return (
      <p className="alert alert--info" role="status">
        {t('posts.subscribe.unsupported')}
      </p>
    );
  }
  const subscribed = state === 'subscribed';
  return (
    <div className="subscribe-alerts">
      <button
        type="button"
        className={subscribed ? 'button button--secondary' : 'button button--primary'}
        disabled={state === 'pending'}
        aria-busy={state === 'pending'}
        onClick={() => void run(subscribed ? unsubscribeFromTownAlerts : subscribeToTownAlerts)}
      >
        {state === 'pending'
          ? t('posts.subscribe.pending')
          : subscribed
            ? t('posts.subscribe.unsubscribe')
            : t('posts.subscribe.button')}
      </button>
      <div role="status" aria-live="polite">
        {state === 'denied' ? (
          <p className="alert alert--error">{t('posts.subscribe.denied')}</p>
        ) : null}
        {state === 'failed' ? (
          <p className="alert alert--error">{t('posts.subscribe.failed')}</p>
        ) : null}
        {changed && subscribed ? (
          <p>{t('posts.subscribe.subscribed', { town: townName })}</p>
        ) : null}
        {changed && state === 'unsubscribed' ? <p>{t('posts.subscribe.unsubscribed')}</p> : null}
      </div>
      {!subscribed ? <p className="field__hint">{t('posts.subscribe.hint')}</p> : null}
    </div>
  );
}
