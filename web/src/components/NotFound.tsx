import { useI18n } from '../i18n';
import { regionHash } from '../router';

export function NotFound() {
  const { t } = useI18n();
  return (
    <section className="page" aria-labelledby="not-found-title">
      <h1 id="not-found-title">{t('notFound.title')}</h1>
      <p>
        <a href={regionHash(null)}>{t('notFound.back')}</a>
      </p>
    </section>
  );
}
