import {
  useEffect,
  useId,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import { useTranslation } from 'react-i18next';
import { MESSAGE_MAX, postMessageSchema, type MessageView } from '@partagora/domain';
import { ApiErrorAlert } from '../../../components/ui/api-error-alert';
import { StatusMessage } from '../../../components/ui/status-message';
import { useRealtimeStatus } from '../../../lib/realtime-status';
import { lastSeqOf, useMarkRead, useMessages, useSendMessage } from '../api/conversations.api';

export interface ChatProps {
  conversationId: string;
  /** The signed-in user: their messages are aligned apart and labelled "Vous". */
  meId: string;
  /** How the other party's messages are labelled. */
  otherName: string;
  /** Extra controls under each of the other party's messages (the app adds "Signaler"). */
  renderMessageActions?: (message: MessageView) => ReactNode;
}

function useIsVisible(target: RefObject<Element | null>): boolean {
  const [inView, setInView] = useState(true);
  const [pageVisible, setPageVisible] = useState(
    () => typeof document === 'undefined' || document.visibilityState !== 'hidden',
  );
  useEffect(() => {
    const onChange = () => setPageVisible(document.visibilityState !== 'hidden');
    document.addEventListener('visibilitychange', onChange);
    return () => document.removeEventListener('visibilitychange', onChange);
  }, []);
  useEffect(() => {
    const el = target.current;
    // Without IntersectionObserver (old browsers, jsdom) the chat counts as in view.
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      const entry = entries[entries.length - 1];
      if (entry) setInView(entry.isIntersecting);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [target]);
  return inView && pageVisible;
}

function MessageList({
  conversationId,
  messages,
  meId,
  otherName,
  renderMessageActions,
}: ChatProps & { messages: MessageView[] }) {
  const { t, i18n } = useTranslation();
  const list = useRef<HTMLOListElement>(null);
  const end = useRef<HTMLDivElement>(null);
  const visible = useIsVisible(end);
  const { mutate: markRead } = useMarkRead(conversationId);
  const marked = useRef(0);
  // Messages present when the chat opened are history; only later ones are announced.
  const [baseline] = useState(() => lastSeqOf(messages));
  const lastSeq = lastSeqOf(messages);
  const lastFromOther = messages.findLast((m) => m.authorId !== meId);
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' });

  useEffect(() => {
    const el = list.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [lastSeq]);

  useEffect(() => {
    if (!visible || !lastFromOther || lastFromOther.seq <= marked.current) return;
    marked.current = lastSeq;
    markRead(lastSeq);
  }, [visible, lastFromOther, lastSeq, markRead]);

  const announced = lastFromOther && lastFromOther.seq > baseline ? lastFromOther : null;

  return (
    <>
      {messages.length === 0 ? (
        <p className="chat__empty">{t('chat.empty')}</p>
      ) : (
        <ol ref={list} className="chat__messages" aria-label={t('chat.historyLabel')} tabIndex={0}>
          {messages.map((m) => {
            const mine = m.authorId === meId;
            return (
              <li
                key={m.seq}
                data-testid="chat-message"
                data-seq={m.seq}
                className={`chat__message ${mine ? 'chat__message--mine' : 'chat__message--theirs'}`}
              >
                <p className="chat__meta">
                  <span className="chat__author">{mine ? t('chat.you') : otherName}</span>{' '}
                  <time dateTime={m.createdAt}>{time.format(new Date(m.createdAt))}</time>
                </p>
                {m.removed ? (
                  <p className="chat__body chat__body--removed">{t('chat.removed')}</p>
                ) : (
                  <p className="chat__body">{m.body}</p>
                )}
                {!mine && !m.removed ? renderMessageActions?.(m) : null}
              </li>
            );
          })}
        </ol>
      )}
      <div ref={end} />
      <p className="visually-hidden" role="status" aria-live="polite">
        {announced ? t('chat.newMessage', { name: otherName, body: announced.body }) : ''}
      </p>
    </>
  );
}

/**
 * The live chat of one conversation: its history (REST), new messages as they arrive (socket,
 * merged into the same cache), a plain-text composer where Enter sends and Shift+Enter starts a
 * new line, and the read mark sent while the newest messages are on screen.
 */
export function Chat({ conversationId, meId, otherName, renderMessageActions }: ChatProps) {
  const { t } = useTranslation();
  const id = useId();
  const messages = useMessages(conversationId);
  const send = useSendMessage(conversationId);
  const realtime = useRealtimeStatus();
  const [draft, setDraft] = useState('');
  const [empty, setEmpty] = useState(false);

  const submit = () => {
    if (send.isPending) return;
    const parsed = postMessageSchema.safeParse({ body: draft });
    if (!parsed.success) {
      setEmpty(true);
      return;
    }
    setEmpty(false);
    send.mutate(parsed.data.body, { onSuccess: () => setDraft('') });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key !== 'Enter' || e.shiftKey || e.nativeEvent.isComposing) return;
    e.preventDefault();
    submit();
  };

  return (
    <div className="chat">
      {realtime === 'reconnecting' ? (
        <p className="chat__offline" role="status">
          {t('chat.reconnecting')}
        </p>
      ) : null}
      {messages.isPending ? <StatusMessage>{t('chat.loading')}</StatusMessage> : null}
      {messages.isError ? (
        <ApiErrorAlert error={messages.error} onRetry={() => void messages.refetch()} />
      ) : null}
      {messages.data ? (
        <MessageList
          conversationId={conversationId}
          messages={messages.data}
          meId={meId}
          otherName={otherName}
          renderMessageActions={renderMessageActions}
        />
      ) : null}
      <form
        className="chat__composer"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div className={['field', empty ? 'field--invalid' : ''].join(' ').trim()}>
          <label htmlFor={`${id}-body`}>{t('chat.label')}</label>
          <textarea
            id={`${id}-body`}
            rows={2}
            value={draft}
            maxLength={MESSAGE_MAX}
            aria-describedby={`${id}-hint${empty ? ` ${id}-error` : ''}`}
            aria-invalid={empty ? true : undefined}
            onChange={(e) => {
              setDraft(e.target.value);
              if (empty) setEmpty(false);
            }}
            onKeyDown={onKeyDown}
          />
          <p className="field__hint" id={`${id}-hint`}>
            {t('chat.hint')}
          </p>
          {empty ? (
            <p className="field__error" id={`${id}-error`}>
              <span aria-hidden="true">⚠ </span>
              {t('chat.emptyError')}
            </p>
          ) : null}
        </div>
        {send.error ? <ApiErrorAlert error={send.error} /> : null}
        <button type="submit" className="button button--primary" disabled={send.isPending}>
          {t('chat.send')}
        </button>
      </form>
    </div>
  );
}
