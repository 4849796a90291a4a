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

interface Series {
  labels: string;
  count: number;
  sum: number;
  buckets: number[];
}

function label(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

export class GatewayMetrics {
  private readonly calls = new Map<string, number>();
  private readonly latency = new Map<string, Series>();
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
    series.count++;
    series.sum += seconds;
    BUCKETS.forEach((b, i) => {
      if (seconds <= b) series.buckets[i] = (series.buckets[i] ?? 0) + 1;
    });
  }

  text(): string {
    const lines = [
      '# HELP padu_exchange_calls_total Calls through the gateway that reached an upstream.',
      '# TYPE padu_exchange_calls_total counter',
      ...[...this.calls].map(([labels, n]) => `padu_exchange_calls_total{${labels}} ${n}`),
      '# HELP padu_exchange_call_duration_seconds Time from receiving a call to the end of its answer.',
      '# TYPE padu_exchange_call_duration_seconds histogram',
    ];
    for (const s of this.latency.values()) {
      BUCKETS.forEach((b, i) =>
        lines.push(
          `padu_exchange_call_duration_seconds_bucket{${s.labels},le="${b}"} ${s.buckets[i] ?? 0}`,
        ),
      );
      lines.push(`padu_exchange_call_duration_seconds_bucket{${s.labels},le="+Inf"} ${s.count}`);
      lines.push(`padu_exchange_call_duration_seconds_sum{${s.labels}} ${s.sum}`);
      lines.push(`padu_exchange_call_duration_seconds_count{${s.labels}} ${s.count}`);
    }
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
