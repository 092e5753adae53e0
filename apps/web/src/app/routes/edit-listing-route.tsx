import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiErrorAlert } from '../../components/ui/api-error-alert';
import { StatusMessage } from '../../components/ui/status-message';
import { useDocumentTitle } from '../../components/ui/use-document-title';
import { useListing } from '../../features/listings/api/listings.api';
import { ListingForm } from '../../features/listings/components/listing-form';
import { ApiError } from '../../lib/api-client';
import { useSignedInUser } from '../require-auth';

export function EditListingRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('listingForm.editTitle'));
  const { id = '' } = useParams();
  const me = useSignedInUser();
  const navigate = useNavigate();
  const listing = useListing(id);
  if (listing.isPending) return <StatusMessage>{t('listing.loading')}</StatusMessage>;
  if (listing.isError)
    return <ApiErrorAlert error={listing.error} onRetry={() => void listing.refetch()} />;
  if (listing.data.owner.id !== me.id) {
    return <ApiErrorAlert error={new ApiError(403, 'FORBIDDEN', 'Not the owner')} />;
  }
  return (
    <div className="narrow">
      <h1>{t('listingForm.editTitle')}</h1>
      <ListingForm
        key={listing.data.id}
        mode="edit"
        home={me.home}
        municipality={me.municipality}
        listing={listing.data}
        onSaved={(saved) => void navigate(`/listings/${encodeURIComponent(saved.id)}`)}
      />
    </div>
  );
}
