import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { USER_LOCALES, type Me, type UserLocale } from '@partagora/domain';
import type { LatLng } from '@partagora/geo';
import { AddressSearch, type AddressLookup } from '../../../components/ui/address-search';
import { ApiErrorAlert } from '../../../components/ui/api-error-alert';
import { SubmitButton } from '../../../components/ui/submit-button';
import { isApiError } from '../../../lib/api-client';
import { useUpdateMe } from '../api/settings.api';

export interface ProfileSettingsFormProps {
  me: Me;
  /** After a save: the account as the API now has it. */
  onSaved: (me: Me) => void;
  /** Address lookup (tests replace it). */
  lookup?: AddressLookup;
}

/**
 * `/settings/profile`: display name and language (saved to the account, so e-mails follow),
 * and moving home with the address search (the public points of the listings at home follow).
 */
export function ProfileSettingsForm({ me, onSaved, lookup }: ProfileSettingsFormProps) {
  const { t } = useTranslation();
  const profile = useUpdateMe();
  const move = useUpdateMe();
  const [displayName, setDisplayName] = useState(me.displayName);
  const [locale, setLocale] = useState<UserLocale>(me.locale);
  const [nameError, setNameError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [newHome, setNewHome] = useState<{ label: string; location: LatLng } | null>(null);
  const [moved, setMoved] = useState<string | null>(null);

  const saveProfile = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const name = displayName.trim();
    if (name.length < 2 || name.length > 60) {
      setNameError(t('addresses.settings.nameInvalid'));
      return;
    }
    setNameError(null);
    profile.mutate(
      { displayName: name, locale },
      {
        onSuccess: (updated) => {
          setSaved(true);
          onSaved(updated);
        },
      },
    );
  };

  const saveHome = (e: FormEvent) => {
    e.preventDefault();
    if (!newHome) return;
    setMoved(null);
    move.mutate(
      { home: newHome.location },
      {
        onSuccess: (updated) => {
          setMoved(newHome.label);
          onSaved(updated);
        },
      },
    );
  };

  const outside = isApiError(move.error) && move.error.code === 'HOME_OUTSIDE_MUNICIPALITY';

  return (
    <>
      <section aria-labelledby="settings-profile">
        <h2 id="settings-profile">{t('addresses.settings.profileTitle')}</h2>
        <form className="form" noValidate onSubmit={saveProfile}>
          {profile.error ? <ApiErrorAlert error={profile.error} /> : null}
          <div className={nameError ? 'field field--invalid' : 'field'}>
            <label htmlFor="settings-display-name">{t('auth.displayName')}</label>
            <input
              id="settings-display-name"
              autoComplete="nickname"
              value={displayName}
              aria-invalid={nameError ? true : undefined}
              aria-describedby={nameError ? 'settings-display-name-error' : undefined}
              onChange={(e) => setDisplayName(e.target.value)}
              required
            />
            {nameError ? (
              <p className="field__error" id="settings-display-name-error">
                <span aria-hidden="true">⚠ </span>
                {nameError}
              </p>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor="settings-locale">{t('addresses.settings.language')}</label>
            <select
              id="settings-locale"
              value={locale}
              onChange={(e) => setLocale(e.target.value as UserLocale)}
            >
              {USER_LOCALES.map((l) => (
                <option key={l} value={l} lang={l}>
                  {t(`addresses.settings.locale_${l}`)}
                </option>
              ))}
            </select>
          </div>
          <SubmitButton pending={profile.isPending}>{t('addresses.settings.save')}</SubmitButton>
          {saved ? <p role="status">{t('addresses.settings.saved')}</p> : null}
        </form>
      </section>

      <section aria-labelledby="settings-home">
        <h2 id="settings-home">{t('addresses.settings.homeTitle')}</h2>
        <p className="privacy-note">{t('addresses.settings.homePrivacy')}</p>
        <form className="form" noValidate onSubmit={saveHome}>
          {move.error && !outside ? <ApiErrorAlert error={move.error} /> : null}
          <AddressSearch
            label={t('addresses.settings.newAddress')}
            hint={t('addresses.settings.newAddressHint')}
            municipality={me.municipality}
            onSelect={(choice) => {
              setNewHome(choice);
              setMoved(null);
            }}
            error={outside ? t('errors.codes.HOME_OUTSIDE_MUNICIPALITY') : undefined}
            lookup={lookup}
          />
          <SubmitButton pending={move.isPending}>{t('addresses.settings.move')}</SubmitButton>
          {moved ? <p role="status">{t('addresses.settings.moved', { address: moved })}</p> : null}
        </form>
      </section>
    </>
  );
}
