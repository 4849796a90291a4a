import { useEffect, useId, useState } from 'react';
import { isAbortError } from '../../api';
import { getTraffic, type TrafficSecond } from '../../exchangeApi';
import { useI18n } from '../../i18n';
import { ErrorAlert, Loading } from '../Status';
import { formatClock } from './ExchangeNav';

const POLL_MS = 2_000;
const MINUTE_CHOICES = [1, 5, 15, 60] as const;
const WIDTH = 760;
const HEIGHT = 220;
const LEFT = 48;
const RIGHT = 12;
const TOP = 12;
const BOTTOM = 28;
const PLOT_W = WIDTH - LEFT - RIGHT;
const PLOT_H = HEIGHT - TOP - BOTTOM;
const CLIENT_ERROR = '#bf8700';
const SERVER_ERROR = '#cf222e';

/** The smallest of 1, 2, 5 × 10^k at or above `value` (at least 5): a readable top of the axis. */
function niceMax(value: number): number {
  if (value <= 5) return 5;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const m of [1, 2, 5, 10]) if (m * power >= value) return m * power;
  return 10 * power;
}

/**
 * Live calls per second through the gateway (from the exchange log), polled every two seconds,
 * stacked: answered, client errors (4xx), server errors (5xx). Polling pauses on request and while
 * the tab is hidden.
 */
export function TrafficChart() {
  const { t, lang, formatNumber } = useI18n();
  const captionId = useId();
  const summaryId = useId();
  const [minutes, setMinutes] = useState<number>(5);
  const [paused, setPaused] = useState(false);
  const [data, setData] = useState<{ minutes: number; seconds: TrafficSecond[] } | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (paused) return;
    const controller = new AbortController();
    let inFlight = false;
    const tick = async () => {
      // A slow answer is not piled onto: the next tick waits for it.
      if (inFlight || document.hidden) return;
      inFlight = true;
      try {
        const seconds = await getTraffic(minutes, controller.signal);
        setData({ minutes, seconds });
        setError(null);
      } catch (caught) {
        if (!isAbortError(caught) && !controller.signal.aborted) setError(caught);
      } finally {
        inFlight = false;
      }
    };
    void tick();
    const timer = window.setInterval(() => void tick(), POLL_MS);
    return () => {
      window.clearInterval(timer);
      controller.abort();
    };
  }, [minutes, paused]);

  const seconds = data?.minutes === minutes ? data.seconds : null;
  const totals = (seconds ?? []).reduce(
    (sum, s) => ({
      calls: sum.calls + s.calls,
      clientErrors: sum.clientErrors + s.clientErrors,
      serverErrors: sum.serverErrors + s.serverErrors,
    }),
    { calls: 0, clientErrors: 0, serverErrors: 0 },
  );
  const peak = (seconds ?? []).reduce<TrafficSecond | null>(
    (best, s) => (best === null || s.calls > best.calls ? s : best),
    null,
  );
  const top = niceMax(peak?.calls ?? 0);
  const barWidth = seconds === null || seconds.length === 0 ? 0 : PLOT_W / seconds.length;
  const y = (value: number) => TOP + PLOT_H - (value / top) * PLOT_H;

  return (
    <section aria-labelledby={captionId} className="plan-chart">
      <h2 id={captionId}>{t('exchange.traffic.title')}</h2>
      <div className="filters">
        <div className="field">
          <label htmlFor="traffic-minutes">{t('exchange.traffic.window')}</label>
          <select
            id="traffic-minutes"
            value={minutes}
            onChange={(e) => setMinutes(Number(e.target.value))}
          >
            {MINUTE_CHOICES.map((m) => (
              <option key={m} value={m}>
                {t('exchange.traffic.minutes', { count: m })}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-action">
          <button
            type="button"
            className="button button-secondary"
            aria-pressed={paused}
            onClick={() => setPaused((p) => !p)}
          >
            {paused ? t('exchange.traffic.resume') : t('exchange.traffic.pause')}
          </button>
        </div>
      </div>
      {error !== null && <ErrorAlert error={error} />}
      {seconds === null && error === null && <Loading />}
      {seconds !== null && (
        <figure>
          <svg
            viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
            role="img"
            aria-labelledby={captionId}
            aria-describedby={summaryId}
            data-testid="traffic-chart"
            data-calls={totals.calls}
          >
            {[0, top / 2, top].map((tick) => (
              <g key={tick}>
                <line
                  x1={LEFT}
                  x2={WIDTH - RIGHT}
                  y1={y(tick)}
                  y2={y(tick)}
                  stroke="#d0d7de"
                  strokeWidth={1}
                />
                <text x={LEFT - 6} y={y(tick) + 4} textAnchor="end">
                  {formatNumber(tick)}
                </text>
              </g>
            ))}
            {seconds.map((s, i) => {
              if (s.calls === 0) return null;
              const x = LEFT + i * barWidth;
              const width = Math.max(barWidth - (barWidth > 3 ? 1 : 0), 0.5);
              const answered = s.calls - s.clientErrors - s.serverErrors;
              return (
                <g key={s.at}>
                  <title>
                    {t('exchange.traffic.barTitle', {
                      time: formatClock(s.at, lang),
                      calls: s.calls,
                      errors: s.clientErrors + s.serverErrors,
                    })}
                  </title>
                  <rect
                    x={x}
                    y={y(answered)}
                    width={width}
                    height={y(0) - y(answered)}
                    className="seg-going"
                  />
                  <rect
                    x={x}
                    y={y(answered + s.clientErrors)}
                    width={width}
                    height={y(answered) - y(answered + s.clientErrors)}
                    fill={CLIENT_ERROR}
                  />
                  <rect
                    x={x}
                    y={y(s.calls)}
                    width={width}
                    height={y(answered + s.clientErrors) - y(s.calls)}
                    fill={SERVER_ERROR}
                  />
                </g>
              );
            })}
            {seconds.length > 0 &&
              [0, Math.floor(seconds.length / 2), seconds.length - 1].map((i, n) => (
                <text
                  key={i}
                  x={LEFT + (i + 0.5) * barWidth}
                  y={HEIGHT - 8}
                  textAnchor={n === 0 ? 'start' : n === 2 ? 'end' : 'middle'}
                >
                  {formatClock(seconds[i]?.at ?? '', lang)}
                </text>
              ))}
          </svg>
          <figcaption>
            <p className="legend">
              <span className="swatch seg-going" /> {t('exchange.traffic.answered')}{' '}
              <span className="swatch" style={{ background: CLIENT_ERROR }} />{' '}
              {t('exchange.traffic.clientErrors')}{' '}
              <span className="swatch" style={{ background: SERVER_ERROR }} />{' '}
              {t('exchange.traffic.serverErrors')}
            </p>
            <p id={summaryId} data-testid="traffic-summary">
              {t('exchange.traffic.summary', {
                minutes,
                calls: formatNumber(totals.calls),
                clientErrors: formatNumber(totals.clientErrors),
                serverErrors: formatNumber(totals.serverErrors),
                peak: formatNumber(peak?.calls ?? 0),
              })}
            </p>
          </figcaption>
        </figure>
      )}
    </section>
  );
}
