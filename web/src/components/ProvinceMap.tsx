import { useId } from 'react';
import type { RegionChildrenStats } from '../api';
import { COVERAGE_CLASSES, coverageColour, coverageText, NO_DATA_COLOUR } from '../childrenStats';
import { useI18n } from '../i18n';
import { loadProvinceMap } from '../provinceMap';
import { vaccinationHash, type VaccinationFilters } from '../router';
import { useLoad } from '../shared/useLoad';
import { ErrorAlert, Loading } from './Status';

interface ProvinceMapProps {
  provinces: RegionChildrenStats[];
  filters: VaccinationFilters;
  caption: string;
}

/** A choropleth of coverage by province; every province links to its own statistics. */
export function ProvinceMap({ provinces, filters, caption }: ProvinceMapProps) {
  const i18n = useI18n();
  const captionId = useId();
  const { state, reload } = useLoad('provinces', loadProvinceMap);
  const statsOf = new Map(provinces.map((province) => [province.region.code, province]));
  return (
    <figure className="province-map">
      <figcaption id={captionId}>{caption}</figcaption>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorAlert error={state.error} onRetry={reload} />}
      {state.status === 'ready' && (
        <svg
          viewBox={`0 0 ${state.data.width} ${state.data.height}`}
          role="group"
          aria-labelledby={captionId}
          data-testid="province-map"
        >
          {state.data.provinces.map((shape) => {
            const stats = statsOf.get(shape.code);
            const coverage = stats?.coverage ?? null;
            const label = `${stats?.region.name ?? shape.name}: ${coverageText(i18n, coverage)}`;
            return (
              <a
                key={shape.code}
                href={vaccinationHash(shape.code, filters)}
                aria-label={label}
                data-testid={`map-province-${shape.code}`}
              >
                <title>{label}</title>
                <path d={shape.path} fill={coverageColour(coverage)} fillRule="evenodd" />
              </a>
            );
          })}
        </svg>
      )}
      <MapLegend />
    </figure>
  );
}

function MapLegend() {
  const i18n = useI18n();
  const { t, formatPercent } = i18n;
  const ranges = COVERAGE_CLASSES.map((c, i) => ({
    colour: c.colour,
    label: `${formatPercent(c.from)}–${formatPercent(COVERAGE_CLASSES[i + 1]?.from ?? 1)}`,
  }));
  return (
    <ul className="map-legend" aria-label={t('map.legend')}>
      {[...ranges, { colour: NO_DATA_COLOUR, label: coverageText(i18n, null) }].map((item) => (
        <li key={item.label}>
          <span className="swatch" style={{ background: item.colour }} aria-hidden="true" />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
