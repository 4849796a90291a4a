import type pg from 'pg';
import { encodeEntry, type LogEntry } from './log-entry.ts';

/**
 * Batches sent to the database at once. One: entries that arrive while a batch is being committed
 * wait for the next, so batches grow with the load. A second batch in flight would only wait at
 * the head row for the first, and halve the batches: measured with bench/gateway.ts, two in flight
 * cost the gateway 183–186 µs and PostgreSQL 69–71 µs of CPU per call, one 162–163 µs and 48–50 µs,
 * with 8–12 % more calls per second (docs/BENCHMARKS.md).
 */
const MAX_IN_FLIGHT = 1;
const MAX_BATCH = 1000;
/**
 * A batch this large says calls arrive faster than batches commit. The next batch then waits one
 * turn of the event loop (setImmediate runs after the turn's I/O callbacks), so the answers that
 * came in meanwhile join it, rather than only what was queued when the commit returned. Measured
 * with bench/gateway.ts at full load: 3,167–3,331 calls/s against 2,734–3,008 without, with less
 * CPU per call in the gateway (270–285 µs against 290–330) and PostgreSQL (60–63 against 66–73);
 * at lower rates batches stay smaller than this and nothing waits (docs/BENCHMARKS.md).
 */
const LINGER_AFTER = 3;

/**
 * Appends a batch in one statement (one round trip, committed on its own): moving the head row
 * forward locks it until the commit, so batches from every node get contiguous leaf indexes. The
 * entries travel as one binary parameter cut by offsets (arrays of bytea would go as hex text), and
 * PostgreSQL computes the leaf hashes. It answers with one row, the first leaf index.
 */
const APPEND = `
  with head as (
    update exchange_log_head set size = size + cardinality($1::text[])
    returning size - cardinality($1::text[]) as first
  ),
  batch as (
    select e.n, e.request_id, substring($2::bytea from e.start for e.length) as entry,
           e.service_id, e.consumer_system_id, e.status, e.subject, e.latency_ms
    from unnest($1::text[], $3::int[], $4::int[], $5::int[], $6::int[], $7::int[], $8::text[], $9::int[])
         with ordinality as e(request_id, start, length, service_id, consumer_system_id, status, subject,
                              latency_ms, n)
  ),
  inserted as (
    insert into exchange_log
      (leaf_index, request_id, entry, leaf_hash, service_id, consumer_system_id, status, subject,
       latency_ms)
    select head.first + batch.n - 1, batch.request_id, batch.entry,
           sha256('\\x00'::bytea || batch.entry),
           batch.service_id, batch.consumer_system_id, batch.status, batch.subject, batch.latency_ms
    from head, batch
  )
  select first from head`;

/** A PostgreSQL array literal of integers. */
function intArray(values: number[]): string {
  return `{${values.join(',')}}`;
}

/** A PostgreSQL array literal of texts, each quoted (NULL for null). */
function textArray(values: (string | null)[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (i > 0) out += ',';
    out += v === null || v === undefined ? 'NULL' : `"${v.replace(/[\\"]/g, '\\$&')}"`;
  }
  return `${out}}`;
}

interface Pending {
  entry: LogEntry;
  resolve: (index: number) => void;
  reject: (e: unknown) => void;
}

/**
 * Appends entries to the exchange log with group commit: entries that arrive while earlier batches
 * are being written go together in the next one. A caller's promise resolves only once its entry
 * is committed, with the entry's leaf index.
 */
export class LogWriter {
  private queue: Pending[] = [];
  private inFlight = 0;
  private lastBatch = 0;
  /** False after a failed write, until a write succeeds again. */
  healthy = true;

  constructor(private readonly pool: pg.Pool) {}

  append(entry: LogEntry): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ entry, resolve, reject });
      if (this.inFlight < MAX_IN_FLIGHT) void this.write();
    });
  }

  /** Whether the log can be written now (asks the database when the last write failed). */
  async available(): Promise<boolean> {
    if (this.healthy) return true;
    try {
      await this.pool.query('select 1 from exchange_log_head');
      return true;
    } catch {
      return false;
    }
  }

  private async write(): Promise<void> {
    this.inFlight += 1;
    try {
      while (this.queue.length > 0) {
        if (this.lastBatch >= LINGER_AFTER) await new Promise((resolve) => setImmediate(resolve));
        const batch = this.queue.splice(0, MAX_BATCH);
        this.lastBatch = batch.length;
        const encoded = batch.map((b) => encodeEntry(b.entry));
        const starts: number[] = [];
        let offset = 1;
        for (const bytes of encoded) {
          starts.push(offset);
          offset += bytes.length;
        }
        try {
          // Array parameters go as literals built here: pg's generic conversion costs more.
          const { rows } = await this.pool.query<{ first: string }>({
            // Named: each connection parses and plans it once.
            name: 'exchange-log-append',
            text: APPEND,
            values: [
              textArray(batch.map((b) => b.entry.requestId)),
              Buffer.concat(encoded),
              intArray(starts),
              intArray(encoded.map((bytes) => bytes.length)),
              intArray(batch.map((b) => b.entry.serviceId)),
              intArray(batch.map((b) => b.entry.consumerSystemId)),
              intArray(batch.map((b) => b.entry.status)),
              textArray(batch.map((b) => b.entry.subject)),
              intArray(batch.map((b) => b.entry.latencyMs)),
            ],
          });
          const first = Number(rows[0]?.first);
          this.healthy = true;
          batch.forEach((b, i) => b.resolve(first + i));
        } catch (error) {
          this.healthy = false;
          for (const b of batch) b.reject(error);
        }
      }
    } finally {
      this.inFlight -= 1;
    }
  }
}
