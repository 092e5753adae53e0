import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ExchangeView } from '@partagora/domain';
import { mockFetch, renderWithProviders } from '../../../../test/test-utils';
import { exchange } from '../../../../test/fixtures';
import { ExchangeDetail } from '../components/exchange-detail';

// Leaflet needs a real layout: the map is replaced, the sentence about the address remains.
jest.mock('../map/meeting-point-map', () => ({ MeetingPointMap: () => null }));

const ALL_BUTTONS = [
  'Accepter',
  'Refuser',
  "Annuler l'échange",
  'Objet remis',
  'Objet rendu',
  'Terminer',
  'Absent au rendez-vous',
];

function renderDetail(view: ExchangeView, viewerId: string, after?: ExchangeView) {
  const fake = mockFetch((call) =>
    call.method === 'POST' ? { status: 200, body: after ?? view } : { status: 200, body: view },
  );
  renderWithProviders(
    <ExchangeDetail
      id={view.id}
      viewerId={viewerId}
      renderChat={(ex, other) => <p>{`chat ${ex.conversationId} ${other}`}</p>}
    />,
  );
  return fake;
}

function actionButtons(): string[] {
  const section = screen.queryByRole('region', { name: 'Que faire maintenant ?' });
  if (!section) return [];
  return within(section)
    .getAllByRole('button')
    .map((b) => b.textContent ?? '');
}

describe(ExchangeDetail.name, () => {
  it('should show exactly the buttons of nextActions, with the next step in words', async () => {
    renderDetail(exchange({ nextActions: ['accept', 'decline'] }), 'owner-1');

    expect(await screen.findByRole('heading', { level: 1, name: 'Perceuse' })).toBeTruthy();
    expect(actionButtons()).toEqual(['Accepter', 'Refuser']);
    for (const name of ALL_BUTTONS.filter((n) => n !== 'Accepter' && n !== 'Refuser')) {
      expect(screen.queryByRole('button', { name })).toBeNull();
    }
    expect(screen.getByText("À vous d'accepter ou de refuser")).toBeTruthy();
    expect(screen.getByText('Demandé')).toBeTruthy();
    expect(screen.getByText('chat conv-1 Louis')).toBeTruthy();
  });

  it('should link a completed exchange to its review screen and both parties to their profiles', async () => {
    renderDetail(exchange({ status: 'completed', nextActions: [] }), 'requester-1');

    const review = await screen.findByRole('link', { name: 'Laisser un avis' });
    expect(review.getAttribute('href')).toBe('/exchanges/ex-1/review');
    expect(screen.getByRole('link', { name: 'Camille' }).getAttribute('href')).toBe(
      '/users/owner-1',
    );
  });

  it('should offer no review link before completion', async () => {
    renderDetail(exchange({ status: 'accepted', nextActions: [] }), 'requester-1');
    expect(await screen.findByRole('heading', { level: 1, name: 'Perceuse' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Laisser un avis' })).toBeNull();
  });

  it('should show no step buttons when the API offers none', async () => {
    renderDetail(exchange({ status: 'completed', nextActions: [] }), 'requester-1');

    expect(await screen.findByText('Échange terminé. Merci !')).toBeTruthy();
    expect(actionButtons()).toEqual([]);
    expect(screen.getByText('chat conv-1 Camille')).toBeTruthy();
  });

  it.each([
    ['accept', 'Accepter', 'accept'],
    ['decline', 'Refuser', 'decline'],
    ['cancel', "Annuler l'échange", 'cancel'],
    ['handover', 'Objet remis', 'handover'],
    ['return', 'Objet rendu', 'return'],
    ['complete', 'Terminer', 'complete'],
    ['no_show', 'Absent au rendez-vous', 'no-show'],
  ])('should post %s (button "%s") to /exchanges/:id/%s', async (action, label, verb) => {
    const { calls } = renderDetail(exchange({ nextActions: [action] }), 'owner-1');
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: label }));
    // Steps that end the exchange ask first, in an accessible dialog (never `window.confirm`).
    if (action === 'cancel' || action === 'no_show') {
      await user.click(
        within(screen.getByRole('alertdialog')).getByRole('button', { name: label }),
      );
    }

    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.url).toBe(`/api/v1/exchanges/ex-1/${verb}`);
    expect(post?.body).toBeUndefined();
  });

  it('should ask before recording a no-show, and show the new status afterwards', async () => {
    const confirm = jest.spyOn(window, 'confirm');
    const { calls } = renderDetail(
      exchange({ status: 'accepted', nextActions: ['handover', 'no_show', 'cancel'] }),
      'owner-1',
      exchange({ status: 'no_show', nextActions: [] }),
    );
    const user = userEvent.setup();
    expect(await screen.findByText(/^Remise prévue le/)).toBeTruthy();
    expect(actionButtons()).toEqual(['Objet remis', 'Absent au rendez-vous', "Annuler l'échange"]);

    const noShow = screen.getByRole('button', { name: 'Absent au rendez-vous' });
    await user.click(noShow);
    const dialog = screen.getByRole('alertdialog', { name: 'Absent au rendez-vous' });
    // The safe choice has the focus; Cancel closes without sending and gives the focus back.
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Annuler' }));
    await user.click(within(dialog).getByRole('button', { name: 'Annuler' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(noShow);
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    await user.click(noShow);
    await user.click(
      within(screen.getByRole('alertdialog')).getByRole('button', {
        name: 'Absent au rendez-vous',
      }),
    );
    expect(await screen.findByText('Absence au rendez-vous signalée')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.url).toBe('/api/v1/exchanges/ex-1/no-show');
    expect(actionButtons()).toEqual([]);
    expect(confirm).not.toHaveBeenCalled();
  });

  it('should say the exact address is shared only once accepted', async () => {
    renderDetail(
      exchange({ status: 'accepted', meetingPointExact: true, nextActions: ['handover'] }),
      'requester-1',
    );
    expect(
      await screen.findByText("Adresse exacte partagée car l'échange est accepté."),
    ).toBeTruthy();
  });

  it('should say an accepted loan shows the exact address 48 h before it starts', async () => {
    renderDetail(
      exchange({ status: 'accepted', meetingPointExact: false, nextActions: ['handover'] }),
      'requester-1',
    );
    expect(
      await screen.findByText(
        "Zone approximative : l'adresse exacte sera partagée 48 h avant le début du prêt.",
      ),
    ).toBeTruthy();
  });

  it('should show an approximate area before acceptance', async () => {
    renderDetail(exchange({ nextActions: ['cancel'] }), 'requester-1');
    expect(await screen.findByText(/^Zone approximative d'environ 250 m/)).toBeTruthy();
    expect(screen.getByText('En attente de la réponse de Camille')).toBeTruthy();
  });
});
