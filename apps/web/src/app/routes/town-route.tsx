import { useParams } from 'react-router';
import { TownHome } from '../../features/municipalities/components/town-home';

export function TownRoute() {
  const { slug = '' } = useParams();
  return <TownHome key={slug} slug={slug} />;
}
