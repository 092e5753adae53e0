import type { RealtimeHandlers } from '../src/lib/socket';

/**
 * A stand-in for `src/lib/socket.ts` (tests mock that module, never socket.io):
 *
 *   jest.mock('../../lib/socket', () => jest.requireActual('../../../test/fake-socket').socketMock);
 *
 * then `fakeRealtime.emit('message', …)` plays a server event, `emit('connect')` a (re)connection.
 */
export const fakeRealtime = {
  handlers: null as RealtimeHandlers | null,
  /** Tokens of every connection opened, in order. */
  tokens: [] as string[],
  closed: 0,
  reset(): void {
    this.handlers = null;
    this.tokens = [];
    this.closed = 0;
  },
  emit<E extends keyof RealtimeHandlers>(event: E, ...args: Parameters<RealtimeHandlers[E]>): void {
    const handler = this.handlers?.[event] as
      ((...a: Parameters<RealtimeHandlers[E]>) => void) | undefined;
    if (!handler) throw new Error(`no open realtime connection to receive "${event}"`);
    handler(...args);
  },
};

export const socketMock: typeof import('../src/lib/socket') = {
  openRealtime: (token, handlers) => {
    fakeRealtime.tokens.push(token);
    fakeRealtime.handlers = handlers;
    return () => {
      fakeRealtime.closed += 1;
      if (fakeRealtime.handlers === handlers) fakeRealtime.handlers = null;
    };
  },
};
