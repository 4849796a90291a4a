import { useEffect, useId, useState } from 'react';
import type { User } from '../../api';
import { draftPlan, listFunctions, planProgress, type PlanProgress } from '../../catalogApi';
import { errorMessage } from '../../errors';
import { useI18n } from '../../i18n';
import { useLoad } from '../../shared/useLoad';
import { ErrorAlert, Loading } from '../Status';
import { formatRupiah, functionName } from './CatalogNav';

const ROW = 24;
const LABEL = 260;
const BAR = 420;
const WIDTH = LABEL + BAR + 90;

/** The rationalisation dashboard: "27,400 -> 50" nationally, per function and per agency. */
export function PlanDashboard({ user }: { user: User | null | undefined }) {
  const { t, lang } = useI18n();
  const [version, setVersion] = useState(0);
  const national = useLoad(`plan:national:${version}`, (s) => planProgress('national', s));
  const byFunction = useLoad(`plan:function:${version}`, (s) => planProgress('function', s));
  const byAgency = useLoad(`plan:agency:${version}`, (s) => planProgress('agency', s));
  const functions = useLoad('functions', (signal) => listFunctions(signal));
  const fns = functions.state.status === 'ready' ? functions.state.data : [];
  const [outcome, setOutcome] = useState<string | null>(null);

  useEffect(() => {
    document.title = `${t('catalog.plan.title')} — Padu`;
  }, [t]);

  const onDraft = async () => {
    try {
      const { drafted } = await draftPlan();
      setOutcome(t('catalog.plan.drafted', { count: drafted }));
      setVersion((v) => v + 1);
    } catch (error) {
      setOutcome(errorMessage(t, error));
    }
  };

  const n = national.state.status === 'ready' ? national.state.data[0] : undefined;
  const number = (x: number) => x.toLocaleString(lang);
  return (
    <section aria-labelledby="plan-title">
      <h1 id="plan-title">{t('catalog.plan.title')}</h1>
      <p className="lead">{t('catalog.plan.intro')}</p>
      {national.state.status === 'loading' && <Loading />}
      {national.state.status === 'error' && (
        <ErrorAlert error={national.state.error} onRetry={national.reload} />
      )}
      {n && (
        <>
          <p className="plan-headline" data-testid="plan-headline">
            {t('catalog.plan.headline', {
              from: number(n.applications),
              to: number(n.targetApplications),
            })}
          </p>
          <dl className="stat-cards">
            <div className="stat-card">
              <dt>{t('catalog.plan.remaining')}</dt>
              <dd>{number(n.remaining)}</dd>
            </div>
            <div className="stat-card">
              <dt>{t('catalog.plan.migrated')}</dt>
              <dd>{number(n.migrated)}</dd>
            </div>
            <div className="stat-card">
              <dt>{t('catalog.plan.retired')}</dt>
              <dd>{number(n.retired)}</dd>
            </div>
            <div className="stat-card">
              <dt>{t('catalog.plan.unplanned')}</dt>
              <dd>{number(n.unplanned)}</dd>
            </div>
            <div className="stat-card">
              <dt>{t('catalog.plan.overdue')}</dt>
              <dd>{number(n.overdue)}</dd>
            </div>
            <div className="stat-card">
              <dt>{t('catalog.plan.costSaved')}</dt>
              <dd className="money">{formatRupiah(n.costSaved, lang)}</dd>
            </div>
            <div className="stat-card">
              <dt>{t('catalog.plan.costSavedWhenDone')}</dt>
              <dd className="money">{formatRupiah(n.costSavedWhenDone, lang)}</dd>
            </div>
          </dl>
          <p className="export">
            {t('catalog.plan.download')}{' '}
            <a href="/api/v1/catalog/plan/export?format=xlsx" download>
              XLSX
            </a>{' '}
            ·{' '}
            <a href="/api/v1/catalog/plan/export?format=csv" download>
              CSV
            </a>
          </p>
          {user?.role === 'platform_admin' && n.unplanned > 0 && (
            <p>
              <button
                type="button"
                className="button button-secondary"
                onClick={() => void onDraft()}
              >
                {t('catalog.plan.draft', { count: number(n.unplanned) })}
              </button>
            </p>
          )}
          {outcome && (
            <p className="notice" role="status">
              {outcome}
            </p>
          )}
        </>
      )}
      {byFunction.state.status === 'ready' && (
        <ProgressChart
          rows={byFunction.state.data.slice(0, 25).map((r) => ({
            ...r,
            name: r.key === '' ? t('catalog.noFunction') : functionName(fns, r.key, lang),
          }))}
          caption={t('catalog.plan.byFunction')}
        />
      )}
      {byAgency.state.status === 'ready' && (
        <ProgressTable
          rows={byAgency.state.data.slice(0, 20)}
          caption={t('catalog.plan.byAgency')}
        />
      )}
    </section>
  );
}

/** Stacked bars: migrated, retired, planned to go, kept; the table below carries the numbers. */
function ProgressChart({ rows, caption }: { rows: PlanProgress[]; caption: string }) {
  const { t } = useI18n();
  const captionId = useId();
  const max = Math.max(1, ...rows.map((r) => r.applications));
  const segments = (r: PlanProgress) => [
    { key: 'migrated', value: r.migrated },
    { key: 'retired', value: r.retired },
    { key: 'going', value: r.pending },
    { key: 'kept', value: Math.max(0, r.applications - r.migrated - r.retired - r.pending) },
  ];
  return (
    <figure className="plan-chart">
      <figcaption id={captionId}>{caption}</figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${rows.length * ROW}`}
        role="img"
        aria-labelledby={captionId}
        data-testid="plan-chart"
      >
        {rows.map((r, i) => {
          let x = LABEL;
          return (
            <g key={r.key} transform={`translate(0 ${i * ROW})`}>
              <text x={LABEL - 8} y={ROW / 2 + 4} textAnchor="end" className="chart-label">
                {r.name.length > 36 ? `${r.name.slice(0, 35)}…` : r.name}
              </text>
              {segments(r).map((s) => {
                const w = (s.value / max) * BAR;
                const rect = (
                  <rect
                    key={s.key}
                    x={x}
                    y={4}
                    width={w}
                    height={ROW - 8}
                    className={`seg seg-${s.key}`}
                  />
                );
                x += w;
                return rect;
              })}
              <text x={x + 6} y={ROW / 2 + 4} className="chart-value">
                {r.applications} → {r.targetApplications}
              </text>
            </g>
          );
        })}
      </svg>
      <p className="legend">
        <span className="swatch seg-migrated" /> {t('catalog.plan.migrated')}{' '}
        <span className="swatch seg-retired" /> {t('catalog.plan.retired')}{' '}
        <span className="swatch seg-going" /> {t('catalog.plan.going')}{' '}
        <span className="swatch seg-kept" /> {t('catalog.plan.kept')}
      </p>
      <ProgressTable rows={rows} caption={caption} hiddenCaption />
    </figure>
  );
}

function ProgressTable({
  rows,
  caption,
  hiddenCaption = false,
}: {
  rows: PlanProgress[];
  caption: string;
  hiddenCaption?: boolean;
}) {
  const { t, lang } = useI18n();
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className={hiddenCaption ? 'visually-hidden' : undefined}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('catalog.name')}</th>
            <th scope="col" className="number">
              {t('catalog.applications')}
            </th>
            <th scope="col" className="number">
              {t('catalog.plan.remaining')}
            </th>
            <th scope="col" className="number">
              {t('catalog.plan.migrated')}
            </th>
            <th scope="col" className="number">
              {t('catalog.plan.retired')}
            </th>
            <th scope="col" className="number">
              {t('catalog.plan.target')}
            </th>
            <th scope="col" className="number">
              {t('catalog.plan.costSaved')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.name}</th>
              <td className="number">{r.applications.toLocaleString(lang)}</td>
              <td className="number">{r.remaining.toLocaleString(lang)}</td>
              <td className="number">{r.migrated.toLocaleString(lang)}</td>
              <td className="number">{r.retired.toLocaleString(lang)}</td>
              <td className="number">{r.targetApplications.toLocaleString(lang)}</td>
              <td className="number">{formatRupiah(r.costSaved, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
