import {
  infiniteQueryOptions,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type {
  AuditPage,
  CreateReportInput,
  ModerationCaseStatus,
  ModerationQueuePage,
  ReportedConversation,
  ResolveReportInput,
  ResolveResult,
} from '@partagora/domain';
import { apiFetch } from '../../../lib/api-client';

export const moderationKeys = {
  all: ['moderation'] as const,
  queue: (slug: string, status: ModerationCaseStatus) =>
    ['moderation', 'queue', slug, status] as const,
  audit: (slug: string) => ['moderation', 'audit', slug] as const,
  conversation: (caseId: string) => ['moderation', 'conversation', caseId] as const,
};

const town = (slug: string) => `/municipalities/${encodeURIComponent(slug)}`;

/** `POST /reports`: what a member can see, once per target. */
export function useReport() {
  return useMutation({
    mutationFn: (input: CreateReportInput) =>
      apiFetch<{ id: string }>('/reports', { method: 'POST', body: input }),
  });
}

/** A town's moderation queue, page after page (`nextCursor`). */
export const moderationQueueOptions = (slug: string, status: ModerationCaseStatus) =>
  infiniteQueryOptions({
    queryKey: moderationKeys.queue(slug, status),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      apiFetch<ModerationQueuePage>(`${town(slug)}/moderation/reports`, {
        signal,
        query: { status, limit: 20, ...(pageParam ? { cursor: pageParam } : {}) },
      }),
    getNextPageParam: (last) => last.nextCursor,
  });

export function useModerationQueue(slug: string, status: ModerationCaseStatus) {
  return useInfiniteQuery(moderationQueueOptions(slug, status));
}

/** `POST /moderation/reports/:id/resolve`; the queue and the log are read again after. */
export function useResolveReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: ResolveReportInput & { id: string }) =>
      apiFetch<ResolveResult>(`/moderation/reports/${encodeURIComponent(id)}/resolve`, {
        method: 'POST',
        body,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: moderationKeys.all }),
  });
}

/** A reported message's conversation; only fetched when the moderator asks (it is audited). */
export const reportedConversationOptions = (caseId: string) =>
  queryOptions({
    queryKey: moderationKeys.conversation(caseId),
    queryFn: ({ signal }) =>
      apiFetch<ReportedConversation>(
        `/moderation/reports/${encodeURIComponent(caseId)}/conversation`,
        { signal },
      ),
    staleTime: Infinity,
  });

export function useReportedConversation(caseId: string, enabled: boolean) {
  return useQuery({ ...reportedConversationOptions(caseId), enabled });
}

export const auditLogOptions = (slug: string) =>
  infiniteQueryOptions({
    queryKey: moderationKeys.audit(slug),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      apiFetch<AuditPage>(`${town(slug)}/audit`, {
        signal,
        query: { limit: 50, ...(pageParam ? { cursor: pageParam } : {}) },
      }),
    getNextPageParam: (last) => last.nextCursor,
  });

export function useAuditLog(slug: string) {
  return useInfiniteQuery(auditLogOptions(slug));
}
