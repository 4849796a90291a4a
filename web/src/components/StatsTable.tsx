import type { ChildrenStats } from '../api';
import { COUNTS, coverageText } from '../childrenStats';
import { useI18n } from '../i18n';
import { vaccinationHash, type VaccinationFilters } from '../router';

interface StatsTableProps {
  stats: ChildrenStats;
  /** Kept in every link, so that drilling down keeps the date and vaccine. */
  filters: VaccinationFilters;
}

/** The regions one level below, each linking to its own statistics. */
export function StatsTable({ stats, filters }: StatsTableProps) {
  const i18n = useI18n();
  const { t, formatNumber } = i18n;
  const childLevel = stats.children[0]?.region.level;
  if (childLevel === undefined || childLevel === 0) {
    return (
      <p className="muted" data-testid="stats-empty">
        {t('children.empty')}
      </p>
    );
  }
  return (
    <div className="table-scroll">
      <table className="data-table stats-table" data-testid="stats-table">
        <caption>{t(`children.caption.${childLevel}`, { name: stats.region.name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('children.name')}</th>
            {COUNTS.map((count) => (
              <th key={count.label} scope="col" className="number">
                {t(count.label)}
              </th>
            ))}
            <th scope="col">{t('stats.coverage')}</th>
          </tr>
        </thead>
        <tbody>
          {stats.children.map((child) => (
            <tr key={child.region.code} data-testid={`stats-row-${child.region.code}`}>
              <th scope="row">
                <a href={vaccinationHash(child.region.code, filters)}>{child.region.name}</a>
              </th>
              {COUNTS.map((count) => (
                <td key={count.label} className="number">
                  {formatNumber(count.of(child))}
                </td>
              ))}
              <td>
                <span className="coverage-cell">
                  <span className="coverage-bar" aria-hidden="true">
                    <span style={{ width: `${(child.coverage ?? 0) * 100}%` }} />
                  </span>
                  <span className="coverage-value">{coverageText(i18n, child.coverage)}</span>
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
