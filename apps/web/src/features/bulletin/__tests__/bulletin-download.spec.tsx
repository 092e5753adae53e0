import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setAccessToken } from '../../../lib/api-client';
import { renderWithProviders } from '../../../../test/test-utils';
import { BulletinDownload } from '../components/bulletin-download';

describe(BulletinDownload.name, () => {
  it('should download the chosen month with the staff token and name the file', async () => {
    setAccessToken('staff-token');
    const fetchMock = jest.fn(() =>
      Promise.resolve({
        status: 200,
        ok: true,
        headers: new Headers({
          'Content-Disposition': 'attachment; filename="bulletin-dinan-2027-01.pdf"',
        }),
        blob: () => Promise.resolve(new Blob(['%PDF-'])),
      }),
    );
    globalThis.fetch = fetchMock as unknown as typeof fetch;
    URL.createObjectURL = jest.fn(() => 'blob:bulletin');
    URL.revokeObjectURL = jest.fn();
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const user = userEvent.setup();
    renderWithProviders(<BulletinDownload slug="dinan" now={new Date(2026, 11, 2)} />);
    const month = screen.getByLabelText('Mois');
    expect((month as HTMLInputElement).value).toBe('2026-12');
    fireEvent.change(month, { target: { value: '2027-01' } });
    await user.click(screen.getByRole('button', { name: 'Télécharger le bulletin (PDF)' }));
    expect(
      await screen.findByText(
        'Bulletin enregistré : bulletin-dinan-2027-01.pdf',
        {},
        { timeout: 5000 },
      ),
    ).toBeTruthy();
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/municipalities/dinan/bulletin.pdf?month=2027-01');
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer staff-token');
    expect(click).toHaveBeenCalled();
  });

  it('should show why the API refused', async () => {
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
    renderWithProviders(<BulletinDownload slug="dinan" />);
    await user.click(screen.getByRole('button', { name: 'Télécharger le bulletin (PDF)' }));
    expect(await screen.findByRole('alert', {}, { timeout: 5000 })).toBeTruthy();
  });
});
