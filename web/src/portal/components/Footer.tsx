import { useI18n } from '../i18n';
import { DATA_ACCESS_HASH } from '../router';

export function Footer() {
  const { t } = useI18n();
  return (
    <footer className="site-footer">
      <p>{t('footer.about')}</p>
      <p>
        <a href={DATA_ACCESS_HASH}>{t('footer.privacy')}</a> · <a href="/">{t('footer.console')}</a>
      </p>
    </footer>
  );
}
