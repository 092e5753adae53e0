import { env } from '../config/env';

/** One entry of `error.details` as the API sends it: the field path and a message. */
export interface ApiErrorDetail {
  path: string;
  message: string;
}

/**
 * An error answered by the API (`{"error": {code, message, details?, requestId}}`), or a
 * network failure (`NETWORK_ERROR`, status 0). Components translate `code`, never `message`.
 */
export class ApiError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
    public readonly details: ApiErrorDetail[] = [],
    public readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

type QueryValue = string | number | boolean | null | undefined;

export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Serialised as JSON. */
  body?: unknown;
  /** Empty, `null` and `undefined` values are left out. */
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
}

// --- access token: memory only (never localStorage); the refresh token is an httpOnly cookie ---

let accessToken: string | null = null;
const tokenListeners = new Set<() => void>();

export function getAccessToken(): string | null {
  return accessToken;
}

export function setAccessToken(token: string | null): void {
  if (token === accessToken) return;
  accessToken = token;
  for (const listener of tokenListeners) listener();
}

/** For `useSyncExternalStore`: called whenever the access token changes. */
export function subscribeAccessToken(listener: () => void): () => void {
  tokenListeners.add(listener);
  return () => tokenListeners.delete(listener);
}

// --- assisted mode: staff acting for a resident, with a 15-minute act token kept in this tab's
// memory only. While it is set every call goes with it (and is audited by the API); a 401 ends it.

export interface ActingSession {
  token: string;
  residentId: string;
  displayName: string;
  expiresAt: string;
}

let acting: ActingSession | null = null;
const actingListeners = new Set<() => void>();

export function getActing(): ActingSession | null {
  return acting;
}

export function setActing(next: ActingSession | null): void {
  if (next === acting) return;
  acting = next;
  for (const listener of actingListeners) listener();
}

export function subscribeActing(listener: () => void): () => void {
  actingListeners.add(listener);
  return () => actingListeners.delete(listener);
}

/** Calls the API as the staff member even while acting (to stop acting, for instance). */
export async function apiFetchAsStaff<T>(path: string, request: ApiRequest = {}): Promise<T> {
  const res = await send(path, request, accessToken);
  const body = await readBody(res);
  if (!res.ok) throw toApiError(res.status, body);
  return body as T;
}

let languageProvider: () => string = () => 'fr';

/** Lets i18n tell the client which `Accept-Language` to send without importing it here. */
export function setLanguageProvider(provider: () => string): void {
  languageProvider = provider;
}

// --- transport ---

function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return `${env.apiBaseUrl}${path}${qs ? `?${qs}` : ''}`;
}

function normaliseDetails(raw: unknown): ApiErrorDetail[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((d: unknown) => {
    if (typeof d !== 'object' || d === null) return [];
    const { path, message } = d as { path?: unknown; message?: unknown };
    const joined = Array.isArray(path)
      ? path.map(String).join('.')
      : typeof path === 'string'
        ? path.replace(/^\//, '').replaceAll('/', '.')
        : '';
    return [{ path: joined, message: typeof message === 'string' ? message : '' }];
  });
}

async function readBody(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function toApiError(status: number, body: unknown): ApiError {
  const error = (body as { error?: Record<string, unknown> } | undefined)?.error;
  if (error && typeof error.code === 'string') {
    return new ApiError(
      status,
      error.code,
      typeof error.message === 'string' ? error.message : error.code,
      normaliseDetails(error.details),
      typeof error.requestId === 'string' ? error.requestId : undefined,
    );
  }
  return new ApiError(status, status === 401 ? 'UNAUTHENTICATED' : 'UNKNOWN', `HTTP ${status}`);
}

async function send(path: string, request: ApiRequest, token: string | null): Promise<Response> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': languageProvider(),
  };
  if (request.body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  try {
    return await fetch(buildUrl(path, request.query), {
      method: request.method ?? 'GET',
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      credentials: 'include',
      signal: request.signal,
    });
  } catch (cause) {
    if (request.signal?.aborted) throw cause;
    throw new ApiError(0, 'NETWORK_ERROR', 'Network request failed');
  }
}

// --- refresh: one request at a time, shared by every caller that met a 401 ---

let refreshInFlight: Promise<boolean> | null = null;

/** Exchanges the refresh cookie for a new access token. Resolves `false` (and forgets the token) when refused. */
export function refreshAccessToken(): Promise<boolean> {
  refreshInFlight ??= (async () => {
    try {
      const res = await send('/auth/refresh', { method: 'POST' }, null);
      const body = await readBody(res);
      const token = (body as { accessToken?: unknown } | undefined)?.accessToken;
      if (res.ok && typeof token === 'string') {
        setAccessToken(token);
        return true;
      }
      setAccessToken(null);
      return false;
    } catch {
      setAccessToken(null);
      return false;
    } finally {
      refreshInFlight = null;
    }
  })();
  return refreshInFlight;
}

let restoreOnce: Promise<boolean> | null = null;

/** Called once when the app loads: restores a session from the refresh cookie if there is one. */
export function restoreSession(): Promise<boolean> {
  restoreOnce ??= accessToken ? Promise.resolve(true) : refreshAccessToken();
  return restoreOnce;
}

/** Test hook: forgets the token and the one-time session restore. */
export function resetApiClientForTests(): void {
  accessToken = null;
  acting = null;
  refreshInFlight = null;
  restoreOnce = null;
  tokenListeners.clear();
}

/**
 * Calls the API and returns its JSON body (`undefined` for 204). A 401 on any call but `/auth/*`
 * triggers one refresh and one retry; if the refresh is refused the token is dropped (the router
 * then sends the user to the login page) and the 401 is thrown.
 */
export async function apiFetch<T>(path: string, request: ApiRequest = {}): Promise<T> {
  const isAuthCall = path.startsWith('/auth/');
  if (acting) {
    const res = await send(path, request, acting.token);
    const body = await readBody(res);
    if (res.status === 401) setActing(null); // the act token expired or was stopped
    if (!res.ok) throw toApiError(res.status, body);
    return body as T;
  }
  let res = await send(path, request, accessToken);
  let body = await readBody(res);
  // A wrong password (`DELETE /me`) is a 401 too, but the session is fine: no refresh, no retry
  // (a retry would count a second failed attempt).
  if (res.status === 401 && !isAuthCall && !isWrongPassword(body)) {
    const refreshed = await refreshAccessToken();
    if (refreshed) {
      res = await send(path, request, accessToken);
      body = await readBody(res);
    }
  }
  if (!res.ok) throw toApiError(res.status, body);
  return body as T;
}

/**
 * A file from the API (a PDF, a zip), with the same token rules as {@link apiFetch}; the name is
 * the one the API gives in `Content-Disposition`.
 */
export async function apiDownload(
  path: string,
  request: ApiRequest = {},
  fallbackName = 'download',
): Promise<{ blob: Blob; filename: string }> {
  let res = await send(path, request, acting?.token ?? accessToken);
  if (res.status === 401 && acting) setActing(null);
  else if (res.status === 401 && (await refreshAccessToken())) {
    res = await send(path, request, accessToken);
  }
  if (!res.ok) throw toApiError(res.status, await readBody(res));
  const filename =
    /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') ?? '')?.[1] ?? fallbackName;
  return { blob: await res.blob(), filename };
}

/** Saves a downloaded file in the browser (through a temporary link). */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}

function isWrongPassword(body: unknown): boolean {
  return (
    (body as { error?: { code?: unknown } } | undefined)?.error?.code === 'INVALID_CREDENTIALS'
  );
}

function xhrUpload(
  path: string,
  form: FormData,
  token: string | null,
  onProgress?: (fraction: number) => void,
): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', buildUrl(path));
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', languageProvider());
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress?.(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText ? (JSON.parse(xhr.responseText) as unknown) : undefined;
      } catch {
        body = undefined;
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => resolve({ status: 0, body: undefined });
    xhr.send(form);
  });
}

/**
 * Sends a multipart form (a photo) and reports the upload's progress (0–1), which `fetch` cannot.
 * Same rules as {@link apiFetch}: one refresh and one retry on a 401, errors as `ApiError`.
 */
export async function apiUpload<T>(
  path: string,
  form: FormData,
  onProgress?: (fraction: number) => void,
): Promise<T> {
  let res = await xhrUpload(path, form, acting?.token ?? accessToken, onProgress);
  if (res.status === 401 && acting) setActing(null);
  else if (res.status === 401 && (await refreshAccessToken())) {
    res = await xhrUpload(path, form, accessToken, onProgress);
  }
  if (res.status === 0) throw new ApiError(0, 'NETWORK_ERROR', 'Network request failed');
  if (res.status < 200 || res.status >= 300) throw toApiError(res.status, res.body);
  return res.body as T;
}
