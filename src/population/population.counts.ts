import type pg from 'pg';
import { digitsAt } from '../platform/dates.ts';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';

/**
 * The counts behind the region statistics, kept as step functions of the date ("count series"),
 * one per region at every level and per measure:
 *
 *   born         people born on or before day t               died  people dead on or before t
 *   child_death  minus the children who died on or before t and would still be under 12 on t
 *   doseK:V      children under 12 and alive on t with dose K of vaccine V dated on or before t
 *
 * so that on a date t, with cut = t - 12 years (PostgreSQL's date arithmetic):
 *   population = born(t) - died(t);  children under 12 = born(t) - born(cut) + child_death(t).
 *
 * A series row holds sorted days (days since 1970-01-01) and the cumulative total on each, so a
 * value is one binary search (`width_bucket`) in one row. Indonesia, provinces and regencies, where
 * nearly every day has an event, keep a row per year (bucket = year, totals within that year) and
 * a summary row (bucket 0: one entry per year end); districts and villages keep one row (bucket 0)
 * with their whole history. A statistics query therefore reads at most two rows per region, point
 * and measure, however many people live there.
 *
 * Writes arrive as "versions": a person or dose as it now is (+1) and as it was before (-1). They are
 * turned into events per village here, in memory with typed arrays (sorting 10 M numbers takes about
 * a second; the same GROUP BY in SQL took over a minute), rolled up level by level and merged into
 * the stored rows, all in the caller's transaction.
 */

/** Region id: the code's digits as a number (32.04.05.2001 -> 3204052001); Indonesia is 0. */
export function regionId(code: string): number {
  let id = 0;
  for (let i = 0; i < code.length; i++) {
    const digit = code.charCodeAt(i) - 48;
    if (digit >= 0 && digit <= 9) id = id * 10 + digit;
  }
  return id;
}

function regionLevel(code: string): 0 | 1 | 2 | 3 | 4 {
  switch (code.length) {
    case 0:
      return 0;
    case 2:
      return 1;
    case 5:
      return 2;
    case 8:
      return 3;
    default:
      return 4;
  }
}

/** Divisors from a village id to its ancestor's id, by level (0 = Indonesia). */
const LEVEL_DIVISOR = [0, 1e8, 1e6, 1e4, 1] as const;
const YEARLY_LEVELS = new Set([0, 1, 2]);

const DAY_MS = 86_400_000;
/** Sort keys pack region id and day: id * 2^18 + day + 2^17 (days 1611-2328, ids < 2^34). */
const DAY_SHIFT = 1 << 17;
const DAY_SPAN = 1 << 18;

/** Days since 1970-01-01 of a calendar date `YYYY-MM-DD` (civil-to-days arithmetic, no Date). */
export function epochDay(date: string): number {
  const month = digitsAt(date, 5, 2);
  const year = digitsAt(date, 0, 4) - (month <= 2 ? 1 : 0);
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear =
    Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + digitsAt(date, 8, 2) - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

export function dayToDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

// Calendar lookups for every representable day, filled on first use.
const yearOfDay = new Int16Array(DAY_SPAN);
const childUntilOfDay = new Int32Array(DAY_SPAN);

function yearOf(day: number): number {
  const i = day + DAY_SHIFT;
  let year = yearOfDay[i] ?? 0;
  if (year === 0) {
    year = new Date(day * DAY_MS).getUTCFullYear();
    yearOfDay[i] = year;
  }
  return year;
}

/** The last day of `year`, as an epoch day. */
function yearEnd(year: number): number {
  return Math.round(Date.UTC(year, 11, 31) / DAY_MS);
}

/** `day` plus (or minus) whole years the way PostgreSQL adds an interval: 29 February may become the 28th. */
function addYears(day: number, years: number): number {
  const date = new Date(day * DAY_MS);
  const year = date.getUTCFullYear() + years;
  const month = date.getUTCMonth();
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Math.round(Date.UTC(year, month, Math.min(date.getUTCDate(), lastDay)) / DAY_MS);
}

/** t - 12 years: children under 12 on t were born after this day. */
export function childCutoff(day: number): number {
  return addYears(day, -12);
}

/**
 * The first day on which someone born on `birth` is no longer under 12: the first t with
 * t - 12 years >= birth (the same rule as the SQL function padu_child_until).
 */
export function childUntil(birth: number): number {
  const i = birth + DAY_SHIFT;
  let until = childUntilOfDay[i] ?? 0;
  if (until === 0) {
    const candidate = addYears(birth, 12);
    until = childCutoff(candidate) >= birth ? candidate : candidate + 1;
    childUntilOfDay[i] = until;
  }
  return until;
}

/** A growable list of (village id, day) events of one sign, packed into one number each. */
class EventList {
  private keys = new Float64Array(1024);
  length = 0;

  push(village: number, day: number): void {
    if (this.length === this.keys.length) {
      // Grow by half, not double: at 10 M events the spare room is what decides peak memory.
      const keys = new Float64Array(Math.ceil(this.length * 1.5));
      keys.set(this.keys);
      this.keys = keys;
    }
    this.keys[this.length++] = village * DAY_SPAN + day + DAY_SHIFT;
  }

  /** The packed keys, to send to another thread. */
  packed(): Float64Array {
    return this.keys.slice(0, this.length);
  }

  /** Adds keys packed by another list. */
  append(keys: Float64Array): void {
    if (this.length + keys.length > this.keys.length) {
      const grown = new Float64Array(Math.ceil((this.length + keys.length) * 1.5));
      grown.set(this.keys.subarray(0, this.length));
      this.keys = grown;
    }
    this.keys.set(keys, this.length);
    this.length += keys.length;
  }

  /** Sorted keys of these events with village ids replaced by their ancestors at `level`. */
  sortedKeys(level: number): Float64Array {
    const keys = this.keys.slice(0, this.length);
    if (level !== 4) {
      const divisor = LEVEL_DIVISOR[level] ?? 1;
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i] ?? 0;
        const village = Math.floor(key / DAY_SPAN);
        const region = level === 0 ? 0 : Math.floor(village / divisor);
        keys[i] = key + (region - village) * DAY_SPAN;
      }
    }
    return keys.sort();
  }
}

/** CountEvents as plain typed arrays, which a worker thread can hand over without copying. */
export type PackedEvents = { series: string; plus: Float64Array; minus: Float64Array }[];

/** Events of the series changed by a write: +1 and -1 kept apart so that sorting needs no payload. */
export class CountEvents {
  private readonly series = new Map<string, { plus: EventList; minus: EventList }>();

  add(series: string, village: number, day: number, sign: number): void {
    let lists = this.series.get(series);
    if (!lists) {
      lists = { plus: new EventList(), minus: new EventList() };
      this.series.set(series, lists);
    }
    (sign > 0 ? lists.plus : lists.minus).push(village, day);
  }

  /** A person as now (+1) or as before (-1): born, died and, for a child's death, the adjustment. */
  addPerson(village: number, birth: number, death: number | null, sign: number): void {
    this.add('born', village, birth, sign);
    if (death === null) return;
    this.add('died', village, death, sign);
    const until = childUntil(birth);
    if (death < until) {
      this.add('child_death', village, death, -sign);
      this.add('child_death', village, until, sign);
    }
  }

  /** A dose counts from its date while its child is under 12 and alive; doses 1 and 2 only. */
  addDose(
    village: number,
    vaccine: string,
    dose: number,
    date: number,
    birth: number,
    death: number | null,
    sign: number,
  ): void {
    if (dose !== 1 && dose !== 2) return;
    const until = death === null ? childUntil(birth) : Math.min(childUntil(birth), death);
    if (date >= until) return;
    const series = `dose${dose}:${vaccine}`;
    this.add(series, village, date, sign);
    this.add(series, village, until, -sign);
  }

  /** The events as typed arrays, to send to another thread (see PackedEvents). */
  packed(): PackedEvents {
    return [...this.series].map(([series, { plus, minus }]) => ({
      series,
      plus: plus.packed(),
      minus: minus.packed(),
    }));
  }

  /** Adds events packed by another CountEvents (a worker thread's). */
  addPacked(events: PackedEvents): void {
    for (const { series, plus, minus } of events) {
      let lists = this.series.get(series);
      if (!lists) {
        lists = { plus: new EventList(), minus: new EventList() };
        this.series.set(series, lists);
      }
      lists.plus.append(plus);
      lists.minus.append(minus);
    }
  }

  /** How many events there are. */
  get size(): number {
    let size = 0;
    for (const { plus, minus } of this.series.values()) size += plus.length + minus.length;
    return size;
  }

  entries(): IterableIterator<[string, { plus: EventList; minus: EventList }]> {
    return this.series.entries();
  }
}

/** One stored row: sorted days and a delta (not yet cumulated) on each. */
interface SeriesRow {
  region: number;
  bucket: number;
  days: ArrayLike<number>;
  deltas: ArrayLike<number>;
}

/** Rows packed into typed arrays: about 8 bytes per day instead of 40 in JavaScript arrays. */
interface PackedRows {
  regions: Float64Array;
  buckets: Int32Array;
  /** Row i's days and deltas are at starts[i] .. starts[i + 1]. */
  starts: Int32Array;
  days: Int32Array;
  deltas: Int32Array;
}

function packRows(
  rows: readonly { days: number[]; deltas: number[]; region: number; bucket: number }[],
): PackedRows {
  const starts = new Int32Array(rows.length + 1);
  rows.forEach((row, i) => (starts[i + 1] = (starts[i] ?? 0) + row.days.length));
  const packed = {
    regions: Float64Array.from(rows, (r) => r.region),
    buckets: Int32Array.from(rows, (r) => r.bucket),
    starts,
    days: new Int32Array(starts[rows.length] ?? 0),
    deltas: new Int32Array(starts[rows.length] ?? 0),
  };
  rows.forEach((row, i) => {
    packed.days.set(row.days, starts[i]);
    packed.deltas.set(row.deltas, starts[i]);
  });
  return packed;
}

function unpackRows(packed: PackedRows): SeriesRow[] {
  return Array.from(packed.regions, (region, i) => {
    const start = packed.starts[i] ?? 0;
    const end = packed.starts[i + 1] ?? 0;
    return {
      region,
      bucket: packed.buckets[i] ?? 0,
      days: packed.days.subarray(start, end),
      deltas: packed.deltas.subarray(start, end),
    };
  });
}

/**
 * Walks two sorted key arrays (+1 and -1 events) and calls `emit` with each (region, day, net delta)
 * whose delta is not zero, in key order.
 */
function netDeltas(
  plus: Float64Array,
  minus: Float64Array,
  emit: (region: number, day: number, delta: number) => void,
): void {
  let i = 0;
  let j = 0;
  while (i < plus.length || j < minus.length) {
    const key = Math.min(plus[i] ?? Infinity, minus[j] ?? Infinity);
    let delta = 0;
    while (i < plus.length && plus[i] === key) {
      delta++;
      i++;
    }
    while (j < minus.length && minus[j] === key) {
      delta--;
      j++;
    }
    if (delta !== 0) {
      const region = Math.floor(key / DAY_SPAN);
      emit(region, key - region * DAY_SPAN - DAY_SHIFT, delta);
    }
  }
}

/** The rows of one level that a set of events changes, with the deltas to add to each. */
function rowsForLevel(
  plus: Float64Array,
  minus: Float64Array,
  level: number,
): { region: number; bucket: number; days: number[]; deltas: number[] }[] {
  type Row = { region: number; bucket: number; days: number[]; deltas: number[] };
  const rows: Row[] = [];
  const yearly = YEARLY_LEVELS.has(level);
  let current: Row | undefined;
  let summary: Row | undefined;
  netDeltas(plus, minus, (region, day, delta) => {
    const bucket = yearly ? yearOf(day) : 0;
    if (!current || current.region !== region || current.bucket !== bucket) {
      current = { region, bucket, days: [], deltas: [] };
      rows.push(current);
    }
    current.days.push(day);
    current.deltas.push(delta);
    if (!yearly) return;
    if (!summary || summary.region !== region) {
      summary = { region, bucket: 0, days: [], deltas: [] };
      rows.push(summary);
    }
    const end = yearEnd(bucket);
    if (summary.days[summary.days.length - 1] === end) {
      summary.deltas[summary.deltas.length - 1] = (summary.deltas.at(-1) ?? 0) + delta;
    } else {
      summary.days.push(end);
      summary.deltas.push(delta);
    }
  });
  return rows;
}

/** Adds sorted deltas to a stored row's cumulative totals; returns the new days and totals. */
function mergeRow(
  stored: { days: number[]; totals: number[] } | undefined,
  change: SeriesRow,
): { days: number[]; totals: number[] } {
  const days: number[] = [];
  const totals: number[] = [];
  const oldDays = stored?.days ?? [];
  const oldTotals = stored?.totals ?? [];
  let i = 0;
  let j = 0;
  let running = 0;
  while (i < oldDays.length || j < change.days.length) {
    const day = Math.min(oldDays[i] ?? Infinity, change.days[j] ?? Infinity);
    let delta = 0;
    if (oldDays[i] === day) {
      delta += (oldTotals[i] ?? 0) - (i === 0 ? 0 : (oldTotals[i - 1] ?? 0));
      i++;
    }
    if (change.days[j] === day) delta += change.deltas[j++] ?? 0;
    if (delta === 0) continue;
    running += delta;
    days.push(day);
    totals.push(running);
  }
  return { days, totals };
}

/**
 * Applies the events to the stored series, in the caller's transaction (which must hold the
 * population write lock): per series and level, the changed rows are read, merged and written back.
 */
export async function applyCountEvents(client: pg.PoolClient, events: CountEvents): Promise<void> {
  for (const [series, { plus, minus }] of events.entries()) {
    for (const level of [4, 3, 2, 1, 0]) {
      const rows = rowsForLevel(plus.sortedKeys(level), minus.sortedKeys(level), level);
      if (rows.length > 0) await writeRows(client, series, rows);
    }
  }
}

/** The changed rows of every series and level, worked out before any is written. */
export interface CountPlan {
  readonly steps: { series: string; rows: PackedRows }[];
}

/**
 * Works out the rows that the events change, giving the event loop a turn between steps so that
 * queries already sent on the connection keep flowing. The plan is held in memory all at once
 * (packed: about 8 bytes per event and level), so a caller bounds the number of events (`size`).
 */
export async function planCountEvents(events: CountEvents): Promise<CountPlan> {
  const steps: CountPlan['steps'] = [];
  for (const [series, { plus, minus }] of events.entries()) {
    for (const level of [4, 3, 2, 1, 0]) {
      const rows = rowsForLevel(plus.sortedKeys(level), minus.sortedKeys(level), level);
      if (rows.length > 0) steps.push({ series, rows: packRows(rows) });
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return { steps };
}

/** Writes a plan made by planCountEvents (same transaction rules as applyCountEvents). */
export async function writeCountPlan(client: pg.PoolClient, plan: CountPlan): Promise<void> {
  for (const { series, rows } of plan.steps) await writeRows(client, series, unpackRows(rows));
}

/** The table's `key` column: region id and bucket in one number. */
function rowKey(region: number, bucket: number): number {
  return region * 10_000 + bucket;
}

async function writeRows(client: pg.PoolClient, series: string, rows: SeriesRow[]): Promise<void> {
  const stored = await client.query<{ key: number; days: string; totals: string }>(
    // Arrays come back as plain text: node-pg's array parser took seconds for a million entries.
    `delete from count_series where key = any($2::bigint[]) and series = $1
     returning key, array_to_string(days, ',') as days, array_to_string(totals, ',') as totals`,
    [series, rows.map((r) => rowKey(r.region, r.bucket))],
  );
  const old = new Map(
    stored.rows.map((r) => [
      r.key,
      { days: r.days.split(',').map(Number), totals: r.totals.split(',').map(Number) },
    ]),
  );
  const sink = client.query(
    copyFrom('copy count_series (region_id, series, bucket, days, totals) from stdin'),
  );
  const done = finished(sink);
  let chunk = '';
  for (const row of rows) {
    const merged = mergeRow(old.get(rowKey(row.region, row.bucket)), row);
    if (merged.days.length === 0) continue;
    chunk += `${row.region}\t${series}\t${row.bucket}\t{${merged.days.join(',')}}\t{${merged.totals.join(',')}}\n`;
    if (chunk.length > 1 << 20) {
      if (!sink.write(chunk)) await once(sink, 'drain');
      chunk = '';
    }
  }
  sink.end(chunk);
  await done;
}

/**
 * Streams the result of `select` (COPY ... TO STDOUT, text format) to `onRow`, one array of fields
 * per row; NULL arrives as null.
 */
export async function copyOut(
  client: pg.PoolClient,
  select: string,
  onRow: (fields: (string | null)[]) => void,
): Promise<void> {
  const source = client.query(copyTo(`copy (${select}) to stdout`));
  let rest = '';
  for await (const chunk of source as AsyncIterable<Buffer>) {
    const text = rest + chunk.toString('utf8');
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      onRow(
        text
          .slice(start, end)
          .split('\t')
          .map((f) => (f === '\\N' ? null : f)),
      );
      start = end + 1;
    }
    rest = text.slice(start);
  }
}

/** The values on `day` of each series for each region. */
export interface SeriesLookup {
  readonly code: string;
  readonly series: string;
  readonly day: number;
}

/**
 * Reads the value of each lookup: one or two primary-key probes and one binary search each.
 * Returns the values in the order of `lookups`.
 */
export async function readSeries(
  pool: pg.Pool | pg.PoolClient,
  lookups: readonly SeriesLookup[],
): Promise<number[]> {
  const keys: number[] = [];
  const series: string[] = [];
  const days: number[] = [];
  const slots: number[] = [];
  lookups.forEach((lookup, slot) => {
    const region = regionId(lookup.code);
    const probe = (bucket: number, day: number) => {
      keys.push(rowKey(region, bucket));
      series.push(lookup.series);
      days.push(day);
      slots.push(slot);
    };
    if (YEARLY_LEVELS.has(regionLevel(lookup.code))) {
      const year = yearOf(lookup.day);
      probe(0, yearEnd(year - 1));
      probe(year, lookup.day);
    } else {
      probe(0, lookup.day);
    }
  });
  const values = lookups.map(() => 0);
  const { rows } = await pool.query<{ slot: number; value: number | null }>(
    `select k.slot, s.totals[width_bucket(k.day, s.days)] as value
     from unnest($1::bigint[], $2::text[], $3::int[], $4::int[]) as k(key, series, day, slot)
     join count_series s on s.key = k.key and s.series = k.series`,
    [keys, series, days, slots],
  );
  for (const { slot, value } of rows) values[slot] = (values[slot] ?? 0) + (value ?? 0);
  return values;
}
