import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { PublicProfile } from '@partagora/domain';
import { mockFetch, pathOf, renderWithProviders } from '../../../../test/test-utils';
import { ProfilePage } from '../components/profile-page';

const profile = (overrides: Partial<PublicProfile> = {}): PublicProfile => ({
  id: 'user-2',
  displayName: 'Camille',
  municipality: { slug: 'plouezec', name: 'Plouézec' },
  memberSince: '2025-09-01T08:00:00.000Z',
  verified: true,
  reputation: {
    completed: { loan: 3, gift: 2, swap: 0, answer: 1, total: 6 },
    ratingCount: 4,
    score: 4.3,
    onTimeReturns: 3,
    lateReturns: 1,
    noShows: 0,
  },
  reviews: [
    {
      rating: 5,
      comment: 'Perceuse rendue propre',
      createdAt: '2026-03-02T08:00:00.000Z',
      author: { id: 'user-3', displayName: 'Louis' },
    },
    { rating: 4, comment: null, createdAt: '2026-02-02T08:00:00.000Z', author: null },
  ],
  blockedByMe: false,
  ...overrides,
});

describe(ProfilePage.name, () => {
  it('should show the verified badge, the reputation figures and the revealed reviews', async () => {
    mockFetch(() => ({ status: 200, body: profile() }));
    renderWithProviders(<ProfilePage userId="user-2" viewerId="me" />);

    expect(await screen.findByRole('heading', { level: 1, name: 'Camille' })).toBeTruthy();
    expect(screen.getByText('Résident vérifié de Plouézec')).toBeTruthy();
    expect(screen.getByText(/4,3 sur 5/)).toBeTruthy();
    expect(screen.getByText(/4 avis/)).toBeTruthy();
    const reliability = screen.getByText('Retours en retard').closest('div')!;
    expect(within(reliability).getByText('1')).toBeTruthy();
    expect(screen.getByText('Perceuse rendue propre')).toBeTruthy();
    expect(screen.getByText(/^Un ancien membre, le/)).toBeTruthy();
  });

  it('should say so when there is no score and no badge yet', async () => {
    mockFetch(() => ({
      status: 200,
      body: profile({
        verified: false,
        reviews: [],
        reputation: { ...profile().reputation, ratingCount: 0, score: null },
      }),
    }));
    renderWithProviders(<ProfilePage userId="user-2" viewerId="me" />);
    expect(await screen.findByText('Résidence non vérifiée')).toBeTruthy();
    expect(screen.getByText(/Pas encore de note/)).toBeTruthy();
    expect(screen.getByText('Aucun avis visible pour le moment.')).toBeTruthy();
  });

  it('should block only after a confirmation in a dialog, and cancel with Escape', async () => {
    let blocked = false;
    const { calls } = mockFetch((call) => {
      if (call.method === 'POST') {
        blocked = true;
        return { status: 204 };
      }
      return { status: 200, body: profile({ blockedByMe: blocked }) };
    });
    renderWithProviders(<ProfilePage userId="user-2" viewerId="me" />);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Bloquer ce membre' }));
    let dialog = screen.getByRole('alertdialog', { name: 'Bloquer Camille ?' });
    // The safe choice has the focus.
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Annuler' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(calls.filter((c) => c.method !== 'GET')).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Bloquer ce membre' }));
    dialog = screen.getByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: 'Bloquer' }));

    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(pathOf(calls.find((c) => c.method === 'POST')!.url)).toMatch(/\/users\/user-2\/block$/);
    expect(await screen.findByText('Membre bloqué.')).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Débloquer ce membre' })).toBeTruthy();
  });

  it('should unblock with DELETE after its own confirmation', async () => {
    const { calls } = mockFetch((call) =>
      call.method === 'DELETE'
        ? { status: 204 }
        : { status: 200, body: profile({ blockedByMe: true }) },
    );
    renderWithProviders(<ProfilePage userId="user-2" viewerId="me" />);
    const user = userEvent.setup();
    expect(await screen.findByText('Vous avez bloqué ce membre.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Débloquer ce membre' }));
    await user.click(
      within(screen.getByRole('alertdialog', { name: 'Débloquer Camille ?' })).getByRole('button', {
        name: 'Débloquer',
      }),
    );
    await waitFor(() => expect(calls.some((c) => c.method === 'DELETE')).toBe(true));
  });

  it('should offer no block button on my own profile', async () => {
    mockFetch(() => ({ status: 200, body: profile({ id: 'me' }) }));
    renderWithProviders(<ProfilePage userId="me" viewerId="me" />);
    expect(await screen.findByRole('heading', { level: 1 })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Bloquer/ })).toBeNull();
  });
});
