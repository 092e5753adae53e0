import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { LatLng } from '@partagora/geo';
import { ApiErrorAlert } from '../../../components/ui/api-error-alert';
import { StatusMessage } from '../../../components/ui/status-message';
import { SubmitButton } from '../../../components/ui/submit-button';
import {
  openSummary,
  useActFor,
  useAssistedResidents,
  useRegisterAssisted,
} from '../api/assisted.api';

/** Registering a resident at the desk, with their consent (the home is the town's centre by default). */
function RegisterForm({ slug, centre }: { slug: string; centre: LatLng }) {
  const { t } = useTranslation();
  const register = useRegisterAssisted(slug);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [lat, setLat] = useState(String(centre.lat));
  const [lng, setLng] = useState(String(centre.lng));
  const [consent, setConsent] = useState(false);
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!consent) return;
    register.mutate({
      displayName: name,
      home: { lat: Number(lat), lng: Number(lng) },
      consent: true,
      ...(email.trim() ? { email: email.trim() } : {}),
    });
  }
  return (
    <form onSubmit={submit} className="card" aria-labelledby="assisted-register">
      <h2 id="assisted-register">{t('assisted.registerTitle')}</h2>
      <div className="field">
        <label htmlFor="assisted-name">{t('assisted.name')}</label>
        <input
          id="assisted-name"
          required
          maxLength={60}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="assisted-email">{t('assisted.email')}</label>
        <input
          id="assisted-email"
          type="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
      </div>
      <fieldset>
        <legend>{t('assisted.home')}</legend>
        <label htmlFor="assisted-lat">{t('assisted.lat')}</label>
        <input
          id="assisted-lat"
          inputMode="decimal"
          value={lat}
          onChange={(e) => setLat(e.target.value)}
        />
        <label htmlFor="assisted-lng">{t('assisted.lng')}</label>
        <input
          id="assisted-lng"
          inputMode="decimal"
          value={lng}
          onChange={(e) => setLng(e.target.value)}
        />
      </fieldset>
      <div className="field field--checkbox">
        <input
          id="assisted-consent"
          type="checkbox"
          checked={consent}
          onChange={(e) => setConsent(e.target.checked)}
          required
        />
        <label htmlFor="assisted-consent">{t('assisted.consent')}</label>
      </div>
      {register.error ? <ApiErrorAlert error={register.error} /> : null}
      {register.isSuccess ? (
        <p role="status" className="alert alert--success">
          {t('assisted.registered', { name: register.data.user.displayName })}
        </p>
      ) : null}
      <SubmitButton pending={register.isPending}>{t('assisted.register')}</SubmitButton>
    </form>
  );
}

/** The assisted-mode desk: find or register a resident, act for them, print their summary. */
export function AssistedDesk({ slug, centre }: { slug: string; centre: LatLng }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const residents = useAssistedResidents(slug, q);
  const act = useActFor();
  const [printError, setPrintError] = useState<unknown>(null);
  return (
    <div className="assisted">
      <section aria-labelledby="assisted-find" className="card">
        <h2 id="assisted-find">{t('assisted.findTitle')}</h2>
        <div className="field">
          <label htmlFor="assisted-q">{t('assisted.search')}</label>
          <input id="assisted-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </div>
        {residents.isPending ? <StatusMessage>{t('common.loading')}</StatusMessage> : null}
        {residents.error ? <ApiErrorAlert error={residents.error} /> : null}
        {act.error ? <ApiErrorAlert error={act.error} /> : null}
        {printError ? <ApiErrorAlert error={printError} /> : null}
        {residents.data?.items.length === 0 ? <p>{t('assisted.none')}</p> : null}
        <ul className="assisted__list">
          {residents.data?.items.map((r) => (
            <li key={r.id} className="assisted__resident">
              <strong>{r.displayName}</strong>{' '}
              <span>{t('assisted.unread', { count: r.unreadMessages })}</span>{' '}
              <span>{t('assisted.loans', { count: r.activeLoans })}</span>
              <div>
                <button
                  type="button"
                  className="button button--primary"
                  disabled={act.isPending}
                  onClick={() => act.mutate(r.id, { onSuccess: () => void navigate('/messages') })}
                >
                  {t('assisted.actFor', { name: r.displayName })}
                </button>{' '}
                <button
                  type="button"
                  className="button button--ghost"
                  onClick={() => {
                    openSummary(r.id).catch(setPrintError);
                  }}
                >
                  {t('assisted.print')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      </section>
      <RegisterForm slug={slug} centre={centre} />
    </div>
  );
}
