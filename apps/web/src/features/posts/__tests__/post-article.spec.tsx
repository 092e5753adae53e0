import { screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { type FakeCall, mockFetch, pathOf, renderWithProviders } from '../../../../test/test-utils';
import { PostArticle } from '../components/post-article';
import { AlertBanner } from '../components/alert-banner';

const ID = '55555555-5555-4555-8555-555555555555';

const post = (over: Record<string, unknown> = {}) => ({
  id: ID,
  title: 'Vigilance orange vent violent',
  body: 'Rentrez les objets de vos jardins.\n\nÉvitez les déplacements.',
  kind: 'alert',
  publishedAt: new Date().toISOString(),
  author: { type: 'organisation', id: 'org-1', name: 'Mairie de Dinan' },
  municipality: { slug: 'dinan', name: 'Dinan' },
  status: 'published',
  updatedAt: new Date().toISOString(),
  unpublishedAt: null,
  alertSentAt: new Date().toISOString(),
  ...over,
});

function api(items: unknown[] = [post()]) {
  return (call: FakeCall) => {
    const path = pathOf(call.url);
    if (path === `/api/v1/posts/${ID}/opened`) return { status: 200, body: { counted: true } };
    if (path === `/api/v1/posts/${ID}`) return { status: 200, body: post() };
    if (path === '/api/v1/municipalities/dinan/posts') {
      return { status: 200, body: { items, nextCursor: null } };
    }
    return { status: 404 };
  };
}

function renderAt(url: string) {
  return renderWithProviders(
    <Routes>
      <Route path="/t/:slug/posts/:id" element={<PostArticle slug="dinan" id={ID} />} />
    </Routes>,
    { route: url },
  );
}

describe(PostArticle.name, () => {
  it('should show the post signed by the town hall and send its read receipt once, from the push link', async () => {
    const { calls } = mockFetch(api());
    renderAt(`/t/dinan/posts/${ID}?via=push&r=tok_0123456789abcdef`);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Vigilance orange vent violent' }),
    ).toBeTruthy();
    expect(screen.getByText(/Par Mairie de Dinan/)).toBeTruthy();
    expect(screen.getByText('Évitez les déplacements.')).toBeTruthy();
    expect(screen.getByText('Alerte')).toBeTruthy();
    await waitFor(() => expect(calls.filter((c) => c.url.includes('/opened'))).toHaveLength(1));
    const receipt = calls.find((c) => c.url.includes('/opened'))!;
    expect(receipt.method).toBe('POST');
    expect(receipt.body).toEqual({ via: 'push', token: 'tok_0123456789abcdef' });
  });

  it('should say it was opened on the web when the link says nothing usable', async () => {
    const { calls } = mockFetch(api());
    renderAt(`/t/dinan/posts/${ID}?via=carrier-pigeon`);
    await screen.findByRole('heading', { level: 1 });
    await waitFor(() => expect(calls.some((c) => c.url.includes('/opened'))).toBe(true));
    expect(calls.find((c) => c.url.includes('/opened'))!.body).toEqual({ via: 'web' });
  });

  it('should say when the post does not exist, without sending a receipt', async () => {
    const { calls } = mockFetch(() => ({
      status: 404,
      body: { error: { code: 'POST_NOT_FOUND', message: 'x', requestId: 'r' } },
    }));
    renderAt(`/t/dinan/posts/${ID}`);
    expect(
      await screen.findByText('Cette publication n’existe pas ou n’est plus en ligne.'),
    ).toBeTruthy();
    expect(calls.some((c) => c.url.includes('/opened'))).toBe(false);
  });
});

describe(AlertBanner.name, () => {
  it('should show the latest alert while it is current', async () => {
    mockFetch(api());
    renderWithProviders(<AlertBanner slug="dinan" />);
    expect(
      await screen.findByRole('heading', { name: 'Vigilance orange vent violent' }),
    ).toBeTruthy();
    expect(screen.getByText('Alerte de la mairie')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Lire l’alerte' }).getAttribute('href')).toBe(
      `/t/dinan/posts/${ID}`,
    );
  });

  it('should show nothing for an alert older than two days, or none', async () => {
    const old = post({ publishedAt: new Date(Date.now() - 3 * 86_400_000).toISOString() });
    const { calls } = mockFetch(api([old]));
    const { container, queryClient } = renderWithProviders(<AlertBanner slug="dinan" />);
    await waitFor(() => expect(calls.length).toBeGreaterThan(0));
    await waitFor(() =>
      expect(queryClient.getQueryState(['posts', 'dinan', 'latest-alert'])?.status).toBe('success'),
    );
    expect(container.textContent).toBe('');
  });
});
