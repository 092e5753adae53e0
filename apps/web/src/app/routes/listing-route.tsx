import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { ListingView, Me } from '@partagora/domain';
import { Disclosure } from '../../components/ui/disclosure';
import { AskQuestionForm } from '../../features/conversations/components/ask-question-form';
import { ExchangeRequestPanel } from '../../features/exchanges/components/exchange-request-panel';
import { useMyAvailableListings } from '../../features/listings/api/listings.api';
import { ListingDetail } from '../../features/listings/components/listing-detail';
import { ReportButton } from '../../features/moderation/components/report-button';
import { OwnerReputation } from '../../features/profiles/components/owner-reputation';
import { useSignedInUser } from '../require-auth';

/** Someone else's listing: the request that fits its kind, and a question to its owner. */
function ViewerActions({ listing, me }: { listing: ListingView; me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const offers = listing.kind === 'barter' || listing.kind === 'wanted';
  const mine = useMyAvailableListings(me, offers && listing.status === 'available');
  return (
    <section className="viewer-actions" aria-labelledby="viewer-actions-title">
      <h2 id="viewer-actions-title">{t('exchangeRequest.heading')}</h2>
      <OwnerReputation userId={listing.owner.id} />
      <ExchangeRequestPanel
        listing={listing}
        // Without my listings (not loaded or failed), a barter can still describe an item.
        myListings={mine.isError ? [] : mine.data}
        onRequested={(exchange) => void navigate(`/exchanges/${encodeURIComponent(exchange.id)}`)}
      />
      <p className="report-actions">
        <ReportButton targetType="listing" targetId={listing.id} />{' '}
        <ReportButton
          targetType="user"
          targetId={listing.owner.id}
          label={t('moderation.report.buttonLabel', { what: listing.owner.displayName })}
        />
      </p>
      <Disclosure label={t('question.open')}>
        <AskQuestionForm
          listingId={listing.id}
          onAsked={(conversation) =>
            void navigate(`/messages/${encodeURIComponent(conversation.id)}`)
          }
        />
      </Disclosure>
    </section>
  );
}

export function ListingRoute() {
  const { id = '' } = useParams();
  const me = useSignedInUser();
  const navigate = useNavigate();
  return (
    <ListingDetail
      key={id}
      id={id}
      viewerId={me.id}
      onDeleted={() => void navigate('/listings', { replace: true })}
      renderViewerActions={(listing) => <ViewerActions listing={listing} me={me} />}
    />
  );
}
