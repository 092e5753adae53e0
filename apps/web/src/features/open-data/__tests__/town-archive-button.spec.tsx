import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setAccessToken } from '../../../lib/api-client';
import { renderWithProviders } from '../../../../test/test-utils';
import { TownArchiveButton } from '../components/town-archive-button';

describe(TownArchiveButton.name, () => {
  it('should download the zip with the staff token and say where it went', async () => {
    setAccessToken('staff-token');
    const fetchMock = jest.fn(() =>
      Promise.resolve({
        status: 200,
        ok: true,
        headers: new Headers({
          'Content-Disposition': 'attachment; filename="partagora-dinan-2026-12-02.zip"',
        }),
        blob: () => Promise.resolve(new Blob(['PK'])),
      }),
    );
    globalThis.fetch = fetchMock as unknown as typeof fetch;
    URL.createObjectURL = jest.fn(() => 'blob:archive');
    URL.revokeObjectURL = jest.fn();
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const user = userEvent.setup();
    renderWithProviders(<TownArchiveButton slug="dinan" />);
    await user.click(screen.getByRole('button', { name: "Télécharger l'archive" }));
    expect(
      await screen.findByText(
        'Archive enregistrée : partagora-dinan-2026-12-02.zip',
        {},
        { timeout: 5000 },
      ),
    ).toBeTruthy();
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/municipalities/dinan/archive');
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer staff-token');
    expect(click).toHaveBeenCalled();
  });

  it('should show the refusal of a non-staff member', async () => {
    globalThis.fetch = jest.fn(() =>
      Promise.resolve({
        status: 403,
        ok: false,
        headers: new Headers(),
        text: () =>
          Promise.resolve(
            JSON.stringify({ error: { code: 'FORBIDDEN', message: 'x', requestId: 'r' } }),
          ),
      }),
    ) as unknown as typeof fetch;
    const user = userEvent.setup();
    renderWithProviders(<TownArchiveButton slug="dinan" />);
    await user.click(screen.getByRole('button', { name: "Télécharger l'archive" }));
    expect(await screen.findByRole('alert', {}, { timeout: 5000 })).toBeTruthy();
  });
});
