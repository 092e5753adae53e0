import {
  infiniteQueryOptions,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type {
  CreatePostInput,
  PostKind,
  PostOpenVia,
  PostReach,
  PostView,
  PostsPage,
  SubscribersSeries,
  UpdatePostInput,
} from '@partagora/domain';
import { apiFetch } from '../../../lib/api-client';

export type PostStatusFilter = 'published' | 'scheduled' | 'unpublished' | 'all';

const postsKey = (slug: string) => ['posts', slug] as const;
const town = (slug: string) => `/municipalities/${encodeURIComponent(slug)}`;

/** `GET /municipalities/:slug/posts`, newest first, page after page (`status` other than published: staff). */
export const postsQueryOptions = (
  slug: string,
  opts: { status?: PostStatusFilter; kind?: PostKind; limit?: number } = {},
) =>
  infiniteQueryOptions({
    queryKey: [...postsKey(slug), opts.status ?? 'published', opts.kind ?? 'any', opts.limit ?? 10],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const q = new URLSearchParams({ limit: String(opts.limit ?? 10) });
      if (opts.status) q.set('status', opts.status);
      if (opts.kind) q.set('kind', opts.kind);
      if (pageParam) q.set('cursor', pageParam);
      return apiFetch<PostsPage>(`${town(slug)}/posts?${q.toString()}`, { signal });
    },
    getNextPageParam: (last) => last.nextCursor,
  });

export function usePosts(
  slug: string,
  opts: { status?: PostStatusFilter; kind?: PostKind; limit?: number } = {},
) {
  return useInfiniteQuery(postsQueryOptions(slug, opts));
}

/** The latest published alert of a town (the banner decides whether it is still current). */
export function useLatestAlert(slug: string) {
  return useQuery({
    queryKey: [...postsKey(slug), 'latest-alert'],
    queryFn: ({ signal }) =>
      apiFetch<PostsPage>(`${town(slug)}/posts?kind=alert&limit=1`, { signal }),
    select: (page) => page.items[0] ?? null,
    refetchInterval: 5 * 60_000,
  });
}

export const postQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['post', id] as const,
    queryFn: ({ signal }) => apiFetch<PostView>(`/posts/${encodeURIComponent(id)}`, { signal }),
  });

export function usePost(id: string) {
  return useQuery(postQueryOptions(id));
}

/** The read receipt of a post page: `via` and the token of the link it was opened from. */
export function sendPostOpened(id: string, via: PostOpenVia, token?: string) {
  return apiFetch<{ counted: boolean }>(`/posts/${encodeURIComponent(id)}/opened`, {
    method: 'POST',
    body: token ? { via, token } : { via },
  });
}

function useInvalidatePosts(slug: string) {
  const queryClient = useQueryClient();
  return (post?: PostView) => {
    if (post) queryClient.setQueryData(['post', post.id], post);
    return queryClient.invalidateQueries({ queryKey: postsKey(slug) });
  };
}

export function useCreatePost(slug: string) {
  const invalidate = useInvalidatePosts(slug);
  return useMutation({
    mutationFn: (input: CreatePostInput) =>
      apiFetch<PostView>(`${town(slug)}/posts`, { method: 'POST', body: input }),
    onSuccess: (post) => invalidate(post),
  });
}

export function useUpdatePost(slug: string) {
  const invalidate = useInvalidatePosts(slug);
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdatePostInput }) =>
      apiFetch<PostView>(`/posts/${encodeURIComponent(id)}`, { method: 'PATCH', body: input }),
    onSuccess: (post) => invalidate(post),
  });
}

export function useUnpublishPost(slug: string) {
  const invalidate = useInvalidatePosts(slug);
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch<PostView>(`/posts/${encodeURIComponent(id)}/unpublish`, { method: 'POST' }),
    onSuccess: (post) => invalidate(post),
  });
}

export function usePostReach(id: string, enabled = true) {
  return useQuery({
    queryKey: ['post', id, 'reach'] as const,
    queryFn: ({ signal }) =>
      apiFetch<PostReach>(`/posts/${encodeURIComponent(id)}/reach`, { signal }),
    enabled,
  });
}

export function useSubscribers(slug: string) {
  return useQuery({
    queryKey: ['subscribers', slug] as const,
    queryFn: ({ signal }) => apiFetch<SubscribersSeries>(`${town(slug)}/subscribers`, { signal }),
  });
}

export function fetchVapidPublicKey() {
  return apiFetch<{ publicKey: string }>('/push/vapid-public-key');
}

export function postPushSubscription(slug: string, subscription: PushSubscriptionJSON) {
  return apiFetch<{ id: string }>(`${town(slug)}/push-subscriptions`, {
    method: 'POST',
    body: subscription,
  });
}

export function deletePushSubscription(slug: string, endpoint: string) {
  return apiFetch<void>(`${town(slug)}/push-subscriptions`, {
    method: 'DELETE',
    body: { endpoint },
  });
}
