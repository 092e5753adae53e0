/** Who is calling, once the access token and its session are checked. */
export interface Principal {
  userId: string;
  sessionId: string;
}
