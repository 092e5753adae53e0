import { useParams } from 'react-router';
import { AttendeeList } from '../../features/events/components/attendee-list';

/** `/events/:id/attendees`: the event's organisers (the API answers 403 to anyone else). */
export function EventAttendeesRoute() {
  const { id = '' } = useParams();
  return (
    <div className="narrow">
      <AttendeeList key={id} id={id} />
    </div>
  );
}
