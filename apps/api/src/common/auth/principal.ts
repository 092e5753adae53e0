/** Who is calling, once the access token and its session are checked. */
export interface Principal {
  userId: string;
  sessionId: string;
  /**
   * Assisted mode: the staff member acting for `userId` with an act token (every such request is
   * recorded in the town's audit log by the auth guard).
   */
  actorId?: string;
}
