import { useParams } from 'react-router';
import { Chat } from '../../features/conversations/components/chat';
import { ExchangeDetail } from '../../features/exchanges/components/exchange-detail';
import { useSignedInUser } from '../require-auth';

export function ExchangeRoute() {
  const { id = '' } = useParams();
  const me = useSignedInUser();
  return (
    <ExchangeDetail
      key={id}
      id={id}
      viewerId={me.id}
      renderChat={(exchange, otherName) => (
        <Chat conversationId={exchange.conversationId} meId={me.id} otherName={otherName} />
      )}
    />
  );
}
