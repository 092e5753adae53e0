import { apiError, mockFetch, pathOf } from '../../../test/test-utils';
import { ApiError, apiFetch, getAccessToken, setAccessToken } from '../api-client';

describe(apiFetch.name, () => {
  it('should refresh once and retry with the new token after a 401', async () => {
    setAccessToken('expired');
    const { calls } = mockFetch((call) => {
      if (pathOf(call.url) === '/api/v1/auth/refresh')
        return { status: 200, body: { accessToken: 'fresh' } };
      return call.headers.Authorization === 'Bearer fresh'
        ? { status: 200, body: { id: 'u1' } }
        : apiError(401, 'UNAUTHENTICATED');
    });

    await expect(apiFetch('/me')).resolves.toEqual({ id: 'u1' });

    expect(calls.map((c) => `${c.method} ${pathOf(c.url)}`)).toEqual([
      'GET /api/v1/me',
      'POST /api/v1/auth/refresh',
      'GET /api/v1/me',
    ]);
    expect(calls[0]?.headers.Authorization).toBe('Bearer expired');
    expect(calls[2]?.headers.Authorization).toBe('Bearer fresh');
    expect(getAccessToken()).toBe('fresh');
  });

  it('should send the refresh request with credentials so the httpOnly cookie goes along', async () => {
    const { fn } = mockFetch((call) =>
      pathOf(call.url) === '/api/v1/auth/refresh'
        ? { status: 200, body: { accessToken: 'fresh' } }
        : call.headers.Authorization
          ? { status: 200, body: {} }
          : apiError(401, 'UNAUTHENTICATED'),
    );

    await apiFetch('/me');

    const refreshInit = fn.mock.calls.find(([url]) => url === '/api/v1/auth/refresh')?.[1];
    expect(refreshInit?.credentials).toBe('include');
  });

  it('should drop the token and throw the 401 when the refresh is refused', async () => {
    setAccessToken('expired');
    const { calls } = mockFetch(() => apiError(401, 'UNAUTHENTICATED'));

    const failure = apiFetch('/me');

    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({
      status: 401,
      code: 'UNAUTHENTICATED',
      requestId: 'req-1',
    });
    expect(calls).toHaveLength(2);
    expect(getAccessToken()).toBeNull();
  });

  it('should share one refresh between calls failing at the same time', async () => {
    setAccessToken('expired');
    const { calls } = mockFetch((call) => {
      if (pathOf(call.url) === '/api/v1/auth/refresh')
        return { status: 200, body: { accessToken: 'fresh' } };
      return call.headers.Authorization === 'Bearer fresh'
        ? { status: 200, body: [] }
        : apiError(401, 'UNAUTHENTICATED');
    });

    await Promise.all([apiFetch('/me'), apiFetch('/listings/1'), apiFetch('/listings/2')]);

    expect(calls.filter((c) => pathOf(c.url) === '/api/v1/auth/refresh')).toHaveLength(1);
  });

  it('should not try to refresh when a login is refused', async () => {
    const { calls } = mockFetch(() => apiError(401, 'INVALID_CREDENTIALS'));

    await expect(
      apiFetch('/auth/login', { method: 'POST', body: { email: 'a@b.fr', password: 'x' } }),
    ).rejects.toMatchObject({
      code: 'INVALID_CREDENTIALS',
    });
    expect(calls).toHaveLength(1);
  });

  it('should normalise error details paths given as arrays or JSON pointers', async () => {
    mockFetch(() =>
      apiError(400, 'VALIDATION_FAILED', [
        { path: ['home', 'lat'], message: 'too far' },
        { path: '/displayName', message: 'too short' },
      ]),
    );

    await expect(apiFetch('/auth/register', { method: 'POST', body: {} })).rejects.toMatchObject({
      details: [
        { path: 'home.lat', message: 'too far' },
        { path: 'displayName', message: 'too short' },
      ],
    });
  });

  it('should leave empty query values out of the URL', async () => {
    const { calls } = mockFetch(() => ({ status: 200, body: { items: [], nextCursor: null } }));

    await apiFetch('/listings', {
      query: { lat: 48.1, lng: -1.6, kind: undefined, q: '', cursor: null },
    });

    expect(calls[0]?.url).toBe('/api/v1/listings?lat=48.1&lng=-1.6');
  });
});
