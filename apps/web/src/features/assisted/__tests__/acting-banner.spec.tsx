import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { getActing, setActing } from '../../../lib/api-client';
import { mockFetch, pathOf, renderWithProviders } from '../../../../test/test-utils';
import { ActingBanner } from '../components/acting-banner';

describe(ActingBanner.name, () => {
  afterEach(() => setActing(null));

  it('should say for whom staff act, send every call with the act token, and stop on request', async () => {
    const { calls } = mockFetch(() => ({ status: 204 }));
    const user = userEvent.setup();
    renderWithProviders(<ActingBanner />);
    expect(screen.queryByRole('region', { name: 'Mode assisté' })).toBeNull();

    act(() =>
      setActing({
        token: 'act-token',
        residentId: 'r-1',
        displayName: 'Jeanne Le Goff',
        expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
      }),
    );
    const banner = await screen.findByRole('region', { name: 'Mode assisté' });
    expect(banner.textContent).toContain('Vous agissez pour Jeanne Le Goff.');

    await user.click(screen.getByRole('button', { name: 'Arrêter' }));
    expect(getActing()).toBeNull();
    expect(screen.queryByRole('region', { name: 'Mode assisté' })).toBeNull();
    await waitFor(() =>
      expect(calls.some((c) => pathOf(c.url) === '/api/v1/assisted-residents/r-1/act')).toBe(true),
    );
    const stop = calls.find((c) => pathOf(c.url) === '/api/v1/assisted-residents/r-1/act');
    expect(stop?.method).toBe('DELETE');
    // The stop call goes as the staff member, never with the act token.
    expect(stop?.headers?.Authorization).not.toBe('Bearer act-token');
  });
});
