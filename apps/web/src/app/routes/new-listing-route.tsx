import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useDocumentTitle } from '../../components/ui/use-document-title';
import { ListingForm } from '../../features/listings/components/listing-form';
import { useSignedInUser } from '../require-auth';

export function NewListingRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('listingForm.createTitle'));
  const me = useSignedInUser();
  const navigate = useNavigate();
  return (
    <div className="narrow">
      <h1>{t('listingForm.createTitle')}</h1>
      <ListingForm
        mode="create"
        home={me.home}
        municipality={me.municipality}
        onSaved={(listing) => void navigate(`/listings/${encodeURIComponent(listing.id)}`)}
      />
    </div>
  );
}
