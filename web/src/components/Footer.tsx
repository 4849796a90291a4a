import { useI18n } from '../i18n';

export function Footer() {
  const { t } = useI18n();
  return (
    <footer className="site-footer">
      <p data-testid="data-credit">
        {t('footer.dataLabel')} {t('footer.source')} {t('footer.via')}{' '}
        <a href="https://github.com/fityannugroho/idn-area-data">idn-area-data</a> (
        <a href="https://opendatacommons.org/licenses/odbl/1-0/" lang="en">
          ODbL
        </a>
        )
      </p>
    </footer>
  );
}
