import { useSyncExternalStore } from 'react';
import { getAccessToken, subscribeAccessToken } from './api-client';

const signedIn = () => getAccessToken() !== null;

/**
 * Whether an access token is held now. Public pages that say more to a signed-in reader (their
 * RSVP, their role) put it in their query keys, so they are fetched again once the session is
 * restored or after a sign-out.
 */
export function useSignedIn(): boolean {
  return useSyncExternalStore(subscribeAccessToken, signedIn, signedIn);
}
