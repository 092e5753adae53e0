import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { LibraryItem, LibraryView } from '@partagora/domain';
import { isOpenAt } from '@partagora/domain';
import { mockFetch, pathOf, renderWithProviders } from '../../../../test/test-utils';
import { BookingForm } from '../components/booking-form';

const library: LibraryView = {
  organisationId: '00000000-0000-4000-8000-000000000001',
  name: 'Mairie de Dinan',
  kind: 'town_hall',
  municipality: 'dinan',
  address: 'Place de la Mairie',
  location: { lat: 48.45, lng: -2.05 },
  timeZone: 'Europe/Paris',
  slots: [
    { weekday: 3, opens: '14:00', closes: '18:00' },
    { weekday: 6, opens: '10:00', closes: '12:00' },
  ],
  closures: [],
  itemCount: 1,
  canManage: false,
};

const item = {
  id: '00000000-0000-4000-8000-000000000002',
  title: 'Perceuse',
  loanSettings: { maxDays: 7, bufferHours: 2, depositNote: 'Chèque de 50 €', autoAccept: true },
} as LibraryItem;

describe(BookingForm.name, () => {
  it('should offer only times inside the opening slots and book through the loan engine', async () => {
    const { calls } = mockFetch(() => ({
      status: 201,
      body: { id: 'ex-1', status: 'accepted', start: new Date().toISOString() },
    }));
    const user = userEvent.setup();
    renderWithProviders(<BookingForm library={library} item={item} />);

    const pickup = screen.getByLabelText('Retrait');
    const options = within(pickup)
      .getAllByRole('option')
      .slice(1)
      .map((o) => (o as HTMLOptionElement).value);
    expect(options.length).toBeGreaterThan(10);
    for (const iso of options) {
      expect(isOpenAt({ slots: library.slots as never, closures: [] }, new Date(iso))).toBe(true);
    }
    expect(screen.getByLabelText('Retour')).toHaveProperty('disabled', true);
    expect(screen.getByText('Caution : Chèque de 50 €')).toBeTruthy();

    await user.selectOptions(pickup, options[0]!);
    const ret = screen.getByLabelText('Retour');
    const returns = within(ret).getAllByRole('option').slice(1);
    expect(returns.length).toBeGreaterThan(0);
    await user.selectOptions(ret, (returns[0] as HTMLOptionElement).value);
    await user.click(screen.getByRole('button', { name: 'Confirmer la réservation' }));

    expect(await screen.findByText(/Réservé ! Retrait le/)).toBeTruthy();
    expect(pathOf(calls[0]!.url)).toBe(`/api/v1/listings/${item.id}/exchanges`);
    expect(calls[0]!.body).toEqual({
      start: options[0],
      end: (returns[0] as HTMLOptionElement).value,
    });
  });
});
