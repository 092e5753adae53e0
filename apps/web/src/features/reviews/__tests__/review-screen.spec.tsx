import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MyReviewState, ReviewView } from '@partagora/domain';
import { apiError, mockFetch, pathOf, renderWithProviders } from '../../../../test/test-utils';
import { ReviewScreen } from '../components/review-screen';

const review = (overrides: Partial<ReviewView> = {}): ReviewView => ({
  id: 'rev-1',
  exchangeId: 'ex-1',
  authorId: 'me',
  subjectId: 'them',
  rating: 4,
  comment: null,
  revealed: false,
  createdAt: '2026-03-02T08:00:00.000Z',
  ...overrides,
});

const state = (overrides: Partial<MyReviewState> = {}): MyReviewState => ({
  exchangeId: 'ex-1',
  canReview: true,
  mine: null,
  theirs: null,
  ...overrides,
});

describe(ReviewScreen.name, () => {
  it('should post the chosen rating and the trimmed comment, then show the review as hidden', async () => {
    let current = state();
    const { calls } = mockFetch((call) => {
      if (call.method === 'POST') {
        current = state({ canReview: false, mine: review({ rating: 5, comment: 'Parfait' }) });
        return { status: 201, body: current.mine };
      }
      return { status: 200, body: current };
    });
    renderWithProviders(<ReviewScreen exchangeId="ex-1" otherName="Camille" />);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('radio', { name: /5 étoiles — Excellent/ }));
    await user.type(screen.getByLabelText('Commentaire (facultatif)'), '  Parfait  ');
    await user.click(screen.getByRole('button', { name: "Publier l'avis" }));

    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const post = calls.find((c) => c.method === 'POST')!;
    expect(pathOf(post.url)).toMatch(/\/exchanges\/ex-1\/review$/);
    expect(post.body).toEqual({ rating: 5, comment: 'Parfait' });
    expect(await screen.findByText('Merci ! Votre avis est enregistré.')).toBeTruthy();
    expect(
      screen.getByText(/Il sera visible quand l'autre personne aura donné le sien/),
    ).toBeTruthy();
    expect(
      screen.getByText("L'avis de l'autre personne, s'il existe, reste caché pour l'instant."),
    ).toBeTruthy();
  });

  it('should ask for a rating before posting anything', async () => {
    const { calls } = mockFetch(() => ({ status: 200, body: state() }));
    renderWithProviders(<ReviewScreen exchangeId="ex-1" />);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: "Publier l'avis" }));

    expect((await screen.findByRole('alert')).textContent).toContain(
      'Choisissez une note de 1 à 5.',
    );
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
  });

  it('should say REVIEW_EXISTS in words', async () => {
    mockFetch((call) =>
      call.method === 'POST' ? apiError(409, 'REVIEW_EXISTS') : { status: 200, body: state() },
    );
    renderWithProviders(<ReviewScreen exchangeId="ex-1" />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('radio', { name: /3 étoiles/ }));
    await user.click(screen.getByRole('button', { name: "Publier l'avis" }));
    expect(await screen.findByText('Vous avez déjà laissé un avis sur cet échange.')).toBeTruthy();
  });

  it('should show both reviews once revealed, and no form', async () => {
    mockFetch(() => ({
      status: 200,
      body: state({
        canReview: false,
        mine: review({ revealed: true }),
        theirs: review({ id: 'rev-2', rating: 2, comment: 'En retard', revealed: true }),
      }),
    }));
    renderWithProviders(<ReviewScreen exchangeId="ex-1" otherName="Camille" />);

    expect(await screen.findByText('Il est visible sur le profil de Camille.')).toBeTruthy();
    expect(screen.getByText('Note : 2 sur 5')).toBeTruthy();
    expect(screen.getByText('En retard')).toBeTruthy();
    expect(screen.queryByRole('radio')).toBeNull();
  });

  it('should say when the exchange is not completed yet', async () => {
    mockFetch(() => ({ status: 200, body: state({ canReview: false }) }));
    renderWithProviders(<ReviewScreen exchangeId="ex-1" />);
    expect(
      await screen.findByText("Vous pourrez laisser un avis une fois l'échange terminé."),
    ).toBeTruthy();
  });
});
