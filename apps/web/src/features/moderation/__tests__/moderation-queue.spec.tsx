import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ModerationCaseView } from '@partagora/domain';
import { mockFetch, pathOf, queryOf, renderWithProviders } from '../../../../test/test-utils';
import { AuditLog } from '../components/audit-log';
import { ModerationQueue } from '../components/moderation-queue';

const CASE: ModerationCaseView = {
  id: '11111111-1111-4111-8111-111111111111',
  targetType: 'listing',
  targetId: '22222222-2222-4222-8222-222222222222',
  reasons: ['fraud', 'spam'],
  comments: ['Demande un virement'],
  reportCount: 3,
  priority: true,
  hidden: true,
  status: 'open',
  createdAt: '2026-11-30T10:00:00.000Z',
  resolution: null,
  actions: ['dismiss', 'hide', 'restore', 'warn', 'suspend'],
  content: {
    type: 'listing',
    title: 'iPhone à 20 €',
    description: 'Paiement par virement uniquement',
    status: 'hidden',
    owner: { id: '33333333-3333-4333-8333-333333333333', displayName: 'Arnaud' },
  },
};

describe(ModerationQueue.name, () => {
  it('should show the reported content and decide only after confirmation', async () => {
    const { calls } = mockFetch((call) =>
      call.method === 'POST'
        ? { status: 200, body: { id: CASE.id, status: 'resolved', hidden: true } }
        : { status: 200, body: { items: [CASE], nextCursor: null } },
    );
    renderWithProviders(<ModerationQueue slug="dinan" />);
    expect(screen.getByRole('tab', { name: 'À traiter' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    const heading = await screen.findByRole('heading', { name: 'iPhone à 20 €' });
    const item = heading.closest<HTMLElement>('li.moderation-case')!;
    expect(within(item).getByText('Paiement par virement uniquement')).toBeTruthy();
    expect(
      within(item).getByText('Motifs : Arnaque ou fraude, Indésirable ou publicitaire'),
    ).toBeTruthy();
    expect(within(item).getByText('Prioritaire')).toBeTruthy();
    expect(queryOf(calls[0]!.url).get('status')).toBe('open');

    await userEvent.click(within(item).getByRole('button', { name: 'Suspendre le compte' }));
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
    await userEvent.type(within(item).getByLabelText(/Note/), 'Arnaque avérée');
    await userEvent.click(
      within(item).getByRole('button', { name: 'Confirmer : Suspendre le compte' }),
    );
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const post = calls.find((c) => c.method === 'POST')!;
    expect(pathOf(post.url)).toBe(`/api/v1/moderation/reports/${CASE.id}/resolve`);
    expect(post.body).toEqual({ action: 'suspend', note: 'Arnaque avérée' });
  });

  it('should switch to the resolved tab with the arrow keys', async () => {
    const { calls } = mockFetch(() => ({ status: 200, body: { items: [], nextCursor: null } }));
    renderWithProviders(<ModerationQueue slug="dinan" />);
    await screen.findByText('Aucun signalement ici.');
    screen.getByRole('tab', { name: 'À traiter' }).focus();
    await userEvent.keyboard('{ArrowRight}');
    const resolved = screen.getByRole('tab', { name: 'Traités' });
    expect(resolved.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(resolved);
    await waitFor(() =>
      expect(calls.some((c) => queryOf(c.url).get('status') === 'resolved')).toBe(true),
    );
  });

  it('should read a reported conversation only when asked', async () => {
    const message: ModerationCaseView = {
      ...CASE,
      targetType: 'message',
      actions: ['dismiss', 'hide', 'warn', 'suspend'],
      hidden: false,
      content: {
        type: 'message',
        body: 'Envoie-moi ton code',
        author: { id: '33333333-3333-4333-8333-333333333333', displayName: 'Arnaud' },
        conversationId: '44444444-4444-4444-8444-444444444444',
      },
    };
    const { calls } = mockFetch((call) =>
      pathOf(call.url).endsWith('/conversation')
        ? {
            status: 200,
            body: {
              conversationId: '44444444-4444-4444-8444-444444444444',
              items: [
                {
                  id: '55555555-5555-4555-8555-555555555555',
                  seq: 1,
                  authorId: '33333333-3333-4333-8333-333333333333',
                  body: 'Envoie-moi ton code',
                  removed: false,
                  createdAt: '2026-11-30T10:00:00.000Z',
                },
              ],
            },
          }
        : { status: 200, body: { items: [message], nextCursor: null } },
    );
    renderWithProviders(<ModerationQueue slug="dinan" />);
    await screen.findByText('Envoie-moi ton code');
    expect(calls.some((c) => pathOf(c.url).endsWith('/conversation'))).toBe(false);
    await userEvent.click(screen.getByRole('button', { name: /Lire la conversation/ }));
    await screen.findByRole('region', { name: 'Conversation signalée' });
    expect(
      calls.some((c) => pathOf(c.url).endsWith(`/moderation/reports/${CASE.id}/conversation`)),
    ).toBe(true);
  });
});

describe(AuditLog.name, () => {
  it('should list who did what, with a caption and column headers', async () => {
    mockFetch(() => ({
      status: 200,
      body: {
        items: [
          {
            id: '66666666-6666-4666-8666-666666666666',
            actor: { id: '77777777-7777-4777-8777-777777777777', displayName: 'Modératrice' },
            action: 'report.hide',
            targetType: 'listing',
            targetId: CASE.targetId,
            note: 'Annonce frauduleuse',
            createdAt: '2026-11-30T10:00:00.000Z',
          },
          {
            id: '88888888-8888-4888-8888-888888888888',
            actor: null,
            action: 'conversation.read',
            targetType: 'conversation',
            targetId: CASE.targetId,
            note: null,
            createdAt: '2026-11-29T10:00:00.000Z',
          },
        ],
        nextCursor: null,
      },
    }));
    renderWithProviders(<AuditLog slug="dinan" />);
    const table = await screen.findByRole('table', {
      name: 'Actions de modération et consultations',
    });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Date', 'Par', 'Action', 'Cible', 'Note']);
    expect(within(table).getByText('Contenu masqué')).toBeTruthy();
    expect(within(table).getByText('Ancien membre')).toBeTruthy();
    expect(within(table).getByText('Conversation consultée')).toBeTruthy();
  });
});
