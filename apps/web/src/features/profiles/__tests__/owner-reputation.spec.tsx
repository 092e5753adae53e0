import { screen } from '@testing-library/react';
import { apiError, mockFetch, pathOf, renderWithProviders } from '../../../../test/test-utils';
import { OwnerReputation } from '../components/owner-reputation';

const profile = (score: number | null, ratingCount: number) => ({
  id: 'owner-1',
  displayName: 'Dominique',
  municipality: { slug: 'saint-exemple', name: 'Saint-Exemple' },
  memberSince: '2025-01-01T00:00:00.000Z',
  verified: false,
  reputation: {
    completed: { loan: 3, gift: 0, swap: 0, answer: 0, total: 3 },
    ratingCount,
    score,
    onTimeReturns: 3,
    lateReturns: 0,
    noShows: 0,
  },
  reviews: [],
});

describe(OwnerReputation.name, () => {
  it("should show the owner's score and review count from their public profile", async () => {
    const { calls } = mockFetch(() => ({ status: 200, body: profile(4.25, 3) }));
    renderWithProviders(<OwnerReputation userId="owner-1" />);
    expect((await screen.findByTestId('owner-reputation')).textContent).toBe('★ 4,3/5 (3 avis)');
    expect(pathOf(calls[0]!.url)).toBe('/api/v1/users/owner-1');
  });

  it('should say a newcomer has no reviews yet', async () => {
    mockFetch(() => ({ status: 200, body: profile(null, 0) }));
    renderWithProviders(<OwnerReputation userId="owner-1" />);
    expect((await screen.findByTestId('owner-reputation')).textContent).toBe('★ Pas encore d’avis');
  });

  it('should show nothing when there is no public profile (an organisation)', async () => {
    const { calls } = mockFetch(() => apiError(404, 'USER_NOT_FOUND'));
    renderWithProviders(<OwnerReputation userId="org-1" />);
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).toHaveLength(1);
    expect(screen.queryByTestId('owner-reputation')).toBeNull();
  });
});
