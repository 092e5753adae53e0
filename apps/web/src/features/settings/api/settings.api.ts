import { useMutation } from '@tanstack/react-query';
import type { Me, UpdateMeInput } from '@partagora/domain';
import { apiFetch } from '../../../lib/api-client';

/** `PATCH /me`: display name, language, home. The caller stores the returned `Me`. */
export function updateMe(input: UpdateMeInput): Promise<Me> {
  return apiFetch<Me>('/me', { method: 'PATCH', body: input });
}

export function useUpdateMe() {
  return useMutation({ mutationFn: updateMe });
}
