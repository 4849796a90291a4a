import { useI18n } from '../i18n';
import { RegionSearch } from './RegionSearch';
import { RegionView } from './RegionView';

export function RegionExplorer({ code }: { code: string | null }) {
  const { t } = useI18n();
  return (
    <section className="page" aria-labelledby="regions-title">
      <h1 id="regions-title">{t('regions.title')}</h1>
      <p className="lead">{t('regions.intro')}</p>
      <RegionSearch />
      <RegionView code={code} />
    </section>
  );
}
