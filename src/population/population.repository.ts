import { sql, type Kysely } from 'kysely';
import type pg from 'pg';
import type { Database } from '../platform/db/schema.ts';
import {
  applyCountEvents,
  planCountEvents,
  writeCountPlan,
  childCutoff,
  copyOut,
  CountEvents,
  epochDay,
  readSeries,
} from './population.counts.ts';

/**
 * All SQL of the population module. Writes are set-based over a staging table filled by COPY (see
 * population.import.ts): one merge updates the register and, in the same transaction, the delta
 * tables behind the statistics.
 */

// Every population write takes this transaction-scoped lock: a person's move and a new
// immunisation of that person must not compute their deltas from each other's stale state.
const POPULATION_WRITE_LOCK = 7_404_202_613;

export const PEOPLE_STAGING_COLUMNS = [
  'line',
  'nik',
  'name',
  'sex',
  'birth_date',
  'village_code',
  'family_card_number',
  'mother_name',
  'death_date',
] as const;

export const IMMUNIZATION_STAGING_COLUMNS = [
  'line',
  'nik',
  'vaccine',
  'dose',
  'date',
  'facility_village_code',
] as const;

export interface MergeCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** What a merge did, with (when asked for) the staging lines it inserted or updated. */
export interface MergeResult extends MergeCounts {
  rejects: DatabaseReject[];
  changedLines?: { line: number; existed: boolean }[];
}

async function changedLines(
  client: pg.PoolClient,
  table: string,
): Promise<{ line: number; existed: boolean }[]> {
  return (
    await client.query<{ line: number; existed: boolean }>(`select line, existed from ${table}`)
  ).rows;
}

/** A row the database step refused, with the line, column and reason for the rejects file. */
export interface DatabaseReject {
  readonly line: number;
  readonly column: string;
  readonly reason: string;
}

const EPOCH = "date '1970-01-01'";
const VILLAGE_ID = (column: string) => `replace(${column}, '.', '')::bigint`;

/** Adds person versions (village, birth, death, sign) selected by `select` to the events. */
async function collectPersonVersions(
  client: pg.PoolClient,
  select: string,
  events: CountEvents,
): Promise<void> {
  await copyOut(client, select, ([village, birth, death, sign]) =>
    events.addPerson(
      Number(village),
      Number(birth),
      death === null ? null : Number(death),
      Number(sign),
    ),
  );
}

/** Adds dose versions (village, vaccine, dose, date, birth, death, sign) selected by `select`. */
async function collectDoseVersions(
  client: pg.PoolClient,
  select: string,
  events: CountEvents,
): Promise<void> {
  await copyOut(client, select, ([village, vaccine, dose, date, birth, death, sign]) =>
    events.addDose(
      Number(village),
      vaccine ?? '',
      Number(dose),
      Number(date),
      Number(birth),
      death === null ? null : Number(death),
      Number(sign),
    ),
  );
}

function personVersion(prefix: string, sign: 1 | -1): string {
  return `${VILLAGE_ID(`${prefix}village_code`)}, ${prefix}birth_date - ${EPOCH}, ${prefix}death_date - ${EPOCH}, ${sign}`;
}

async function lockPopulationWrites(client: pg.PoolClient): Promise<void> {
  await client.query('select pg_advisory_xact_lock($1)', [POPULATION_WRITE_LOCK]);
  // The merges group millions of delta rows; enough memory keeps them in hash tables, not on disk.
  await client.query("set local work_mem = '256MB'");
}

const PERSON_FIELDS =
  'name, sex, birth_date, village_code, family_card_number, mother_name, death_date';

export async function createPeopleStaging(client: pg.PoolClient): Promise<void> {
  await client.query(`create temporary table people_staging (
      line integer not null, nik text collate "C" not null, name text not null, sex text not null,
      birth_date date not null, village_code text not null, family_card_number text, mother_name text,
      death_date date) on commit drop`);
}

export async function createImmunizationStaging(client: pg.PoolClient): Promise<void> {
  await client.query(`create temporary table immunization_staging (
      line integer not null, nik text collate "C" not null, vaccine text not null, dose smallint not null,
      date date not null, facility_village_code text) on commit drop`);
}

/**
 * Merges `people_staging` into the register. A NIK repeated in the batch with different data is
 * rejected (the first occurrence wins); an identical repeat counts as unchanged.
 */
export async function mergePeople(
  client: pg.PoolClient,
  options: {
    withLines?: boolean;
    knownUnique?: boolean;
    /**
     * The events of every staged row as new (the importer adds them while streaming, when every
     * NIK is unique): when most staged people are new, only those who existed before are read
     * back, to take away their old version, instead of reading back every new person.
     */
    stagedEvents?: CountEvents;
    /** Called as each step ends, for benchmarks to see where the time goes. */
    onPhase?: (phase: string) => void;
  } = {},
): Promise<MergeResult> {
  await lockPopulationWrites(client);
  if (
    options.stagedEvents &&
    options.knownUnique &&
    !options.withLines &&
    (await mostlyNewPeople(client))
  )
    return mergeUniquePeople(client, options.stagedEvents, options.onPhase);
  // Repeated NIKs are rare: find them with one hash aggregate, then rank only their rows; the
  // importer may already know that there are none.
  const duplicates = options.knownUnique
    ? { rows: [] }
    : await client.query<{
        line: number;
        first_line: number;
        is_same: boolean;
      }>(`
    with repeated as (select nik from people_staging group by nik having count(*) > 1),
    ranked as (
      select s.*, first_value(line) over w as first_line, row_number() over w as position
      from people_staging s join repeated using (nik) window w as (partition by nik order by line))
    select d.line, d.first_line,
           (f.${PERSON_FIELDS.split(', ').join(', f.')}) is not distinct from
           (d.${PERSON_FIELDS.split(', ').join(', d.')}) as is_same
    from ranked d join people_staging f on f.line = d.first_line
    where d.position > 1`);
  if (duplicates.rows.length > 0) {
    await client.query('delete from people_staging where line = any($1::int[])', [
      duplicates.rows.map((d) => d.line),
    ]);
  }
  const staged = await client.query<{ n: number }>('select count(*)::int as n from people_staging');

  // No row locks: every writer of people and immunisations holds the population write lock, so
  // the old versions read below stay current until this transaction ends.
  await client.query(`
    create temporary table people_changes on commit drop as
    select s.line, s.nik, s.${PERSON_FIELDS.split(', ').join(', s.')},
           p.nik is not null as existed,
           p.village_code as old_village_code, p.birth_date as old_birth_date, p.death_date as old_death_date,
           p.nik is not null and (p.village_code, p.birth_date, p.death_date)
             is distinct from (s.village_code, s.birth_date, s.death_date) as is_moved
    from people_staging s left join people p on p.nik = s.nik
    where p.nik is null
       or (p.${PERSON_FIELDS.split(', ').join(', p.')}) is distinct from (s.${PERSON_FIELDS.split(', ').join(', s.')})`);

  const changes = await client.query<{ inserted: number; updated: number; moved: number }>(`
    select count(*) filter (where not existed)::int as inserted, count(*) filter (where existed)::int as updated,
           count(*) filter (where is_moved)::int as moved
    from people_changes`);
  const { inserted = 0, updated = 0, moved = 0 } = changes.rows[0] ?? {};
  options.onPhase?.('changes found');

  const events = new CountEvents();
  await collectPersonVersions(
    client,
    `select ${personVersion('', 1)} from people_changes where not existed or is_moved
     union all
     select ${personVersion('old_', -1)} from people_changes where is_moved`,
    events,
  );
  // A person who moved, was born on another date or died carries their doses along.
  if (moved > 0) {
    await collectDoseVersions(
      client,
      `select ${VILLAGE_ID('c.village_code')}, i.vaccine, i.dose, i.date - ${EPOCH}, c.birth_date - ${EPOCH}, c.death_date - ${EPOCH}, 1
       from people_changes c join immunizations i on i.nik = c.nik and i.dose in (1, 2) where c.is_moved
       union all
       select ${VILLAGE_ID('c.old_village_code')}, i.vaccine, i.dose, i.date - ${EPOCH}, c.old_birth_date - ${EPOCH}, c.old_death_date - ${EPOCH}, -1
       from people_changes c join immunizations i on i.nik = c.nik and i.dose in (1, 2) where c.is_moved`,
      events,
    );
  }
  options.onPhase?.('versions read');
  await applyCountEvents(client, events);
  options.onPhase?.('count series written');

  // New people in NIK order (the primary key is filled left to right), then the changed ones; the
  // write lock keeps anyone else from inserting these NIKs in between.
  if (inserted > 0) {
    await client.query(`
      insert into people (nik, ${PERSON_FIELDS})
      select nik, ${PERSON_FIELDS} from people_changes where not existed order by nik`);
  }
  if (updated > 0) {
    await client.query(`
      update people p set ${PERSON_FIELDS.split(', ')
        .map((f) => `${f} = c.${f}`)
        .join(', ')}, updated_at = now()
      from people_changes c where c.existed and p.nik = c.nik`);
  }
  const identicalRepeats = duplicates.rows.filter((d) => d.is_same).length;
  return {
    ...(options.withLines ? { changedLines: await changedLines(client, 'people_changes') } : {}),
    inserted,
    updated,
    unchanged: (staged.rows[0]?.n ?? 0) - inserted - updated + identicalRepeats,
    rejects: duplicates.rows
      .filter((d) => !d.is_same)
      .map((d) => ({
        line: d.line,
        column: 'nik',
        reason: `this NIK is already on line ${d.first_line} of this file with different data; send one row per person`,
      })),
  };
}

/**
 * Writes the register (`writeRegister`) and the count series for `events`. Up to PLAN_AHEAD_EVENTS,
 * the database writes the register while this thread works out the count rows, each on its own
 * core; beyond, the plan would take too much memory and the two are done one after the other.
 */
async function writeWithCounts<T>(
  client: pg.PoolClient,
  events: CountEvents,
  writeRegister: () => Promise<T>,
  onPhase: (phase: string) => void,
): Promise<T> {
  if (events.size > PLAN_AHEAD_EVENTS) {
    await applyCountEvents(client, events);
    onPhase('count series written');
    const result = await writeRegister();
    onPhase('register written');
    return result;
  }
  const register = writeRegister();
  register.catch(() => undefined); // awaited below
  const plan = await planCountEvents(events);
  const result = await register;
  onPhase('register written');
  await writeCountPlan(client, plan);
  onPhase('count series written');
  return result;
}

/** Up to this many count events are planned (about 25 bytes each) while the register is written. */
const PLAN_AHEAD_EVENTS = 6_000_000;

const PERSON_MOVED =
  '(p.village_code, p.birth_date, p.death_date) is distinct from (s.village_code, s.birth_date, s.death_date)';

/**
 * Whether most staged people are new to the register, judged from a sample. A file of new people is
 * merged faster with the events counted while streaming (mergeUniquePeople); a file of people
 * already registered (a re-import, a monthly full extract) is merged faster by finding the few that
 * changed. Either way the outcome is the same.
 */
async function mostlyNewPeople(client: pg.PoolClient): Promise<boolean> {
  const sample = async (from: string) =>
    (
      await client.query<{ sampled: number; existing: number }>(`
        select count(*)::int as sampled, count(p.nik)::int as existing
        from (select nik from ${from} limit 5000) s left join people p on p.nik = s.nik`)
    ).rows[0] ?? { sampled: 0, existing: 0 };
  // About 1% of the staging table's pages, at random; a small table may give none.
  let counts = await sample('people_staging tablesample system (1)');
  if (counts.sampled === 0) counts = await sample('people_staging');
  return counts.existing * 2 < counts.sampled;
}

/**
 * mergePeople for a file import whose NIKs are all different and whose rows the importer has
 * already counted as new people (`events`): no table of changes is built. Those who existed lose
 * their old version (an unchanged person's two versions cancel out), the doses of those who moved
 * follow them, and the register is updated and then extended in NIK order.
 */
async function mergeUniquePeople(
  client: pg.PoolClient,
  events: CountEvents,
  onPhase: (phase: string) => void = () => undefined,
): Promise<MergeResult> {
  const staged = await client.query<{ n: number }>('select count(*)::int as n from people_staging');
  await collectPersonVersions(
    client,
    `select ${personVersion('p.', -1)} from people p join people_staging s on s.nik = p.nik`,
    events,
  );
  await collectDoseVersions(
    client,
    `select ${VILLAGE_ID('s.village_code')}, i.vaccine, i.dose, i.date - ${EPOCH}, s.birth_date - ${EPOCH}, s.death_date - ${EPOCH}, 1
     from people_staging s join people p on p.nik = s.nik join immunizations i on i.nik = s.nik and i.dose in (1, 2)
     where ${PERSON_MOVED}
     union all
     select ${VILLAGE_ID('p.village_code')}, i.vaccine, i.dose, i.date - ${EPOCH}, p.birth_date - ${EPOCH}, p.death_date - ${EPOCH}, -1
     from people_staging s join people p on p.nik = s.nik join immunizations i on i.nik = s.nik and i.dose in (1, 2)
     where ${PERSON_MOVED}`,
    events,
  );
  onPhase('old versions read');
  const writeRegister = async () => {
    const updated = await client.query(`
      update people p set ${PERSON_FIELDS.split(', ')
        .map((f) => `${f} = s.${f}`)
        .join(', ')}, updated_at = now()
      from people_staging s
      where p.nik = s.nik
        and (p.${PERSON_FIELDS.split(', ').join(', p.')}) is distinct from (s.${PERSON_FIELDS.split(', ').join(', s.')})`);
    const inserted = await client.query(`
      insert into people (nik, ${PERSON_FIELDS})
      select nik, ${PERSON_FIELDS} from people_staging s
      where not exists (select from people p where p.nik = s.nik)
      order by nik`);
    return { inserted: inserted.rowCount ?? 0, updated: updated.rowCount ?? 0 };
  };
  const counts = await writeWithCounts(client, events, writeRegister, onPhase);
  return {
    ...counts,
    unchanged: (staged.rows[0]?.n ?? 0) - counts.inserted - counts.updated,
    rejects: [],
  };
}

/**
 * Merges `immunization_staging`: rows whose NIK is not registered or whose date is before the
 * birth date are rejected; repeats of a (NIK, vaccine, dose) keep the earliest date.
 */
export async function mergeImmunizations(
  client: pg.PoolClient,
  options: { withLines?: boolean; onPhase?: (phase: string) => void } = {},
): Promise<MergeResult> {
  const onPhase = options.onPhase ?? (() => undefined);
  await lockPopulationWrites(client);
  const rejected = await client.query<DatabaseReject>(`
    delete from immunization_staging s
    using (
      select s2.line, p.nik is null as is_unregistered, p.birth_date
      from immunization_staging s2 left join people p on p.nik = s2.nik
      where p.nik is null or s2.date < p.birth_date) as bad
    where s.line = bad.line
    returning s.line,
      case when bad.is_unregistered then 'nik' else 'date' end as column,
      case when bad.is_unregistered
        then 'NIK ' || s.nik || ' is not in the person register; import the person first (npx padu people import)'
        else 'date ' || s.date || ' is before the birth date ' || bad.birth_date || ' of this person' end as reason`);
  const staged = await client.query<{ n: number }>(
    'select count(*)::int as n from immunization_staging',
  );
  onPhase('unregistered NIKs and early dates rejected');

  await client.query(`
    create temporary table immunization_batch on commit drop as
    select distinct on (nik, vaccine, dose) line, nik, vaccine, dose, date, facility_village_code
    from immunization_staging order by nik, vaccine, dose, date, line`);
  await client.query(`
    create temporary table immunization_changes on commit drop as
    select b.*, i.nik is not null as existed, i.date as old_date
    from immunization_batch b left join immunizations i using (nik, vaccine, dose)
    where i.nik is null or b.date < i.date
       or (b.date = i.date and i.facility_village_code is null and b.facility_village_code is not null)`);
  onPhase('changes found');

  const events = new CountEvents();
  await collectDoseVersions(
    client,
    `select ${VILLAGE_ID('p.village_code')}, c.vaccine, c.dose, c.date - ${EPOCH}, p.birth_date - ${EPOCH}, p.death_date - ${EPOCH}, 1
     from immunization_changes c join people p using (nik) where c.dose in (1, 2)
     union all
     select ${VILLAGE_ID('p.village_code')}, c.vaccine, c.dose, c.old_date - ${EPOCH}, p.birth_date - ${EPOCH}, p.death_date - ${EPOCH}, -1
     from immunization_changes c join people p using (nik) where c.existed and c.dose in (1, 2)`,
    events,
  );
  onPhase('versions read');

  const writeRegister = async () => {
    const counts = await client.query<{ inserted: number; updated: number }>(`
      select count(*) filter (where not existed)::int as inserted, count(*) filter (where existed)::int as updated
      from immunization_changes`);
    // As for people: new doses in key order without ON CONFLICT (the write lock holds), then changes.
    await client.query(`
      insert into immunizations (nik, vaccine, dose, date, facility_village_code)
      select nik, vaccine, dose, date, facility_village_code from immunization_changes
      where not existed order by nik, vaccine, dose`);
    await client.query(`
      update immunizations i set date = c.date, facility_village_code = c.facility_village_code, updated_at = now()
      from immunization_changes c
      where c.existed and i.nik = c.nik and i.vaccine = c.vaccine and i.dose = c.dose`);
    return counts;
  };
  const counts = await writeWithCounts(client, events, writeRegister, onPhase);
  const { inserted = 0, updated = 0 } = counts.rows[0] ?? {};
  return {
    ...(options.withLines
      ? { changedLines: await changedLines(client, 'immunization_changes') }
      : {}),
    inserted,
    updated,
    unchanged: (staged.rows[0]?.n ?? 0) - inserted - updated,
    rejects: rejected.rows.sort((a, b) => a.line - b.line),
  };
}

export interface RegionCounts {
  population: number;
  childrenUnder12: number;
  childrenUnder12Vaccinated: number;
  childrenUnder12FullyVaccinated: number;
}

/**
 * Counts on `asOf` for each region code ('' = Indonesia), read from the count series: a handful of
 * primary-key probes per region, independent of how many people live there.
 */
export async function countsByRegion(
  pool: pg.Pool,
  regionCodes: readonly string[],
  asOf: string,
  vaccine: string,
): Promise<Map<string, RegionCounts>> {
  const day = epochDay(asOf);
  const cutoff = childCutoff(day);
  const measures = [
    ['born', day],
    ['born', cutoff],
    ['died', day],
    ['child_death', day],
    [`dose1:${vaccine}`, day],
    [`dose2:${vaccine}`, day],
  ] as const;
  const values = await readSeries(
    pool,
    regionCodes.flatMap((code) => measures.map(([series, at]) => ({ code, series, day: at }))),
  );
  return new Map(
    regionCodes.map((code, r) => {
      const [born = 0, bornBeforeCutoff = 0, died = 0, childDeaths = 0, dose1 = 0, dose2 = 0] =
        values.slice(r * measures.length, (r + 1) * measures.length);
      return [
        code,
        {
          population: born - died,
          childrenUnder12: born - bornBeforeCutoff + childDeaths,
          childrenUnder12Vaccinated: dose1,
          childrenUnder12FullyVaccinated: dose2,
        },
      ];
    }),
  );
}

/** Whether people are registered but no count series exist (after migration 0005). */
export async function countsMissing(pool: pg.Pool): Promise<boolean> {
  const { rows } = await pool.query<{ missing: boolean }>(
    'select exists (select 1 from people) and not exists (select 1 from count_series) as missing',
  );
  return rows[0]?.missing ?? false;
}

/**
 * Rebuilds every count series from the register (after migration 0005, or if they were lost):
 * one pass over people and doses, in one transaction.
 */
export async function rebuildCounts(client: pg.PoolClient): Promise<void> {
  await lockPopulationWrites(client);
  await client.query('delete from count_series');
  const events = new CountEvents();
  await collectPersonVersions(client, `select ${personVersion('', 1)} from people`, events);
  await collectDoseVersions(
    client,
    `select ${VILLAGE_ID('p.village_code')}, i.vaccine, i.dose, i.date - ${EPOCH}, p.birth_date - ${EPOCH}, p.death_date - ${EPOCH}, 1
     from immunizations i join people p using (nik) where i.dose in (1, 2)`,
    events,
  );
  await applyCountEvents(client, events);
}

/**
 * The same counts straight from the register (scanning people), grouped by the region code of the
 * given level (1–4, or 0 for Indonesia). For verification and benchmarks, never for serving.
 */
export async function countDirectly(
  db: Kysely<Database>,
  level: 0 | 1 | 2 | 3 | 4,
  asOf: string,
  vaccine: string,
): Promise<Map<string, RegionCounts>> {
  const width = [0, 2, 5, 8, 13][level] ?? 13;
  const { rows } = await sql<{ region_code: string } & RegionCounts>`
    with alive as (
      select p.nik, left(p.village_code, ${width}) as region_code,
             p.birth_date > (${asOf}::date - interval '12 years')::date as is_child
      from people p
      where p.birth_date <= ${asOf}::date and (p.death_date is null or p.death_date > ${asOf}::date))
    select a.region_code,
           count(*)::int as population,
           count(*) filter (where a.is_child)::int as "childrenUnder12",
           count(*) filter (where a.is_child and exists (
             select 1 from immunizations i where i.nik = a.nik and i.vaccine = ${vaccine} and i.dose = 1 and i.date <= ${asOf}::date
           ))::int as "childrenUnder12Vaccinated",
           count(*) filter (where a.is_child and exists (
             select 1 from immunizations i where i.nik = a.nik and i.vaccine = ${vaccine} and i.dose = 2 and i.date <= ${asOf}::date
           ))::int as "childrenUnder12FullyVaccinated"
    from alive a group by a.region_code`.execute(db);
  return new Map(rows.map(({ region_code, ...counts }) => [region_code, counts]));
}
