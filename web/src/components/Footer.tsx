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
      <p data-testid="map-credit">
        {t('footer.mapLabel')}{' '}
        <a href="https://github.com/denyherianto/indonesia-geojson-topojson-maps-with-38-provinces">
          <span lang="en">Indonesia GeoJSON &amp; TopoJSON Maps (38 Provinces)</span>
        </a>{' '}
        {t('footer.mapBy')} denyherianto (
        <a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>;{' '}
        {t('footer.mapChanged')})
      </p>
    </footer>
  );
}
