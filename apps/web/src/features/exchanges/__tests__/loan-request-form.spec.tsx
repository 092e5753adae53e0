import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Availability } from '@partagora/domain';
import {
  apiError,
  describedText,
  type FakeCall,
  mockFetch,
  pathOf,
  queryOf,
  renderWithProviders,
} from '../../../../test/test-utils';
import { exchange } from '../../../../test/fixtures';
import { LoanRequestForm } from '../components/loan-request-form';

// Local times, as a person types them: the test holds in any time zone.
const local = (y: number, m: number, d: number, h: number) => new Date(y, m - 1, d, h);
const NOW = local(2026, 3, 2, 9);

const availability: Availability = {
  listingId: 'listing-1',
  maxDays: 7,
  bufferHours: 24,
  // Already held: 10 March 08:00 → 13 March 08:00 (a loan plus the owner's buffer).
  busy: [{ start: local(2026, 3, 10, 8).toISOString(), end: local(2026, 3, 13, 8).toISOString() }],
};

function fill(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

function choosePeriod(start: [string, string], end: [string, string]) {
  fill('Date de début', start[0]);
  fill('Heure de début', start[1]);
  fill('Date de fin', end[0]);
  fill('Heure de fin', end[1]);
}

function setup(onPost: () => { status: number; body?: unknown } = () => ({ status: 201 })) {
  const fake = mockFetch((call) => {
    if (pathOf(call.url).endsWith('/availability')) return { status: 200, body: availability };
    return onPost();
  });
  const onRequested = jest.fn();
  renderWithProviders(
    <LoanRequestForm
      listingId="listing-1"
      loanSettings={{ maxDays: 7, bufferHours: 24 }}
      onRequested={onRequested}
      now={NOW}
    />,
  );
  return { ...fake, onRequested };
}

const posts = (calls: FakeCall[]) => calls.filter((c) => c.method === 'POST');

describe(LoanRequestForm.name, () => {
  it('should ask for eight weeks of availability and mark the busy days in words', async () => {
    const { calls } = setup();

    expect(await screen.findByText('Durée maximale : 7 jours')).toBeTruthy();
    expect(screen.getByText('Délai entre deux prêts : 24 heures')).toBeTruthy();
    await screen.findAllByRole('table');
    const query = queryOf(calls[0]?.url ?? '');
    expect(pathOf(calls[0]?.url ?? '')).toBe('/api/v1/listings/listing-1/availability');
    expect(new Date(query.get('from') ?? '').getTime()).toBe(local(2026, 3, 2, 0).getTime());
    expect(new Date(query.get('to') ?? '').getTime()).toBe(local(2026, 4, 27, 0).getTime());

    const cell = (day: number) =>
      screen
        .getAllByRole('cell')
        .find((td) =>
          td.textContent?.startsWith(
            `${new Intl.DateTimeFormat('fr', { weekday: 'long', day: 'numeric', month: 'long' }).format(local(2026, 3, day, 0))}, `,
          ),
        );
    expect(cell(11)?.textContent).toContain('réservé toute la journée');
    expect(cell(10)?.textContent).toContain('réservé une partie de la journée');
    expect(cell(14)?.textContent).toContain('libre');
    expect(screen.getByRole('list', { name: 'Légende du calendrier' }).textContent).toContain(
      'Réservé toute la journée',
    );
  });

  it('should refuse a period overlapping a busy span (buffer included) without calling the API', async () => {
    const { calls } = setup();
    const user = userEvent.setup();
    await screen.findAllByRole('table');

    // Ends on 9 March 18:00: free itself, but its 24 h buffer runs into the loan of the 10th.
    choosePeriod(['2026-03-08', '10:00'], ['2026-03-09', '18:00']);
    await user.click(screen.getByRole('button', { name: 'Envoyer la demande' }));

    const endDate = screen.getByLabelText('Date de fin');
    await waitFor(() => expect(endDate.getAttribute('aria-invalid')).toBe('true'));
    expect(describedText(endDate)).toContain('Cette période chevauche une réservation');
    expect(posts(calls)).toHaveLength(0);
  });

  it('should refuse a period longer than the longest loan without calling the API', async () => {
    const { calls } = setup();
    const user = userEvent.setup();
    await screen.findAllByRole('table');

    choosePeriod(['2026-03-14', '10:00'], ['2026-03-22', '10:00']);
    await user.click(screen.getByRole('button', { name: 'Envoyer la demande' }));

    const endDate = screen.getByLabelText('Date de fin');
    await waitFor(() =>
      expect(describedText(endDate)).toContain('Ce prêt dure trop longtemps : 7 jours au maximum.'),
    );
    expect(posts(calls)).toHaveLength(0);
  });

  it('should post the period as ISO instants with the message, then hand over the exchange', async () => {
    const created = exchange({ id: 'ex-42' });
    const { calls, onRequested } = setup(() => ({ status: 201, body: created }));
    const user = userEvent.setup();
    await screen.findAllByRole('table');

    choosePeriod(['2026-03-14', '10:00'], ['2026-03-16', '18:00']);
    await user.type(screen.getByLabelText('Message'), 'Bonjour, pour monter une étagère.');
    expect(screen.getByText(/^Période choisie : du/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Envoyer la demande' }));

    await waitFor(() => expect(onRequested).toHaveBeenCalledWith(created));
    const [post] = posts(calls);
    expect(post?.url).toBe('/api/v1/listings/listing-1/exchanges');
    expect(post?.body).toEqual({
      start: local(2026, 3, 14, 10).toISOString(),
      end: local(2026, 3, 16, 18).toISOString(),
      message: 'Bonjour, pour monter une étagère.',
    });
  });

  it('should say clearly when the server answers BOOKING_OVERLAP, and reload the availability', async () => {
    const { calls } = setup(() => apiError(409, 'BOOKING_OVERLAP'));
    const user = userEvent.setup();
    await screen.findAllByRole('table');

    choosePeriod(['2026-03-14', '10:00'], ['2026-03-16', '18:00']);
    await user.click(screen.getByRole('button', { name: 'Envoyer la demande' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Ces dates chevauchent un prêt déjà accepté');
    expect(within(alert).queryByText(/server text/)).toBeNull();
    await waitFor(() =>
      expect(calls.filter((c) => pathOf(c.url).endsWith('/availability'))).toHaveLength(2),
    );
  });
});
