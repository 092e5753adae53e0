import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { mockFetch, queryOf, renderWithProviders } from '../../../../test/test-utils';
import { exchange } from '../../../../test/fixtures';
import type { ExchangeRole } from '../api/exchanges.api';
import { ExchangeList } from '../components/exchange-list';

function Tabs() {
  const [role, setRole] = useState<ExchangeRole>('owner');
  return <ExchangeList role={role} onRoleChange={setRole} />;
}

describe(ExchangeList.name, () => {
  it('should list my exchanges by role with a status in words and the next step', async () => {
    const { calls } = mockFetch((call) =>
      queryOf(call.url).get('role') === 'owner'
        ? {
            status: 200,
            body: {
              items: [
                exchange({ nextActions: ['accept', 'decline'] }),
                exchange({ id: 'ex-2', kind: 'gift', status: 'declined', start: null, end: null }),
              ],
              nextCursor: null,
            },
          }
        : { status: 200, body: { items: [], nextCursor: null } },
    );
    const user = userEvent.setup();
    renderWithProviders(<Tabs />);

    const rows = await screen.findAllByTestId('exchange-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]?.textContent).toContain('Perceuse');
    expect(rows[0]?.textContent).toContain('Avec Louis');
    expect(rows[0]?.textContent).toContain('Demandé');
    expect(rows[0]?.textContent).toContain("À vous d'accepter ou de refuser");
    expect(rows[1]?.textContent).toContain('Refusé');
    expect(rows[1]?.textContent).toContain('Demande refusée');
    expect(
      screen.getByRole('tab', { name: 'Je prête / je donne' }).getAttribute('aria-selected'),
    ).toBe('true');

    // Arrow keys move between the tabs.
    screen.getByRole('tab', { name: 'Je prête / je donne' }).focus();
    await user.keyboard('{ArrowRight}');
    const borrow = screen.getByRole('tab', { name: "J'emprunte / je demande" });
    expect(borrow.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(borrow);
    expect(await screen.findByText(/^Vous n'avez encore rien demandé/)).toBeTruthy();
    await waitFor(() =>
      expect(calls.map((c) => queryOf(c.url).get('role'))).toEqual(['owner', 'requester']),
    );
  });
});
