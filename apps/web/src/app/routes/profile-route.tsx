import { useParams } from 'react-router';
import { ProfilePage } from '../../features/profiles/components/profile-page';
import { useSignedInUser } from '../require-auth';

export function ProfileRoute() {
  const { id = '' } = useParams();
  const me = useSignedInUser();
  return <ProfilePage key={id} userId={id} viewerId={me.id} />;
}
