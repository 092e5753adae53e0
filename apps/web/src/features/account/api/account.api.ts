import { useMutation } from '@tanstack/react-query';
import type { AccountExport, DeleteAccountInput } from '@partagora/domain';
import { apiFetch } from '../../../lib/api-client';
import { saveJsonFile } from '../lib/save-file';

/** `GET /me/export`: everything about me, with the signed reputation attestation. */
export function fetchExport(): Promise<AccountExport> {
  return apiFetch<AccountExport>('/me/export');
}

/** `DELETE /me {password}` → 204; every session ends on the server. */
export function deleteAccount(input: DeleteAccountInput): Promise<void> {
  return apiFetch<void>('/me', { method: 'DELETE', body: input });
}

/** The export's file name: `partagora-export-<YYYY-MM-DD>.json`. */
export function exportFileName(data: Pick<AccountExport, 'exportedAt'>): string {
  return `partagora-export-${data.exportedAt.slice(0, 10)}.json`;
}

/** Fetches the export and saves it as a file; resolves with the file name. */
export function useDownloadExport() {
  return useMutation({
    mutationFn: async () => {
      const data = await fetchExport();
      const file = exportFileName(data);
      saveJsonFile(file, data);
      return file;
    },
  });
}

export function useDeleteAccount() {
  return useMutation({ mutationFn: deleteAccount });
}
