import { useNavigate, useParams } from 'react-router';
import { ListingDetail } from '../../features/listings/components/listing-detail';
import { useSignedInUser } from '../require-auth';

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
    />
  );
}
