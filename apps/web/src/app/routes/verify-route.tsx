import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../components/ui/use-document-title';
import { useTown } from '../../features/verification/api/verification.api';
import { VerifyForm } from '../../features/verification/components/verify-form';
import { useSignedInUser } from '../require-auth';

/** `/verify`: the resident types the code the town hall gave them. */
export function VerifyRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('verification.verifyTitle'));
  const me = useSignedInUser();
  const town = useTown(me.municipality);
  const townName = town.data?.name ?? me.municipality;
  return (
    <div className="narrow">
      <h1>{t('verification.verifyTitle')}</h1>
      <p className="lead">{t('verification.verifyIntro', { town: townName })}</p>
      <VerifyForm verifiedTown={me.verified ? townName : null} />
    </div>
  );
}
