import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../components/ui/use-document-title';
import { TownList } from '../../features/municipalities/components/town-list';

export function HomeRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('towns.pageTitle'));
  return (
    <>
      <h1>{t('towns.heading')}</h1>
      <p className="lead">{t('towns.intro')}</p>
      <TownList />
    </>
  );
}
