import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { hasRole } from '@partagora/domain';
import { useDocumentTitle } from '../../components/ui/use-document-title';
import { BulletinDownload } from '../../features/bulletin/components/bulletin-download';
import { StaffPostsConsole } from '../../features/posts/components/staff-posts-console';
import { useSignedInUser } from '../require-auth';

/** `/t/:slug/staff/posts`: that town's staff only (the API checks it too). */
export function StaffPostsRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('posts.staff.title'));
  const me = useSignedInUser();
  const { slug = '' } = useParams();
  return (
    <div className="narrow">
      <h1>{t('posts.staff.title')}</h1>
      {hasRole(me.roles, slug, 'staff') ? (
        <>
          <StaffPostsConsole key={slug} slug={slug} />
          <BulletinDownload slug={slug} />
        </>
      ) : (
        <p className="alert alert--error">{t('posts.staff.staffOnly')}</p>
      )}
    </div>
  );
}
