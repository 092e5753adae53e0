import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { alertSchema, AlertView, CreateAlertInput } from '@partagora/domain';
import { apiFetch } from '../../../lib/api-client';
import type { Page } from '../../../lib/page';

export type AlertPage = Page<typeof alertSchema>;

export const alertsKeys = {
  all: ['alerts'] as const,
};

/** My saved searches (at most `ALERT_LIMITS.perUser`, so one page). */
export const alertsQueryOptions = () =>
  queryOptions({
    queryKey: alertsKeys.all,
    queryFn: ({ signal }) => apiFetch<AlertPage>('/alerts', { signal }),
  });

export function useAlerts() {
  return useQuery(alertsQueryOptions());
}

export function useCreateAlert() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateAlertInput) =>
      apiFetch<AlertView>('/alerts', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: alertsKeys.all }),
  });
}

export function useDeleteAlert() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch<void>(`/alerts/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: (_data, id) => {
      queryClient.setQueryData<AlertPage>(alertsKeys.all, (page) =>
        page ? { ...page, items: page.items.filter((a) => a.id !== id) } : page,
      );
      return queryClient.invalidateQueries({ queryKey: alertsKeys.all });
    },
  });
}
