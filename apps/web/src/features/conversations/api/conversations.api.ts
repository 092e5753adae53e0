import {
  infiniteQueryOptions,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type InfiniteData,
  type QueryClient,
} from '@tanstack/react-query';
import type {
  conversationSchema,
  ConversationView,
  messageSchema,
  MessageView,
} from '@partagora/domain';
import { apiFetch } from '../../../lib/api-client';
import type { Page } from '../../../lib/page';

export type ConversationPage = Page<typeof conversationSchema>;
export type MessagePage = Page<typeof messageSchema>;

/** Messages per request (the API's maximum) and how many pages one load follows at most. */
const MESSAGE_PAGE = 200;
const MAX_PAGES = 10;

export const conversationsKeys = {
  all: ['conversations'] as const,
  lists: () => ['conversations', 'list'] as const,
  /** The cache holds one conversation's messages as one array, ascending by `seq`. */
  messages: (id: string) => ['conversations', 'messages', id] as const,
  messagesPrefix: () => ['conversations', 'messages'] as const,
};

/** Ascending by `seq`, one entry per `seq` (a message seen twice, by REST and socket, counts once). */
export function mergeMessages(
  current: readonly MessageView[],
  incoming: readonly MessageView[],
): MessageView[] {
  const bySeq = new Map<number, MessageView>();
  for (const m of current) bySeq.set(m.seq, m);
  for (const m of incoming) bySeq.set(m.seq, m);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

export function lastSeqOf(messages: readonly MessageView[] | undefined): number {
  return messages?.at(-1)?.seq ?? 0;
}

/** Messages after `after` (all when `undefined`), following the pages the API gives. */
async function fetchMessages(
  conversationId: string,
  after: number | undefined,
  signal?: AbortSignal,
): Promise<MessageView[]> {
  const all: MessageView[] = [];
  let from = after;
  for (let i = 0; i < MAX_PAGES; i++) {
    const page = await apiFetch<MessagePage>(
      `/conversations/${encodeURIComponent(conversationId)}/messages`,
      { query: { after: from, limit: MESSAGE_PAGE }, signal },
    );
    all.push(...page.items);
    const last = page.items.at(-1);
    if (!page.nextCursor || !last) break;
    from = last.seq;
  }
  return all;
}

export const messagesQueryOptions = (conversationId: string) =>
  queryOptions({
    queryKey: conversationsKeys.messages(conversationId),
    queryFn: async ({ signal }) =>
      mergeMessages([], await fetchMessages(conversationId, undefined, signal)),
    // Kept fresh by the socket and by the resync after each reconnection, not by refetching.
    staleTime: Infinity,
  });

export function useMessages(conversationId: string) {
  return useQuery(messagesQueryOptions(conversationId));
}

export const conversationListQueryOptions = () =>
  infiniteQueryOptions({
    queryKey: conversationsKeys.lists(),
    queryFn: ({ pageParam, signal }) =>
      apiFetch<ConversationPage>('/conversations', { query: { cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export function useConversations() {
  return useInfiniteQuery(conversationListQueryOptions());
}

/** Fetches what came after `after` in one conversation and adds it to the cache. */
export async function fetchNewerMessages(
  queryClient: QueryClient,
  conversationId: string,
  after: number,
): Promise<void> {
  const newer = await fetchMessages(conversationId, after);
  queryClient.setQueryData<MessageView[]>(conversationsKeys.messages(conversationId), (current) =>
    current ? mergeMessages(current, newer) : current,
  );
}

/**
 * Socket `message`: appended to its conversation when that one is loaded; a gap in `seq` (a
 * message missed) is filled from the REST history. The list's previews and counts are refetched.
 */
export async function receiveMessage(
  queryClient: QueryClient,
  message: MessageView,
): Promise<void> {
  const key = conversationsKeys.messages(message.conversationId);
  const current = queryClient.getQueryData<MessageView[]>(key);
  const work: Promise<unknown>[] = [
    queryClient.invalidateQueries({ queryKey: conversationsKeys.lists() }),
  ];
  if (current) {
    const last = lastSeqOf(current);
    queryClient.setQueryData(key, mergeMessages(current, [message]));
    if (message.seq > last + 1)
      work.push(fetchNewerMessages(queryClient, message.conversationId, last));
  } else {
    // Still loading: start over, so the answer cannot predate this message.
    work.push(queryClient.invalidateQueries({ queryKey: key }));
  }
  await Promise.all(work);
}

/**
 * After a reconnection: every loaded conversation asks for what came after its last `seq` (the
 * REST history is the truth), and the list is refetched.
 */
export async function resyncConversations(queryClient: QueryClient): Promise<void> {
  const loaded = queryClient.getQueriesData<MessageView[]>({
    queryKey: conversationsKeys.messagesPrefix(),
  });
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: conversationsKeys.lists() }),
    ...loaded.flatMap(([key, data]) => {
      const id = key[2];
      if (!data || typeof id !== 'string') return [];
      return [fetchNewerMessages(queryClient, id, lastSeqOf(data)).catch(() => undefined)];
    }),
  ]);
}

function setUnread(queryClient: QueryClient, conversationId: string, unread: number): void {
  queryClient.setQueryData<InfiniteData<ConversationPage>>(conversationsKeys.lists(), (data) =>
    data
      ? {
          ...data,
          pages: data.pages.map((page) => ({
            ...page,
            items: page.items.map((c) => (c.id === conversationId ? { ...c, unread } : c)),
          })),
        }
      : data,
  );
}

export function useSendMessage(conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) =>
      apiFetch<MessageView>(`/conversations/${encodeURIComponent(conversationId)}/messages`, {
        method: 'POST',
        body: { body },
      }),
    onSuccess: async (message) => {
      queryClient.setQueryData<MessageView[]>(
        conversationsKeys.messages(conversationId),
        (current) => mergeMessages(current ?? [], [message]),
      );
      await queryClient.invalidateQueries({ queryKey: conversationsKeys.lists() });
    },
  });
}

/** `POST /conversations/:id/read {seq}`: everything up to `seq` has been seen. */
export function useMarkRead(conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (seq: number) =>
      apiFetch<void>(`/conversations/${encodeURIComponent(conversationId)}/read`, {
        method: 'POST',
        body: { seq },
      }),
    onSuccess: () => setUnread(queryClient, conversationId, 0),
  });
}

/** `POST /listings/:id/conversations {body}`: a question to the owner before any request. */
export function useAskQuestion(listingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) =>
      apiFetch<ConversationView>(`/listings/${encodeURIComponent(listingId)}/conversations`, {
        method: 'POST',
        body: { body },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: conversationsKeys.lists() }),
  });
}

/** One conversation's summary (other party, listing), from the list (the API has no single GET). */
export function useConversationSummary(conversationId: string) {
  const list = useConversations();
  const conversation = list.data?.pages
    .flatMap((page) => page.items)
    .find((c) => c.id === conversationId);
  return { conversation, isPending: list.isPending, error: list.error };
}
