import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useDocumentTitle } from '../../components/ui/use-document-title';
import { useConversationSummary } from '../../features/conversations/api/conversations.api';
import { Chat } from '../../features/conversations/components/chat';
import { ReportButton } from '../../features/moderation/components/report-button';
import { useSignedInUser } from '../require-auth';

/** One conversation (a question about a listing, or an exchange's chat) on its own page. */
export function ConversationRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useSignedInUser();
  const { conversation } = useConversationSummary(id);
  const other = conversation?.otherParty.displayName ?? t('chat.them');
  const title = conversation
    ? t('conversations.title', { name: other, title: conversation.listingTitle })
    : t('conversations.pageTitle');
  useDocumentTitle(title);
  return (
    <div className="narrow conversation-page">
      <p>
        <Link to="/messages">{t('conversations.back')}</Link>
      </p>
      <h1>{title}</h1>
      {conversation ? (
        <p>
          <Link to={`/listings/${encodeURIComponent(conversation.listingId)}`}>
            {t('conversations.seeListing')}
          </Link>
          {conversation.exchangeId ? (
            <>
              {' · '}
              <Link to={`/exchanges/${encodeURIComponent(conversation.exchangeId)}`}>
                {t('conversations.seeExchange')}
              </Link>
            </>
          ) : null}
        </p>
      ) : null}
      <Chat
        key={id}
        conversationId={id}
        meId={me.id}
        otherName={other}
        renderMessageActions={(m) => (
          <ReportButton
            targetType="message"
            targetId={m.id}
            label={t('moderation.report.buttonLabel', {
              what: `${t('moderation.report.what.message')} (${other})`,
            })}
          />
        )}
      />
    </div>
  );
}
