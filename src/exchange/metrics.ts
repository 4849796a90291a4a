/**
 * This node's gateway metrics in the Prometheus text format (exposition format 0.0.4): calls by
 * service, consumer and status class, and a latency histogram. Counters live in memory; each node
 * is scraped on its own, as Prometheus expects. Also how late the node's event loop has run since
 * the last scrape: work that blocks it (a long synchronous step) delays every call on the node.
 */
const LOOP_TICK_MS = 10;
/** Ticks kept between scrapes (100 a second: over 16 minutes). */
const MAX_TICKS = 100_000;
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Finer at the low end: a log append is a commit, usually a millisecond or two. */
const APPEND_BUCKETS = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];

interface Series {
  labels: string;
  count: number;
  sum: number;
  buckets: number[];
}

function observe(series: Series, bounds: readonly number[], seconds: number): void {
  series.count++;
  series.sum += seconds;
  bounds.forEach((b, i) => {
    if (seconds <= b) series.buckets[i] = (series.buckets[i] ?? 0) + 1;
  });
}

/** A histogram series in the exposition format (cumulative buckets, +Inf, sum, count). */
function histogramLines(name: string, series: Series, bounds: readonly number[]): string[] {
  const at = series.labels === '' ? '' : `${series.labels},`;
  const braces = series.labels === '' ? '' : `{${series.labels}}`;
  return [
    ...bounds.map((b, i) => `${name}_bucket{${at}le="${b}"} ${series.buckets[i] ?? 0}`),
    `${name}_bucket{${at}le="+Inf"} ${series.count}`,
    `${name}_sum${braces} ${series.sum}`,
    `${name}_count${braces} ${series.count}`,
  ];
}

function label(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

export class GatewayMetrics {
  private readonly calls = new Map<string, number>();
  private readonly latency = new Map<string, Series>();
  private readonly appends: Series = {
    labels: '',
    count: 0,
    sum: 0,
    buckets: APPEND_BUCKETS.map(() => 0),
  };
  /** How late each tick of a LOOP_TICK_MS timer ran since the last scrape (ms). */
  private lateness: number[] = [];
  private readonly ticker: NodeJS.Timeout;

  constructor() {
    let last = performance.now();
    this.ticker = setInterval(() => {
      const now = performance.now();
      if (this.lateness.length < MAX_TICKS)
        this.lateness.push(Math.max(0, now - last - LOOP_TICK_MS));
      last = now;
    }, LOOP_TICK_MS);
    this.ticker.unref();
  }

  close(): void {
    clearInterval(this.ticker);
  }

  record(service: string, consumer: string, status: number, seconds: number): void {
    const base = `service="${label(service)}",consumer="${label(consumer)}"`;
    const key = `${base},code="${Math.floor(status / 100)}xx"`;
    this.calls.set(key, (this.calls.get(key) ?? 0) + 1);
    let series = this.latency.get(base);
    if (series === undefined) {
      series = { labels: base, count: 0, sum: 0, buckets: BUCKETS.map(() => 0) };
      this.latency.set(base, series);
    }
    observe(series, BUCKETS, seconds);
  }

  /** How long a call's log entry took to be committed (its share of the call's latency). */
  recordAppend(seconds: number): void {
    observe(this.appends, APPEND_BUCKETS, seconds);
  }

  text(): string {
    const lines = [
      '# HELP padu_exchange_calls_total Calls through the gateway that reached an upstream.',
      '# TYPE padu_exchange_calls_total counter',
      ...[...this.calls].map(([labels, n]) => `padu_exchange_calls_total{${labels}} ${n}`),
      '# HELP padu_exchange_call_duration_seconds Time from receiving a call to the end of its answer.',
      '# TYPE padu_exchange_call_duration_seconds histogram',
    ];
    for (const s of this.latency.values())
      lines.push(...histogramLines('padu_exchange_call_duration_seconds', s, BUCKETS));
    lines.push(
      "# HELP padu_exchange_log_append_seconds Time from a call's end to its log entry being committed.",
      '# TYPE padu_exchange_log_append_seconds histogram',
      ...histogramLines('padu_exchange_log_append_seconds', this.appends, APPEND_BUCKETS),
    );
    const late = this.lateness.sort((a, b) => a - b);
    this.lateness = [];
    const at = (q: number) =>
      (late[Math.min(late.length - 1, Math.floor(q * late.length))] ?? 0) / 1000;
    lines.push(
      '# HELP padu_event_loop_delay_seconds How late this node ran a 10 ms timer since the last scrape (quantile 1 is the longest): a blocked event loop delays every call.',
      '# TYPE padu_event_loop_delay_seconds gauge',
      `padu_event_loop_delay_seconds{quantile="0.5"} ${at(0.5)}`,
      `padu_event_loop_delay_seconds{quantile="0.99"} ${at(0.99)}`,
      `padu_event_loop_delay_seconds{quantile="1"} ${at(1)}`,
    );
    return `${lines.join('\n')}\n`;
  }
}
