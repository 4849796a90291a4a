import { useI18n } from '../i18n';
import { HOME_HASH } from '../router';
import { usePageTitle } from '../pageTitle';

export function NotFound() {
  const { t } = useI18n();
  usePageTitle(t('notFound.title'));
  return (
    <section aria-labelledby="not-found-title">
      <h1 id="not-found-title">{t('notFound.title')}</h1>
      <p>
        <a href={HOME_HASH}>{t('notFound.back')}</a>
      </p>
    </section>
  );
}
