import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { exchangeQueryOptions } from '../../features/exchanges/api/exchanges.api';
import { ReviewScreen } from '../../features/reviews/components/review-screen';
import { useSignedInUser } from '../require-auth';

/** The review screen of an exchange; the app joins the exchange (for the other party's name). */
export function ReviewRoute() {
  const { id = '' } = useParams();
  const me = useSignedInUser();
  const exchange = useQuery(exchangeQueryOptions(id)).data;
  const otherName = exchange
    ? exchange.ownerId === me.id
      ? exchange.requesterName
      : exchange.ownerName
    : undefined;
  return <ReviewScreen key={id} exchangeId={id} otherName={otherName} />;
}
