import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { MemoryRouter } from 'react-router';

export interface FakeCall {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

export interface FakeReply {
  status: number;
  body?: unknown;
}

/** A minimal `Response`: the API client only reads `status`, `ok` and `text()`. */
function toResponse({ status, body }: FakeReply): Response {
  const text = body === undefined ? '' : JSON.stringify(body);
  return {
    status,
    ok: status >= 200 && status < 300,
    text: () => Promise.resolve(text),
  } as Response;
}

/**
 * Replaces `globalThis.fetch` (no real server is ever called). `reply` answers each call; every
 * call is recorded with its parsed JSON body.
 */
export function mockFetch(reply: (call: FakeCall) => FakeReply | Promise<FakeReply>) {
  const calls: FakeCall[] = [];
  const fn = jest.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const call: FakeCall = {
      url: typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
      method: init?.method ?? 'GET',
      headers: { ...(init?.headers as Record<string, string> | undefined) },
      body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
    };
    calls.push(call);
    return toResponse(await reply(call));
  });
  globalThis.fetch = fn;
  return { fn, calls };
}

/** `{"error": …}` as the API sends it. */
export function apiError(
  status: number,
  code: string,
  details?: Array<{ path: string | string[]; message: string }>,
): FakeReply {
  return {
    status,
    body: { error: { code, message: `${code} (server text)`, details, requestId: 'req-1' } },
  };
}

export function pathOf(url: string): string {
  return url.split('?')[0] ?? url;
}

export function queryOf(url: string): URLSearchParams {
  return new URLSearchParams(url.split('?')[1] ?? '');
}

export function renderWithProviders(ui: ReactElement, { route = '/' } = {}) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Infinity }, mutations: { retry: false } },
  });
  // A wrapper (not a wrapped element) so `rerender` keeps the providers.
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={[route]}>{children}</MemoryRouter>
    </QueryClientProvider>
  );
  return { ...render(ui, { wrapper }), queryClient };
}

/** The error text attached (through `aria-describedby`) to a form control. */
export function describedText(control: HTMLElement): string {
  const ids = (control.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}
