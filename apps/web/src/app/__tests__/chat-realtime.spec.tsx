import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MessageView } from '@partagora/domain';
import { fakeRealtime } from '../../../test/fake-socket';
import { message } from '../../../test/fixtures';
import { mockFetch, pathOf, queryOf, renderWithProviders } from '../../../test/test-utils';
import { Chat } from '../../features/conversations/components/chat';
import { setAccessToken } from '../../lib/api-client';
import { RealtimeSync } from '../realtime-sync';

jest.mock('../../lib/socket', () => jest.requireActual('../../../test/fake-socket').socketMock);

/** The server's history: `GET …/messages?after=` answers what follows `after`. */
function serve(history: MessageView[]) {
  return mockFetch((call) => {
    const path = pathOf(call.url);
    if (path === '/api/v1/conversations/conv-1/messages' && call.method === 'GET') {
      const after = Number(queryOf(call.url).get('after') ?? 0);
      return {
        status: 200,
        body: { items: history.filter((m) => m.seq > after), nextCursor: null },
      };
    }
    if (path === '/api/v1/conversations/conv-1/messages' && call.method === 'POST') {
      const body = (call.body as { body: string }).body;
      const sent = message(history.length + 1, 'me', body);
      history.push(sent);
      return { status: 201, body: sent };
    }
    if (path === '/api/v1/conversations/conv-1/read') return { status: 204 };
    return { status: 404 };
  });
}

function renderChat() {
  return renderWithProviders(
    <>
      <RealtimeSync />
      <Chat conversationId="conv-1" meId="me" otherName="Louis" />
    </>,
  );
}

const bodies = () =>
  screen.getAllByTestId('chat-message').map((li) => li.querySelector('.chat__body')?.textContent);

describe(Chat.name, () => {
  beforeEach(() => {
    fakeRealtime.reset();
    setAccessToken('token-1');
  });

  it('should label my messages "Vous", set them apart, and mark the conversation read', async () => {
    const { calls } = serve([message(1, 'louis', 'Bonjour !'), message(2, 'me', 'Bonjour Louis')]);
    renderChat();

    const items = await screen.findAllByTestId('chat-message');
    expect(items).toHaveLength(2);
    expect(within(items[0] as HTMLElement).getByText('Louis')).toBeTruthy();
    expect(items[0]?.className).toContain('chat__message--theirs');
    expect(within(items[1] as HTMLElement).getByText('Vous')).toBeTruthy();
    expect(items[1]?.className).toContain('chat__message--mine');
    await waitFor(() =>
      expect(calls.find((c) => pathOf(c.url).endsWith('/read'))?.body).toEqual({ seq: 2 }),
    );
    expect(fakeRealtime.tokens).toEqual(['token-1']);
  });

  it('should append a message received through the socket and announce it', async () => {
    serve([message(1, 'louis', 'Bonjour !')]);
    renderChat();
    await screen.findAllByTestId('chat-message');
    act(() => fakeRealtime.emit('connect'));

    act(() => fakeRealtime.emit('message', message(2, 'louis', 'Je passe à 18 h ?')));

    await waitFor(() => expect(bodies()).toEqual(['Bonjour !', 'Je passe à 18 h ?']));
    expect(screen.getByText('Nouveau message de Louis : Je passe à 18 h ?')).toBeTruthy();
  });

  it('should resync with after=<last seq> when the socket reconnects', async () => {
    const history = [message(1, 'louis', 'Bonjour !'), message(2, 'me', 'Bonjour')];
    const { calls } = serve(history);
    renderChat();
    await screen.findAllByTestId('chat-message');
    act(() => fakeRealtime.emit('connect'));

    act(() => fakeRealtime.emit('disconnect'));
    expect(await screen.findByText(/^Connexion perdue/)).toBeTruthy();
    // Sent while this client was offline: only the REST history has it.
    history.push(message(3, 'louis', 'Tu es là ?'));
    act(() => fakeRealtime.emit('connect'));

    await waitFor(() => expect(bodies()).toEqual(['Bonjour !', 'Bonjour', 'Tu es là ?']));
    const resync = calls.filter((c) => queryOf(c.url).has('after'));
    expect(resync).toHaveLength(1);
    expect(queryOf(resync[0]?.url ?? '').get('after')).toBe('2');
    expect(screen.queryByText(/^Connexion perdue/)).toBeNull();
  });

  it('should fill a gap in seq from the history when a socket message skips one', async () => {
    const history = [message(1, 'louis', 'Un')];
    const { calls } = serve(history);
    renderChat();
    await screen.findAllByTestId('chat-message');

    history.push(message(2, 'louis', 'Deux'), message(3, 'louis', 'Trois'));
    act(() => fakeRealtime.emit('message', message(3, 'louis', 'Trois')));

    await waitFor(() => expect(bodies()).toEqual(['Un', 'Deux', 'Trois']));
    expect(calls.some((c) => queryOf(c.url).get('after') === '1')).toBe(true);
  });

  it('should send with Enter, keep Shift+Enter for a new line, and show plain text only', async () => {
    const { calls } = serve([]);
    const user = userEvent.setup();
    renderChat();
    expect(
      await screen.findByText('Aucun message pour le moment. Écrivez le premier !'),
    ).toBeTruthy();

    const box = screen.getByLabelText('Votre message');
    await user.type(box, '<b>Salut</b>{Shift>}{Enter}{/Shift}à demain');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
    await user.keyboard('{Enter}');

    await waitFor(() => expect(screen.getAllByTestId('chat-message')).toHaveLength(1));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      body: '<b>Salut</b>\nà demain',
    });
    expect(bodies()).toEqual(['<b>Salut</b>\nà demain']);
    expect(document.querySelector('.chat__body b')).toBeNull();
    expect((box as HTMLTextAreaElement).value).toBe('');
  });
});
