import type pg from 'pg';
import type { LogEntry } from './log-entry.ts';

/**
 * Reading the exchange log for the console: pages of entries with filters, and calls per second.
 * The filters use the columns copied out of each entry when it was written (migration 0012), so
 * that every query runs on an index; the entry's bytes stay the record and are what is returned.
 */

/** A status filter: one code (404) or a class ('4xx'). */
export type StatusFilter = number | `${1 | 2 | 3 | 4 | 5}xx`;

export interface LogFilters {
  serviceId?: number;
  consumerSystemId?: number;
  status?: StatusFilter;
  subject?: string;
  /** Only entries with a smaller leaf index (the `next` of the previous page). */
  before?: number;
  limit: number;
}

export interface LogPage {
  /** Newest first. */
  entries: { leafIndex: number; requestId: string; loggedAt: string; entry: LogEntry }[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  next: number | null;
}

export interface TrafficSecond {
  /** The second's start, ISO 8601 UTC without fractions: 2025-07-01T08:15:42Z. */
  at: string;
  calls: number;
  /** Answers 400–499. */
  clientErrors: number;
  /** Answers 500 and above. */
  serverErrors: number;
}

/** SQL parameters collected while a query's conditions are built; returns the placeholder. */
function parameters() {
  const values: unknown[] = [];
  return {
    values,
    add: (value: unknown): string => {
      values.push(value);
      return `$${values.length}`;
    },
  };
}

/**
 * The condition that limits log rows to exchanges where the agency is the provider or the consumer
 * (a system never changes agency, so the ids in the row decide it).
 */
function agencyCondition(agencyCode: string, add: (value: unknown) => string): string {
  const agency = add(agencyCode);
  return `(service_id in (select v.id from exchange_services v join exchange_systems s on s.id = v.system_id
                          where s.agency_code = ${agency})
           or consumer_system_id in (select id from exchange_systems where agency_code = ${agency}))`;
}

const isoSecond = (at: Date) => at.toISOString().replace(/\.\d{3}Z$/, 'Z');

export function exchangeLogQuery(pool: pg.Pool) {
  return {
    /**
     * A page of log entries, newest first, keyset-paginated by leaf index. `agencyCode` limits it
     * to exchanges where that agency is the provider or the consumer (null: all).
     */
    async page(filters: LogFilters, agencyCode: string | null): Promise<LogPage> {
      const p = parameters();
      const where: string[] = [];
      if (filters.serviceId !== undefined) where.push(`service_id = ${p.add(filters.serviceId)}`);
      if (filters.consumerSystemId !== undefined)
        where.push(`consumer_system_id = ${p.add(filters.consumerSystemId)}`);
      if (typeof filters.status === 'number') where.push(`status = ${p.add(filters.status)}`);
      else if (filters.status !== undefined) {
        const low = Number(filters.status[0]) * 100;
        where.push(`status between ${p.add(low)} and ${p.add(low + 99)}`);
      }
      if (filters.subject !== undefined) where.push(`subject = ${p.add(filters.subject)}`);
      if (filters.before !== undefined) where.push(`leaf_index < ${p.add(filters.before)}`);
      if (agencyCode !== null) where.push(agencyCondition(agencyCode, p.add));
      // One more than asked: whether it exists tells if there is a next page.
      const limit = p.add(filters.limit + 1);
      const { rows } = await pool.query<{
        leaf_index: number;
        request_id: string;
        entry: Buffer;
        logged_at: Date;
      }>(
        `select leaf_index, request_id, entry, logged_at from exchange_log
         ${where.length === 0 ? '' : `where ${where.join(' and ')}`}
         order by leaf_index desc limit ${limit}`,
        p.values,
      );
      const shown = rows.slice(0, filters.limit);
      return {
        entries: shown.map((r) => ({
          leafIndex: Number(r.leaf_index),
          requestId: r.request_id,
          loggedAt: r.logged_at.toISOString(),
          entry: JSON.parse(r.entry.toString('utf8')) as LogEntry,
        })),
        next: rows.length > filters.limit ? Number(shown.at(-1)?.leaf_index) : null,
      };
    },

    /**
     * Calls per second over the last `minutes` (up to the current second, which is still
     * filling), every second present, with error counts. Times are the database's, the same clock
     * that stamped `logged_at`.
     */
    async traffic(minutes: number, agencyCode: string | null): Promise<TrafficSecond[]> {
      const p = parameters();
      const span = p.add(minutes);
      const agency = agencyCode === null ? '' : `and ${agencyCondition(agencyCode, p.add)}`;
      const { rows } = await pool.query<{
        at: Date;
        calls: number;
        client_errors: number;
        server_errors: number;
      }>(
        `with window_ as (
           select date_trunc('second', now()) as last,
                  date_trunc('second', now()) - make_interval(mins => ${span}) + interval '1 second' as first
         ),
         counted as (
           select date_trunc('second', logged_at) as at, count(*)::int as calls,
                  count(*) filter (where status between 400 and 499)::int as client_errors,
                  count(*) filter (where status >= 500)::int as server_errors
           from exchange_log
           where logged_at >= (select first from window_) ${agency}
           group by 1
         )
         select s.at, coalesce(c.calls, 0) as calls, coalesce(c.client_errors, 0) as client_errors,
                coalesce(c.server_errors, 0) as server_errors
         from window_, generate_series(window_.first, window_.last, interval '1 second') as s(at)
           left join counted c on c.at = s.at
         order by s.at`,
        p.values,
      );
      return rows.map((r) => ({
        at: isoSecond(r.at),
        calls: r.calls,
        clientErrors: r.client_errors,
        serverErrors: r.server_errors,
      }));
    },
  };
}

export type ExchangeLogQuery = ReturnType<typeof exchangeLogQuery>;
