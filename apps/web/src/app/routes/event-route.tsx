import { useLocation, useParams } from 'react-router';
import { useSession } from '../../features/auth/api/auth.api';
import { EventDetails } from '../../features/events/components/event-details';

/** `/events/:id`: public; signed-in members answer from it. */
export function EventRoute() {
  const { id = '' } = useParams();
  const session = useSession();
  const location = useLocation();
  return (
    <div className="narrow">
      <EventDetails
        key={id}
        id={id}
        signedIn={session.status === 'authenticated'}
        loginHref={`/login?next=${encodeURIComponent(location.pathname)}`}
      />
    </div>
  );
}
