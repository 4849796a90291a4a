import { useEffect, useId, useState } from 'react';
import {
  childrenStatsExportUrl,
  getChildrenStats,
  getRegion,
  type ChildrenStats,
  type RegionAncestor,
} from '../api';
import { COUNTS, coverageText } from '../childrenStats';
import { useI18n } from '../i18n';
import { levelName } from '../regionText';
import { navigate, vaccinationHash, type VaccinationFilters } from '../router';
import { useLoad } from '../shared/useLoad';
import { Breadcrumb } from './Breadcrumb';
import { CoverageChart } from './CoverageChart';
import { ProvinceMap } from './ProvinceMap';
import { StatsTable } from './StatsTable';
import { ErrorAlert, Loading } from './Status';

const DEFAULT_VACCINE = 'COVID-19';
const VACCINES = [DEFAULT_VACCINE, 'MR', 'BCG', 'POLIO', 'DPT-HB-HIB'];

/** Today's date in Indonesia (WIB), YYYY-MM-DD: the API's own default for asOf. */
function todayInIndonesia(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
}

interface DashboardData {
  stats: ChildrenStats;
  /** Root first: province, regency/city, district. */
  ancestors: RegionAncestor[];
}

async function loadDashboard(
  code: string | null,
  asOf: string,
  vaccine: string,
  signal: AbortSignal,
): Promise<DashboardData> {
  const [stats, region] = await Promise.all([
    getChildrenStats({ region: code ?? undefined, asOf, vaccine }, signal),
    code === null ? null : getRegion(code, signal),
  ]);
  const ancestors = [...(region?.ancestors ?? [])].sort((a, b) => a.level - b.level);
  return { stats, ancestors };
}

interface DashboardProps {
  code: string | null;
  filters: VaccinationFilters;
}

/** Children under 12 and their vaccination: a region, the regions below it, a chart and a map. */
export function VaccinationDashboard({ code, filters }: DashboardProps) {
  const { t } = useI18n();
  const asOf = filters.asOf ?? todayInIndonesia();
  const vaccine = (filters.vaccine ?? DEFAULT_VACCINE).trim().toUpperCase();
  const { state, reload } = useLoad(`${code ?? ''}|${asOf}|${vaccine}`, (signal) =>
    loadDashboard(code, asOf, vaccine, signal),
  );

  useEffect(() => {
    if (state.status !== 'ready') return;
    document.title = `${state.data.stats.region.name} — ${t('vaccination.title')} — Padu`;
  }, [state, t]);

  return (
    <section
      className="page"
      aria-labelledby="vaccination-title"
      data-testid="vaccination-dashboard"
    >
      <h1 id="vaccination-title">{t('vaccination.title')}</h1>
      <p className="lead">{t('vaccination.intro')}</p>
      <FilterBar code={code} filters={filters} asOf={asOf} vaccine={vaccine} />
      <section className="region-view" aria-busy={state.status === 'loading'}>
        {state.status === 'loading' && <Loading />}
        {state.status === 'error' && <ErrorAlert error={state.error} onRetry={reload} />}
        {state.status === 'ready' && <DashboardDetails data={state.data} filters={filters} />}
      </section>
    </section>
  );
}

interface FilterBarProps extends DashboardProps {
  asOf: string;
  vaccine: string;
}

/** The date and vaccine, kept in the hash so that a link shares them. */
function FilterBar({ code, filters, asOf, vaccine }: FilterBarProps) {
  const { t } = useI18n();
  const dateId = useId();
  const vaccineId = useId();
  // What is typed into the date field until it is a whole date (a cleared part makes it '');
  // the hash, once it changes, wins again.
  const [draft, setDraft] = useState<{ asOf: string; value: string } | null>(null);
  const vaccines = VACCINES.includes(vaccine) ? VACCINES : [...VACCINES, vaccine];

  function apply(changed: VaccinationFilters): void {
    navigate(vaccinationHash(code, { ...filters, ...changed }), { replace: true });
  }

  return (
    <div className="filters" role="group" aria-label={t('vaccination.filters')}>
      <div className="field">
        <label htmlFor={dateId}>{t('vaccination.asOf')}</label>
        <input
          id={dateId}
          type="date"
          data-testid="asof-input"
          required
          value={draft?.asOf === asOf ? draft.value : asOf}
          onChange={(event) => {
            const { value } = event.target;
            setDraft({ asOf, value });
            if (value !== '') apply({ asOf: value });
          }}
        />
      </div>
      <div className="field">
        <label htmlFor={vaccineId}>{t('vaccination.vaccine')}</label>
        <select
          id={vaccineId}
          data-testid="vaccine-input"
          value={vaccine}
          onChange={(event) => apply({ vaccine: event.target.value })}
        >
          {vaccines.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

/** The level of the regions below a place; none below a village. */
const LEVEL_BELOW = { 0: 1, 1: 2, 2: 3, 3: 4, 4: null } as const;

function DashboardDetails({ data, filters }: { data: DashboardData; filters: VaccinationFilters }) {
  const i18n = useI18n();
  const { t, formatNumber, formatDate } = i18n;
  const { stats, ancestors } = data;
  const { region } = stats;
  const current = region.level === 0 ? null : { code: region.code, name: region.name };
  const childLevel = LEVEL_BELOW[region.level];
  const hrefOf = (code: string | null) => vaccinationHash(code, filters);
  return (
    <>
      <Breadcrumb ancestors={ancestors} current={current} hrefOf={hrefOf} />
      <h2 className="region-heading">
        <span className="region-title" data-testid="stats-region-name">
          {region.name}
        </span>{' '}
        <span className="region-meta">
          <span className="badge">{levelName(t, region.level)}</span>
          {region.code !== '' && (
            <>
              {' '}
              <span className="code">{region.code}</span>
            </>
          )}
          {' · '}
          {t('vaccination.summary', { vaccine: stats.vaccine, date: formatDate(stats.asOf) })}
        </span>
      </h2>
      <dl className="stat-cards">
        {COUNTS.map((count) => (
          <div className="stat-card" key={count.testId}>
            <dt>{t(count.label)}</dt>
            <dd data-testid={count.testId}>{formatNumber(count.of(stats))}</dd>
          </div>
        ))}
        <div className="stat-card">
          <dt>{t('stats.coverage')}</dt>
          <dd data-testid="stats-coverage">{coverageText(i18n, stats.coverage)}</dd>
        </div>
      </dl>
      {childLevel !== null && (
        <p className="export">
          <a
            href={childrenStatsExportUrl({
              level: childLevel,
              asOf: stats.asOf,
              vaccine: stats.vaccine,
            })}
            download
          >
            {t(`vaccination.export.${childLevel}`)}
          </a>{' '}
          <span className="muted">{t('vaccination.exportHint')}</span>
        </p>
      )}
      {region.level === 0 && (
        <ProvinceMap
          provinces={stats.children}
          filters={filters}
          caption={t('map.caption', { vaccine: stats.vaccine })}
        />
      )}
      <StatsTable stats={stats} filters={filters} />
      {stats.children.length > 0 && (
        <CoverageChart
          regions={stats.children}
          caption={t('chart.caption', { vaccine: stats.vaccine, name: region.name })}
        />
      )}
    </>
  );
}
