import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  apiError,
  describedText,
  mockFetch,
  pathOf,
  renderWithProviders,
} from '../../../../test/test-utils';
import { getAccessToken, setAccessToken } from '../../../lib/api-client';
import { ConfirmEmailStatus } from '../components/confirm-email-status';
import { ForgotPasswordForm } from '../components/forgot-password-form';
import { ResetPasswordForm } from '../components/reset-password-form';

const TOKEN = 'a'.repeat(43);

describe(ForgotPasswordForm.name, () => {
  it('should ask for a link and give the same answer whatever the address', async () => {
    const { calls } = mockFetch(() => ({ status: 202, body: { accepted: true } }));
    const user = userEvent.setup();
    renderWithProviders(<ForgotPasswordForm />);

    await user.type(screen.getByLabelText('Adresse e-mail'), 'Camille@Example.fr');
    await user.click(screen.getByRole('button', { name: 'Recevoir le lien' }));

    expect((await screen.findByRole('status')).textContent).toContain(
      'Si un compte existe pour camille@example.fr',
    );
    expect(pathOf(calls[0]!.url)).toBe('/api/v1/auth/password-reset');
    expect(calls[0]!.body).toEqual({ email: 'camille@example.fr' });
  });
});

describe(ResetPasswordForm.name, () => {
  it('should set the new password, forget this session and point to sign-in', async () => {
    setAccessToken('old-token');
    const { calls } = mockFetch(() => ({ status: 200, body: { passwordChanged: true } }));
    const user = userEvent.setup();
    renderWithProviders(<ResetPasswordForm token={TOKEN} />);

    await user.type(screen.getByLabelText('Nouveau mot de passe'), 'une phrase bien à moi');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le mot de passe' }));

    expect((await screen.findByRole('status')).textContent).toContain('tous vos appareils');
    expect(pathOf(calls[0]!.url)).toBe('/api/v1/auth/password-reset/confirm');
    expect(calls[0]!.body).toEqual({ token: TOKEN, password: 'une phrase bien à moi' });
    expect(getAccessToken()).toBeNull();
    expect(screen.getByRole('link', { name: 'Se connecter' }).getAttribute('href')).toBe('/login');
  });

  it('should refuse a short password before calling the API', async () => {
    const { fn } = mockFetch(() => ({ status: 500 }));
    const user = userEvent.setup();
    renderWithProviders(<ResetPasswordForm token={TOKEN} />);

    const field = screen.getByLabelText('Nouveau mot de passe');
    await user.type(field, 'court');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le mot de passe' }));

    await waitFor(() => expect(describedText(field)).toContain('Au moins 8 caractères.'));
    expect(fn).not.toHaveBeenCalled();
  });

  it('should put PASSWORD_TOO_COMMON on the password field', async () => {
    mockFetch(() =>
      apiError(400, 'PASSWORD_TOO_COMMON', [{ path: 'password', message: 'Too common' }]),
    );
    const user = userEvent.setup();
    renderWithProviders(<ResetPasswordForm token={TOKEN} />);

    const field = screen.getByLabelText('Nouveau mot de passe');
    await user.type(field, 'azertyuiop');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le mot de passe' }));

    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    expect(describedText(field)).toContain('fait partie des plus courants');
  });

  it('should explain an expired or used link and offer a new one', async () => {
    mockFetch(() => apiError(422, 'PASSWORD_RESET_INVALID'));
    const user = userEvent.setup();
    renderWithProviders(<ResetPasswordForm token={TOKEN} />);

    await user.type(screen.getByLabelText('Nouveau mot de passe'), 'une phrase bien à moi');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le mot de passe' }));

    expect((await screen.findByRole('alert')).textContent).toContain('plus valable');
    expect(
      screen.getByRole('link', { name: 'Demander un nouveau lien' }).getAttribute('href'),
    ).toBe('/forgot-password');
  });
});

describe(ConfirmEmailStatus.name, () => {
  it('should send the token once and confirm', async () => {
    const { calls } = mockFetch(() => ({ status: 200, body: { emailConfirmed: true } }));
    renderWithProviders(<ConfirmEmailStatus token={TOKEN} />);

    expect(await screen.findByText('Merci, votre adresse e-mail est confirmée.')).toBeTruthy();
    expect(calls).toHaveLength(1);
    expect(pathOf(calls[0]!.url)).toBe('/api/v1/auth/confirm-email');
    expect(calls[0]!.body).toEqual({ token: TOKEN });
  });

  it('should explain a link that no longer works', async () => {
    mockFetch(() => apiError(422, 'EMAIL_CONFIRMATION_INVALID'));
    renderWithProviders(<ConfirmEmailStatus token={TOKEN} />);
    expect((await screen.findByRole('alert')).textContent).toContain('24 heures');
  });

  it('should offer a signed-in member a new link when this one no longer works', async () => {
    setAccessToken('token-1');
    const { calls } = mockFetch((call) => {
      const path = pathOf(call.url);
      if (path === '/api/v1/auth/confirm-email') return apiError(422, 'EMAIL_CONFIRMATION_INVALID');
      if (path === '/api/v1/me') {
        return { status: 200, body: { id: 'u1', displayName: 'Camille', emailConfirmed: false } };
      }
      if (path === '/api/v1/auth/confirm-email/resend') {
        return { status: 202, body: { accepted: true } };
      }
      return { status: 401 };
    });
    const user = userEvent.setup();
    const { unmount } = renderWithProviders(<ConfirmEmailStatus token={TOKEN} />);

    await user.click(await screen.findByRole('button', { name: 'Recevoir un nouveau lien' }));

    expect(await screen.findByText(/Un nouveau lien vient de partir/)).toBeTruthy();
    expect(calls.filter((c) => pathOf(c.url) === '/api/v1/auth/confirm-email')).toHaveLength(1);
    expect(calls.some((c) => pathOf(c.url) === '/api/v1/auth/confirm-email/resend')).toBe(true);
    unmount();
    setAccessToken(null);
  });
});
