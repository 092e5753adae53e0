import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type FakeCall, mockFetch, pathOf, renderWithProviders } from '../../../../test/test-utils';
import { VerificationCodesPanel } from '../components/verification-codes-panel';

const issued = {
  items: [
    { code: 'K7XQ4-MHR9C', expiresAt: '2027-03-02T10:00:00.000Z' },
    { code: 'ACDEF-GHJKM', expiresAt: '2027-03-02T10:00:00.000Z' },
  ],
};

function api(listItems: unknown[] = []) {
  return (call: FakeCall) => {
    const path = pathOf(call.url);
    if (path === '/api/v1/municipalities/dinan') {
      return { status: 200, body: { slug: 'dinan', name: 'Dinan' } };
    }
    if (path === '/api/v1/municipalities/dinan/verification-codes' && call.method === 'POST') {
      return { status: 201, body: issued };
    }
    if (path === '/api/v1/municipalities/dinan/verification-codes') {
      return { status: 200, body: { items: listItems, nextCursor: null } };
    }
    return { status: 404 };
  };
}

describe(VerificationCodesPanel.name, () => {
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
  });

  it('should generate codes and show them as a printable sheet of slips, in French', async () => {
    const { calls } = mockFetch(api());
    const print = jest.fn();
    window.print = print;
    const user = userEvent.setup();
    renderWithProviders(<VerificationCodesPanel slug="dinan" />);

    const count = screen.getByLabelText('Nombre de codes');
    await user.clear(count);
    await user.type(count, '2');
    const days = screen.getByLabelText('Validité (jours)');
    await user.clear(days);
    await user.type(days, '30');
    await user.click(screen.getByRole('button', { name: 'Générer' }));

    const slips = await screen.findByRole('list', { name: 'Coupons à découper' });
    const items = within(slips).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]!.textContent).toContain('K7XQ4-MHR9C');
    expect(items[0]!.textContent).toContain('Mairie de Dinan');
    expect(items[0]!.textContent).toContain('/verify');
    expect(items[0]!.getAttribute('lang')).toBe('fr');
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.body).toEqual({ count: 2, validDays: 30 });

    await user.click(screen.getByRole('button', { name: 'Imprimer' }));
    expect(print).toHaveBeenCalledTimes(1);

    // Nothing of the codes is kept in the browser's storage.
    const stored = JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage });
    expect(stored).not.toContain('K7XQ4');
  });

  it('should refuse a count over 200 without calling the API', async () => {
    const { calls } = mockFetch(api());
    const user = userEvent.setup();
    renderWithProviders(<VerificationCodesPanel slug="dinan" />);

    const count = screen.getByLabelText('Nombre de codes');
    await user.clear(count);
    await user.type(count, '500');
    await user.click(screen.getByRole('button', { name: 'Générer' }));

    await waitFor(() => expect(count.getAttribute('aria-invalid')).toBe('true'));
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('should list the codes issued, used or not, without any code', async () => {
    mockFetch(
      api([
        {
          id: 'c1',
          createdAt: '2026-11-01T10:00:00.000Z',
          expiresAt: '2099-01-30T10:00:00.000Z',
          usedAt: '2026-11-03T09:00:00.000Z',
        },
        {
          id: 'c2',
          createdAt: '2026-11-01T10:00:00.000Z',
          expiresAt: '2099-01-30T10:00:00.000Z',
          usedAt: null,
        },
      ]),
    );
    renderWithProviders(<VerificationCodesPanel slug="dinan" />);

    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[1]!.textContent).toContain('Utilisé le');
    expect(rows[2]!.textContent).toContain('Pas encore utilisé');
  });
});
