import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  apiError,
  describedText,
  mockFetch,
  pathOf,
  renderWithProviders,
} from '../../../../test/test-utils';
import { VerifyForm } from '../components/verify-form';

describe(VerifyForm.name, () => {
  it('should send the typed code and show the verified badge on success', async () => {
    const { calls } = mockFetch(() => ({
      status: 200,
      body: { verified: true, municipality: { slug: 'dinan', name: 'Dinan' } },
    }));
    const user = userEvent.setup();
    renderWithProviders(<VerifyForm />);

    await user.type(screen.getByLabelText('Code de vérification'), ' k7xq4-mhr9c ');
    await user.click(screen.getByRole('button', { name: 'Vérifier' }));

    expect(await screen.findByText('Habitant vérifié de Dinan')).toBeTruthy();
    expect(pathOf(calls[0]!.url)).toBe('/api/v1/me/verify');
    expect(calls[0]!.method).toBe('POST');
    expect(calls[0]!.body).toEqual({ code: 'k7xq4-mhr9c' });
    expect(screen.queryByLabelText('Code de vérification')).toBeNull();
  });

  it('should put VERIFICATION_CODE_INVALID on the code field', async () => {
    mockFetch(() => apiError(422, 'VERIFICATION_CODE_INVALID', [{ path: 'code', message: 'x' }]));
    const user = userEvent.setup();
    renderWithProviders(<VerifyForm />);

    const field = screen.getByLabelText('Code de vérification');
    await user.type(field, 'AAAAA-AAAAA');
    await user.click(screen.getByRole('button', { name: 'Vérifier' }));

    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    expect(describedText(field)).toContain("Ce code n'est pas valable");
  });

  it('should say so when too many attempts were made (429)', async () => {
    mockFetch(() => apiError(429, 'RATE_LIMITED'));
    const user = userEvent.setup();
    renderWithProviders(<VerifyForm />);

    await user.type(screen.getByLabelText('Code de vérification'), 'AAAAA-AAAAA');
    await user.click(screen.getByRole('button', { name: 'Vérifier' }));

    expect((await screen.findByRole('alert')).textContent).toContain('Trop de tentatives');
  });

  it('should show the badge and no form to a member already verified', () => {
    const { fn } = mockFetch(() => ({ status: 500 }));
    renderWithProviders(<VerifyForm verifiedTown="Dinan" />);
    expect(screen.getByText('Habitant vérifié de Dinan')).toBeTruthy();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(fn).not.toHaveBeenCalled();
  });
});
