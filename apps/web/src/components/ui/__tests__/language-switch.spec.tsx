import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockFetch, pathOf, renderWithProviders } from '../../../../test/test-utils';
import { setAccessToken } from '../../../lib/api-client';
import { i18n } from '../../../lib/i18n';
import { LanguageSwitch } from '../language-switch';

describe(LanguageSwitch.name, () => {
  it('should save the language to the account when signed in', async () => {
    setAccessToken('token-1');
    const { calls } = mockFetch(() => ({ status: 200, body: { id: 'u1', locale: 'en' } }));
    const user = userEvent.setup();
    const { queryClient } = renderWithProviders(<LanguageSwitch />);
    await user.click(screen.getByRole('button'));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(pathOf(calls[0]!.url)).toBe('/api/v1/me');
    expect(calls[0]).toMatchObject({ method: 'PATCH', body: { locale: 'en' } });
    expect(i18n.language).toBe('en');
    await waitFor(() =>
      expect(queryClient.getQueryData(['me'])).toEqual({ id: 'u1', locale: 'en' }),
    );
  });

  it('should only switch the interface when signed out', async () => {
    const { calls } = mockFetch(() => ({ status: 200, body: {} }));
    const user = userEvent.setup();
    renderWithProviders(<LanguageSwitch />);
    await user.click(screen.getByRole('button'));
    await waitFor(() => expect(i18n.language).toBe('en'));
    expect(calls).toHaveLength(0);
  });
});
