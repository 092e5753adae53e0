import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../components/ui/use-document-title';
import { ConversationList } from '../../features/conversations/components/conversation-list';
import { useSignedInUser } from '../require-auth';

export function MessagesRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('conversations.pageTitle'));
  const me = useSignedInUser();
  return (
    <>
      <h1>{t('conversations.pageTitle')}</h1>
      <ConversationList meId={me.id} />
    </>
  );
}
