import { useTranslation } from 'react-i18next';
import type { ExchangeView, ListingView } from '@partagora/domain';
import { Disclosure } from '../../../components/ui/disclosure';
import { GiftRequestForm } from './gift-request-form';
import { LoanRequestForm } from './loan-request-form';
import { OfferRequestForm, type OfferableListing } from './offer-request-form';

export interface ExchangeRequestPanelProps {
  listing: ListingView;
  /** My available listings (barter and wanted only); `undefined` while they load. */
  myListings: readonly OfferableListing[] | undefined;
  onRequested: (exchange: ExchangeView) => void;
}

/** The request that fits the listing's kind, behind one button ("Demander un prêt"…). */
export function ExchangeRequestPanel({
  listing,
  myListings,
  onRequested,
}: ExchangeRequestPanelProps) {
  const { t } = useTranslation();
  if (listing.status !== 'available') {
    return <p className="privacy-note">{t('exchangeRequest.unavailable')}</p>;
  }
  const label = t(`exchangeRequest.open.${listing.kind}`);
  const form = (() => {
    switch (listing.kind) {
      case 'lend':
        return (
          <LoanRequestForm
            listingId={listing.id}
            loanSettings={listing.loanSettings ?? { maxDays: 1, bufferHours: 0 }}
            onRequested={onRequested}
          />
        );
      case 'give':
        return <GiftRequestForm listingId={listing.id} onRequested={onRequested} />;
      case 'barter':
      case 'wanted':
        return (
          <OfferRequestForm
            listingId={listing.id}
            kind={listing.kind}
            myListings={myListings}
            onRequested={onRequested}
          />
        );
    }
  })();
  return (
    <Disclosure label={label} buttonClassName="button button--primary">
      {form}
    </Disclosure>
  );
}
