import { useParams } from 'react-router';
import { PostArticle } from '../../features/posts/components/post-article';

/** `/t/:slug/posts/:id` (public): opened from the list, a push (`?via=push&r=…`) or an e-mail. */
export function PostRoute() {
  const { slug = '', id = '' } = useParams();
  return (
    <div className="narrow">
      <PostArticle key={id} slug={slug} id={id} />
    </div>
  );
}
