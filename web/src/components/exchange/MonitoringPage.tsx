import { useEffect, useState } from 'react';
import { getStats } from '../../exchangeApi';
import { useI18n } from '../../i18n';
import { useLoad } from '../../shared/useLoad';
import { ErrorAlert, Loading } from '../Status';
import { formatMs } from './ExchangeNav';
import { TrafficChart } from './TrafficChart';

const RANGES = { hour: 3_600_000, day: 86_400_000, week: 7 * 86_400_000 } as const;
type Range = keyof typeof RANGES;

/** Live traffic, and per service and consumer: calls, error rates and latency percentiles. */
export function MonitoringPage() {
  const { t, lang, formatNumber, formatPercent } = useI18n();
  const [range, setRange] = useState<Range>('hour');
  const [version, setVersion] = useState(0);
  // The key names the range, not the instant: the start is taken when the load runs.
  const stats = useLoad(`exchange-stats:${range}:${version}`, (signal) =>
    getStats(new Date(Date.now() - RANGES[range]).toISOString(), signal),
  );

  useEffect(() => {
    document.title = `${t('exchange.monitoring.title')} — Padu`;
  }, [t]);

  const rows = stats.state.status === 'ready' ? stats.state.data : [];
  const calls = rows.reduce((n, r) => n + r.calls, 0);
  const errors = rows.reduce((n, r) => n + r.clientErrors + r.serverErrors, 0);
  return (
    <section aria-labelledby="exchange-monitoring-title">
      <h1 id="exchange-monitoring-title">{t('exchange.monitoring.title')}</h1>
      <p className="lead">{t('exchange.monitoring.intro')}</p>
      <TrafficChart />
      <h2>{t('exchange.monitoring.byPair')}</h2>
      <div className="filters">
        <div className="field">
          <label htmlFor="stats-range">{t('exchange.monitoring.range')}</label>
          <select
            id="stats-range"
            value={range}
            onChange={(e) => setRange(e.target.value as Range)}
          >
            {(Object.keys(RANGES) as Range[]).map((r) => (
              <option key={r} value={r}>
                {t(`exchange.monitoring.range.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-action">
          <button
            type="button"
            className="button button-secondary"
            onClick={() => setVersion((v) => v + 1)}
          >
            {t('exchange.refresh')}
          </button>
        </div>
      </div>
      {stats.state.status === 'loading' && <Loading />}
      {stats.state.status === 'error' && (
        <ErrorAlert error={stats.state.error} onRetry={stats.reload} />
      )}
      {stats.state.status === 'ready' && (
        <>
          <dl className="stat-cards">
            <div className="stat-card">
              <dt>{t('exchange.monitoring.calls')}</dt>
              <dd data-testid="stats-calls">{formatNumber(calls)}</dd>
            </div>
            <div className="stat-card">
              <dt>{t('exchange.monitoring.errorRate')}</dt>
              <dd>{calls === 0 ? '—' : formatPercent(errors / calls)}</dd>
            </div>
            <div className="stat-card">
              <dt>{t('exchange.monitoring.pairs')}</dt>
              <dd>{formatNumber(rows.length)}</dd>
            </div>
          </dl>
          {rows.length === 0 ? (
            <p className="muted">{t('exchange.monitoring.none')}</p>
          ) : (
            <div className="table-scroll">
              <table className="data-table" data-testid="stats-table">
                <caption className="visually-hidden">{t('exchange.monitoring.byPair')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('exchange.service')}</th>
                    <th scope="col">{t('exchange.consumer')}</th>
                    <th scope="col" className="number">
                      {t('exchange.monitoring.calls')}
                    </th>
                    <th scope="col" className="number">
                      {t('exchange.monitoring.clientErrors')}
                    </th>
                    <th scope="col" className="number">
                      {t('exchange.monitoring.serverErrors')}
                    </th>
                    <th scope="col" className="number">
                      {t('exchange.monitoring.errorRate')}
                    </th>
                    <th scope="col" className="number">
                      p50
                    </th>
                    <th scope="col" className="number">
                      p95
                    </th>
                    <th scope="col" className="number">
                      p99
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={`${r.service} ${r.consumer}`}>
                      <th scope="row" className="code">
                        {r.service}
                      </th>
                      <td className="code">{r.consumer}</td>
                      <td className="number">{formatNumber(r.calls)}</td>
                      <td className="number">{formatNumber(r.clientErrors)}</td>
                      <td className="number">{formatNumber(r.serverErrors)}</td>
                      <td className="number">{formatPercent(r.errorRate)}</td>
                      <td className="number">{formatMs(r.latencyMs.p50, lang)}</td>
                      <td className="number">{formatMs(r.latencyMs.p95, lang)}</td>
                      <td className="number">{formatMs(r.latencyMs.p99, lang)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <p className="hint">{t('exchange.monitoring.note')}</p>
        </>
      )}
    </section>
  );
}
