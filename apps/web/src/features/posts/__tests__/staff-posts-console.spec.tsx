import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  type FakeCall,
  mockFetch,
  pathOf,
  queryOf,
  renderWithProviders,
} from '../../../../test/test-utils';
import { StaffPostsConsole } from '../components/staff-posts-console';

jest.mock('../components/subscribers-chart', () => ({
  __esModule: true,
  default: () => <div data-testid="chart" />,
}));

const base = {
  body: 'Texte',
  author: { type: 'organisation', id: 'org-1', name: 'Mairie de Dinan' },
  municipality: { slug: 'dinan', name: 'Dinan' },
  updatedAt: '2026-12-01T09:00:00.000Z',
  unpublishedAt: null,
  alertSentAt: null,
};
const ALERT = {
  ...base,
  id: '11111111-1111-4111-8111-111111111111',
  title: 'Tempête cette nuit',
  kind: 'alert',
  status: 'published',
  publishedAt: '2026-12-01T09:00:00.000Z',
  alertSentAt: '2026-12-01T09:00:00.000Z',
};
const LATER = {
  ...base,
  id: '22222222-2222-4222-8222-222222222222',
  title: 'Vœux du maire',
  kind: 'announcement',
  status: 'scheduled',
  publishedAt: '2027-01-05T17:00:00.000Z',
};

function api(call: FakeCall) {
  const path = pathOf(call.url);
  if (path === '/api/v1/municipalities/dinan/posts' && call.method === 'POST') {
    const body = call.body as Record<string, unknown>;
    return {
      status: 201,
      body: {
        ...base,
        ...body,
        id: '33333333-3333-4333-8333-333333333333',
        status: body.publishAt ? 'scheduled' : 'published',
        publishedAt: (body.publishAt as string) ?? new Date().toISOString(),
      },
    };
  }
  if (path === '/api/v1/municipalities/dinan/posts') {
    return { status: 200, body: { items: [LATER, ALERT], nextCursor: null } };
  }
  if (path === `/api/v1/posts/${ALERT.id}/reach`) {
    return {
      status: 200,
      body: {
        postId: ALERT.id,
        sent: { push: 12, inApp: 40, email: 5 },
        delivered: { push: 11, inApp: 40, email: 5 },
        failed: { push: 1, inApp: 0, email: 0 },
        openedBy: { push: 7, inApp: 9, email: 2 },
        opened: 17,
        sentAt: ALERT.alertSentAt,
      },
    };
  }
  if (path === '/api/v1/municipalities/dinan/subscribers') {
    return {
      status: 200,
      body: {
        from: '2026-11-30',
        to: '2026-12-01',
        items: [
          { date: '2026-11-30', push: 10, inApp: 40, email: 4 },
          { date: '2026-12-01', push: 12, inApp: 40, email: 5 },
        ],
      },
    };
  }
  return { status: 404 };
}

describe(StaffPostsConsole.name, () => {
  it('should list every post with its status, and show an alert’s reach and the subscribers', async () => {
    const { calls } = mockFetch(api);
    const user = userEvent.setup();
    renderWithProviders(<StaffPostsConsole slug="dinan" />);
    expect(
      await screen.findByRole('heading', { name: 'Tempête cette nuit' }, { timeout: 5000 }),
    ).toBeTruthy();
    const list = calls.find((c) => pathOf(c.url) === '/api/v1/municipalities/dinan/posts')!;
    expect(queryOf(list.url).get('status')).toBe('all');
    expect(screen.getByText('Programmée')).toBeTruthy();
    expect(screen.getByText('En ligne')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: /Portée de « Tempête cette nuit »/ }));
    const table = await screen.findByRole('table', {
      name: 'Envois, remises et ouvertures par canal',
    });
    const push = within(table).getByRole('row', { name: /Notifications du navigateur/ });
    expect(push.textContent).toContain('12');
    expect(push.textContent).toContain('11');
    expect(screen.getByText('17 personnes ont ouvert l’alerte.')).toBeTruthy();

    expect(await screen.findByTestId('chart')).toBeTruthy();
    expect(
      screen.getByText(
        'Aujourd’hui : 12 navigateurs abonnés, 40 membres dans l’application, 5 par e-mail.',
      ),
    ).toBeTruthy();
  });

  it('should publish an alert now, and schedule a post for a date and time', async () => {
    const { calls } = mockFetch(api);
    const user = userEvent.setup();
    renderWithProviders(<StaffPostsConsole slug="dinan" />);
    await screen.findByRole('heading', { name: 'Tempête cette nuit' }, { timeout: 5000 });

    await user.type(screen.getByLabelText('Titre'), 'Coupure d’eau');
    await user.type(screen.getByLabelText('Texte'), 'Rue des Lilas de 9 h à 12 h.');
    await user.selectOptions(screen.getByLabelText('Type'), 'alert');
    expect(screen.getByText(/Une alerte est envoyée dès sa publication/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Publier' }));
    expect(await screen.findByText('Publication en ligne.')).toBeTruthy();
    const posted = calls.filter((c) => c.method === 'POST');
    expect(posted[0]!.body).toEqual({
      title: 'Coupure d’eau',
      body: 'Rue des Lilas de 9 h à 12 h.',
      kind: 'alert',
    });

    await waitFor(() => expect(screen.getByLabelText<HTMLInputElement>('Titre').value).toBe(''));
    await user.type(screen.getByLabelText('Titre'), 'Réunion publique');
    await user.type(screen.getByLabelText('Texte'), 'Salle des fêtes.');
    await user.click(screen.getByLabelText('Programmer'));
    const date = screen.getByLabelText('Date');
    await user.clear(date);
    await user.type(date, '2027-01-10');
    const time = screen.getByLabelText('Heure');
    await user.clear(time);
    await user.type(time, '18:30');
    await user.click(screen.getByRole('button', { name: 'Programmer' }));
    expect(await screen.findByText(/Publication programmée pour le/)).toBeTruthy();
    const scheduled = calls.filter((c) => c.method === 'POST')[1]!;
    expect(scheduled.body).toEqual({
      title: 'Réunion publique',
      body: 'Salle des fêtes.',
      kind: 'news',
      publishAt: new Date(2027, 0, 10, 18, 30).toISOString(),
    });
  });

  it('should show the field errors of an incomplete post without sending it', async () => {
    const { calls } = mockFetch(api);
    const user = userEvent.setup();
    renderWithProviders(<StaffPostsConsole slug="dinan" />);
    await screen.findByRole('heading', { name: 'Tempête cette nuit' }, { timeout: 5000 });
    await user.click(screen.getByRole('button', { name: 'Publier' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Titre').getAttribute('aria-invalid')).toBe('true'),
    );
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });
});
