import type pg from 'pg';
import { auditInTransaction, inTransaction } from '../platform/db/transaction.ts';
import { copyRows } from '../platform/db/copy.ts';
import type {
  Assignment,
  ClusterApplication,
  ClusterDecision,
  DecisionKind,
  Evidence,
} from './clustering.ts';
import type { GovernmentFunctionSeed, SharedApplicationSeed } from './taxonomy.data.ts';

/** SQL of the catalog module (the import's merge lives with the import, in catalog.import.ts). */

/**
 * Adds the reference functions and shared applications that are missing and refreshes those that
 * differ from the seed data, except rows that admins edited (`edited`): the taxonomy is data that
 * admins edit, and a start-up must not undo an edit. A function the seed data no longer holds (its
 * applications now belong to another, as parking's to levies) is removed, unless an admin edited
 * it or an official decided on it. Returns how many rows were added, refreshed or removed.
 */
export async function seedTaxonomy(
  pool: pg.Pool,
  shared: readonly SharedApplicationSeed[],
  functions: readonly GovernmentFunctionSeed[],
): Promise<{ sharedApplications: number; functions: number }> {
  return inTransaction(pool, async (client) => {
    // Owners that the agency seed lacks are left empty rather than failing the start-up.
    const owners = new Set(
      (
        await client.query<{ code: string }>('select code from agencies where code = any($1)', [
          shared.map((s) => s.ownerAgencyCode).filter((c) => c !== null),
        ])
      ).rows.map((r) => r.code),
    );
    const addedShared = await client.query(
      `insert into shared_applications (code, name, full_name, description_en, owner_agency_code)
       select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
       on conflict (code) do update set
         name = excluded.name, full_name = excluded.full_name, description_en = excluded.description_en,
         owner_agency_code = excluded.owner_agency_code, updated_at = now()
       where not shared_applications.edited
         and (shared_applications.name, shared_applications.full_name, shared_applications.description_en,
              shared_applications.owner_agency_code)
           is distinct from (excluded.name, excluded.full_name, excluded.description_en, excluded.owner_agency_code)`,
      [
        shared.map((s) => s.code),
        shared.map((s) => s.name),
        shared.map((s) => s.fullName),
        shared.map((s) => s.descriptionEn),
        shared.map((s) =>
          s.ownerAgencyCode !== null && owners.has(s.ownerAgencyCode) ? s.ownerAgencyCode : null,
        ),
      ],
    );
    const addedFunctions = await client.query(
      `insert into government_functions (code, name, name_en, shared_application_code, keywords)
       select f.code, f.name, f.name_en, f.shared, string_to_array(f.keywords, '|')
       from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
         as f (code, name, name_en, shared, keywords)
       on conflict (code) do update set
         name = excluded.name, name_en = excluded.name_en,
         shared_application_code = excluded.shared_application_code, keywords = excluded.keywords,
         updated_at = now()
       where not government_functions.edited
         and (government_functions.name, government_functions.name_en,
              government_functions.shared_application_code, government_functions.keywords)
           is distinct from (excluded.name, excluded.name_en, excluded.shared_application_code, excluded.keywords)`,
      [
        functions.map((f) => f.code),
        functions.map((f) => f.name),
        functions.map((f) => f.nameEn),
        functions.map((f) => f.sharedApplication),
        functions.map((f) => f.keywords.join('|')),
      ],
    );
    const retired = await client.query(
      `delete from government_functions f
       where not f.edited and f.code <> all($1::text[])
         and not exists (select 1 from catalog_decisions d where d.function_code = f.code)`,
      [functions.map((f) => f.code)],
    );
    return {
      sharedApplications: addedShared.rowCount ?? 0,
      functions: (addedFunctions.rowCount ?? 0) + (retired.rowCount ?? 0),
    };
  });
}

export interface GovernmentFunctionRow {
  code: string;
  name: string;
  nameEn: string;
  sharedApplication: { code: string; name: string } | null;
  keywords: string[];
}

export async function listFunctions(pool: pg.Pool): Promise<GovernmentFunctionRow[]> {
  const { rows } = await pool.query<{
    code: string;
    name: string;
    name_en: string;
    shared_code: string | null;
    shared_name: string | null;
    keywords: string[];
  }>(`
    select f.code, f.name, f.name_en, s.code as shared_code, s.name as shared_name, f.keywords
    from government_functions f left join shared_applications s on s.code = f.shared_application_code
    order by f.name`);
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    nameEn: r.name_en,
    sharedApplication:
      r.shared_code === null ? null : { code: r.shared_code, name: r.shared_name ?? '' },
    keywords: r.keywords,
  }));
}

/** The inventory as the clustering reads it: every application with its agency's name. */
export async function loadClusterApplications(pool: pg.Pool): Promise<ClusterApplication[]> {
  const { rows } = await pool.query<{
    id: string;
    name: string;
    acronym: string | null;
    description: string | null;
    unit: string | null;
    agency_name: string;
    agency_level: string;
  }>(`
    select a.id, a.name, a.acronym, a.description, a.unit, g.name as agency_name,
      g.level as agency_level
    from applications a join agencies g on g.code = a.agency_code
    order by a.id`);
  return rows.map((r) => ({
    id: Number(r.id),
    name: r.name,
    acronym: r.acronym,
    description: r.description,
    unit: r.unit,
    agencyName: r.agency_name,
    central: r.agency_level === 'pusat',
  }));
}

/** The decision in force on each application: its latest, unless that was a reset. */
export async function loadDecisions(pool: pg.Pool): Promise<ClusterDecision[]> {
  const { rows } = await pool.query<{
    application_id: string;
    kind: DecisionKind | 'reset';
    function_code: string | null;
    split_group: string | null;
  }>(`
    select * from (
      select distinct on (application_id) application_id, kind, function_code, split_group
      from catalog_decisions order by application_id, id desc
    ) latest where kind <> 'reset'`);
  return rows.flatMap((r) =>
    r.kind === 'reset'
      ? []
      : [
          {
            applicationId: Number(r.application_id),
            kind: r.kind,
            functionCode: r.function_code,
            group: r.split_group,
          },
        ],
  );
}

export interface RunSummary {
  seconds: number;
  applications: number;
  clusters: number;
  byFunction: number;
  bySimilarity: number;
  decided: number;
  triggeredBy: string;
}

/**
 * Stores a clustering run: the run row and, in the same transaction, the applications' new
 * assignments. Only rows that differ are updated, so that a re-run after one decision is cheap.
 */
export async function saveClusteringRun(
  pool: pg.Pool,
  run: RunSummary,
  assignments: readonly Assignment[],
  /** false: `assignments` holds only the rows that changed since the previous run. */
  complete = true,
): Promise<number> {
  return inTransaction(pool, async (client) => {
    const { rows } = await client.query<{ id: string }>(
      `insert into clustering_runs (seconds, applications, clusters, by_function, by_similarity, decided, triggered_by)
       values ($1, $2, $3, $4, $5, $6, $7) returning id`,
      [
        run.seconds,
        run.applications,
        run.clusters,
        run.byFunction,
        run.bySimilarity,
        run.decided,
        run.triggeredBy,
      ],
    );
    const runId = Number(rows[0]?.id);
    await client.query(
      `create temporary table clusters_stage (
         application_id bigint, cluster_id text, function_code text, shared_application_code text,
         confidence real, decided boolean, evidence jsonb) on commit drop`,
    );
    await copyRows(
      client,
      'clusters_stage',
      [
        'application_id',
        'cluster_id',
        'function_code',
        'shared_application_code',
        'confidence',
        'decided',
        'evidence',
      ],
      assignments.map((a) => [
        a.applicationId,
        a.clusterId,
        a.functionCode,
        a.sharedApplication,
        a.confidence,
        a.decided,
        JSON.stringify(a.evidence),
      ]),
    );
    if (complete)
      await client.query(
        `delete from application_clusters c
         where not exists (select 1 from clusters_stage s where s.application_id = c.application_id)`,
      );
    await client.query(
      `insert into application_clusters as c
         (application_id, cluster_id, function_code, shared_application_code, confidence, decided, evidence, run_id)
       select s.application_id, s.cluster_id, s.function_code, s.shared_application_code, s.confidence,
              s.decided, s.evidence, $1
       from clusters_stage s join applications a on a.id = s.application_id
       on conflict (application_id) do update set
         cluster_id = excluded.cluster_id, function_code = excluded.function_code,
         shared_application_code = excluded.shared_application_code, confidence = excluded.confidence,
         decided = excluded.decided, evidence = excluded.evidence, run_id = excluded.run_id
       where (c.cluster_id, c.function_code, c.shared_application_code, c.confidence, c.decided, c.evidence)
         is distinct from
         (excluded.cluster_id, excluded.function_code, excluded.shared_application_code,
          excluded.confidence, excluded.decided, excluded.evidence)`,
      [runId],
    );
    return runId;
  });
}

/** Applications that have no assignment yet (imported after the last run). */
export async function countUnclustered(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(
    `select count(*)::int as n from applications a
     where not exists (select 1 from application_clusters c where c.application_id = a.id)`,
  );
  return rows[0]?.n ?? 0;
}

export interface ClusterExportRow {
  externalId: string;
  clusterId: string;
  functionCode: string | null;
  sharedApplication: string | null;
  confidence: number;
}

/** Every application's cluster, in inventory order, for `padu catalog export-clusters`. */
export async function* streamClusterExport(pool: pg.Pool): AsyncGenerator<ClusterExportRow> {
  const { rows } = await pool.query<{
    source_id: string;
    cluster_id: string;
    function_code: string | null;
    shared_application_code: string | null;
    confidence: number;
  }>(`
    select a.source_id, c.cluster_id, c.function_code, c.shared_application_code, c.confidence
    from applications a join application_clusters c on c.application_id = a.id
    order by a.id`);
  for (const r of rows)
    yield {
      externalId: r.source_id,
      clusterId: r.cluster_id,
      functionCode: r.function_code,
      sharedApplication: r.shared_application_code,
      confidence: r.confidence,
    };
}

export interface ClusterSummaryRow {
  clusterId: string;
  functionCode: string | null;
  functionName: string | null;
  sharedApplication: string | null;
  applications: number;
  agencies: number;
  decided: number;
  meanConfidence: number;
  annualCost: number;
}

/** Clusters, largest first. */
export async function listClusterSummaries(pool: pg.Pool): Promise<ClusterSummaryRow[]> {
  const { rows } = await pool.query<{
    cluster_id: string;
    function_code: string | null;
    function_name: string | null;
    shared_name: string | null;
    applications: number;
    agencies: number;
    decided: number;
    mean_confidence: number;
    annual_cost: string;
  }>(`
    select c.cluster_id, min(c.function_code) as function_code, min(f.name) as function_name,
           min(s.name) as shared_name, count(*)::int as applications,
           count(distinct a.agency_code)::int as agencies, count(*) filter (where c.decided)::int as decided,
           avg(c.confidence)::float8 as mean_confidence, coalesce(sum(a.annual_cost), 0)::text as annual_cost
    from application_clusters c
      join applications a on a.id = c.application_id
      left join government_functions f on f.code = c.function_code
      left join shared_applications s on s.code = c.shared_application_code
    group by c.cluster_id
    order by count(*) desc, c.cluster_id`);
  return rows.map((r) => ({
    clusterId: r.cluster_id,
    functionCode: r.function_code,
    functionName: r.function_name,
    sharedApplication: r.shared_name,
    applications: r.applications,
    agencies: r.agencies,
    decided: r.decided,
    meanConfidence: r.mean_confidence,
    annualCost: Number(r.annual_cost),
  }));
}

/** Records officials' decisions on applications (one row each), with the audit entry. */
export async function insertDecisions(
  pool: pg.Pool,
  decision: {
    applicationIds: readonly number[];
    kind: DecisionKind | 'reset';
    functionCode: string | null;
    splitGroup: string | null;
    note: string | null;
    actor: string;
  },
): Promise<{ missing: number[] }> {
  return inTransaction(pool, async (client) => {
    const { rows } = await client.query<{ id: string }>(
      'select id from applications where id = any($1::bigint[])',
      [decision.applicationIds],
    );
    const found = new Set(rows.map((r) => Number(r.id)));
    const missing = decision.applicationIds.filter((id) => !found.has(id));
    if (missing.length > 0) {
      return { missing };
    }
    await client.query(
      `insert into catalog_decisions (application_id, kind, function_code, split_group, note, decided_by)
       select unnest($1::bigint[]), $2, $3, $4, $5, $6`,
      [
        decision.applicationIds,
        decision.kind,
        decision.functionCode,
        decision.splitGroup,
        decision.note,
        decision.actor,
      ],
    );
    await auditInTransaction(
      client,
      decision.actor,
      `catalog.decision.${decision.kind}`,
      decision.applicationIds.length === 1 ? `application:${decision.applicationIds[0]}` : null,
      {
        applicationIds: decision.applicationIds,
        functionCode: decision.functionCode,
        splitGroup: decision.splitGroup,
        note: decision.note,
      },
    );
    return { missing: [] };
  });
}

export interface ApplicationListQuery {
  search?: string | undefined;
  agencyCode?: string | undefined;
  functionCode?: string | undefined;
  clusterId?: string | undefined;
  status?: 'active' | 'development' | 'retired' | undefined;
  limit: number;
  offset: number;
}

export interface ApplicationListItem {
  id: number;
  sourceId: string;
  name: string;
  acronym: string | null;
  description: string | null;
  agencyCode: string;
  agencyName: string;
  unit: string | null;
  status: 'active' | 'development' | 'retired';
  annualCost: number | null;
  clusterId: string | null;
  functionCode: string | null;
  sharedApplication: string | null;
  confidence: number | null;
  decided: boolean;
}

interface ApplicationRowSql {
  id: string;
  source_id: string;
  name: string;
  acronym: string | null;
  description: string | null;
  agency_code: string;
  agency_name: string;
  unit: string | null;
  status: 'active' | 'development' | 'retired';
  annual_cost: string | null;
  cluster_id: string | null;
  function_code: string | null;
  shared_application_code: string | null;
  confidence: number | null;
  decided: boolean | null;
}

function presentApplication(r: ApplicationRowSql): ApplicationListItem {
  return {
    id: Number(r.id),
    sourceId: r.source_id,
    name: r.name,
    acronym: r.acronym,
    description: r.description,
    agencyCode: r.agency_code,
    agencyName: r.agency_name,
    unit: r.unit,
    status: r.status,
    annualCost: r.annual_cost === null ? null : Number(r.annual_cost),
    clusterId: r.cluster_id,
    functionCode: r.function_code,
    sharedApplication: r.shared_application_code,
    confidence: r.confidence,
    decided: r.decided ?? false,
  };
}

const APPLICATION_COLUMNS = `
  a.id, a.source_id, a.name, a.acronym, a.description, a.agency_code, g.name as agency_name,
  a.unit, a.status, a.annual_cost::text as annual_cost, c.cluster_id, c.function_code,
  c.shared_application_code, c.confidence, c.decided`;
const APPLICATION_FROM = `
  from applications a
    join agencies g on g.code = a.agency_code
    left join application_clusters c on c.application_id = a.id`;

/** The inventory, filtered; search looks in the name, acronym and description. */
export async function listApplications(
  pool: pg.Pool,
  query: ApplicationListQuery,
): Promise<{ items: ApplicationListItem[]; total: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (query.search !== undefined)
    add(
      "(a.name || ' ' || coalesce(a.acronym, '') || ' ' || coalesce(a.description, '')) ilike ?",
      `%${query.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
    );
  if (query.agencyCode !== undefined) add('a.agency_code = ?', query.agencyCode);
  if (query.functionCode !== undefined) add('c.function_code = ?', query.functionCode);
  if (query.clusterId !== undefined) add('c.cluster_id = ?', query.clusterId);
  if (query.status !== undefined) add('a.status = ?', query.status);
  const filter = where.length === 0 ? '' : `where ${where.join(' and ')}`;
  const total = await pool.query<{ n: number }>(
    `select count(*)::int as n from applications a
       left join application_clusters c on c.application_id = a.id ${filter}`,
    params,
  );
  const { rows } = await pool.query<ApplicationRowSql>(
    `select ${APPLICATION_COLUMNS} ${APPLICATION_FROM} ${filter}
     order by a.name, a.id limit $${params.length + 1} offset $${params.length + 2}`,
    [...params, query.limit, query.offset],
  );
  return { items: rows.map(presentApplication), total: total.rows[0]?.n ?? 0 };
}

export interface ApplicationDetail extends ApplicationListItem {
  users: string | null;
  hosting: string | null;
  technology: string | null;
  personalData: boolean | null;
  evidence: Evidence | null;
  decisions: {
    kind: string;
    functionCode: string | null;
    note: string | null;
    decidedBy: string;
    decidedAt: string;
  }[];
  /** The rationalisation plan entry, if any. */
  plan: {
    decision: 'tolerate' | 'invest' | 'migrate' | 'eliminate';
    targetSharedApplication: string | null;
    deadline: string | null;
    completedOn: string | null;
    note: string | null;
    updatedBy: string;
    updatedAt: string;
  } | null;
}

export async function getApplication(
  pool: pg.Pool,
  id: number,
): Promise<ApplicationDetail | undefined> {
  const { rows } = await pool.query<
    ApplicationRowSql & {
      users: string | null;
      hosting: string | null;
      technology: string | null;
      personal_data: boolean | null;
      evidence: Evidence | null;
    }
  >(
    `select ${APPLICATION_COLUMNS}, a.users, a.hosting, a.technology, a.personal_data, c.evidence
     ${APPLICATION_FROM} where a.id = $1`,
    [id],
  );
  const r = rows[0];
  if (r === undefined) return undefined;
  const decisions = await pool.query<{
    kind: string;
    function_code: string | null;
    note: string | null;
    decided_by: string;
    decided_at: Date;
  }>(
    `select kind, function_code, note, decided_by, decided_at from catalog_decisions
     where application_id = $1 order by id desc`,
    [id],
  );
  const plan = await pool.query<{
    decision: 'tolerate' | 'invest' | 'migrate' | 'eliminate';
    target_shared_application_code: string | null;
    deadline: string | null;
    completed_on: string | null;
    note: string | null;
    updated_by: string;
    updated_at: Date;
  }>('select * from rationalisation_plan where application_id = $1', [id]);
  const p = plan.rows[0];
  return {
    ...presentApplication(r),
    users: r.users,
    hosting: r.hosting,
    technology: r.technology,
    personalData: r.personal_data,
    evidence: r.evidence ?? null,
    decisions: decisions.rows.map((d) => ({
      kind: d.kind,
      functionCode: d.function_code,
      note: d.note,
      decidedBy: d.decided_by,
      decidedAt: d.decided_at.toISOString(),
    })),
    plan:
      p === undefined
        ? null
        : {
            decision: p.decision,
            targetSharedApplication: p.target_shared_application_code,
            deadline: p.deadline,
            completedOn: p.completed_on,
            note: p.note,
            updatedBy: p.updated_by,
            updatedAt: p.updated_at.toISOString(),
          },
  };
}

export async function listSharedApplicationCodes(pool: pg.Pool): Promise<string[]> {
  const { rows } = await pool.query<{ code: string }>(
    'select code from shared_applications order by code',
  );
  return rows.map((r) => r.code);
}

/**
 * A fingerprint of what the clustering reads besides the decisions (the inventory, the taxonomy,
 * the agencies' names), and the latest run: a cached preparation is valid while both are unchanged.
 */
export async function clusteringInputState(
  pool: pg.Pool,
): Promise<{ inputKey: string; latestRunId: number }> {
  const { rows } = await pool.query<{ key: string; run: number | null }>(`
    select concat_ws('|',
      (select concat(count(*), ':', max(id), ':', max(updated_at)) from applications),
      (select concat(count(*), ':', max(updated_at)) from government_functions),
      (select md5(coalesce(string_agg(code || '=' || name, ',' order by code), '')) from agencies)
    ) as key,
    (select max(id) from clustering_runs)::int as run`);
  return { inputKey: rows[0]?.key ?? '', latestRunId: rows[0]?.run ?? 0 };
}

export interface ApplicationPatch {
  name?: string;
  acronym?: string | null;
  description?: string | null;
  unit?: string | null;
  status?: 'active' | 'development' | 'retired';
  users?: string | null;
  hosting?: string | null;
  technology?: string | null;
  personalData?: boolean | null;
  annualCost?: number | null;
}

const PATCH_COLUMNS: Record<keyof ApplicationPatch, string> = {
  name: 'name',
  acronym: 'acronym',
  description: 'description',
  unit: 'unit',
  status: 'status',
  users: 'users',
  hosting: 'hosting',
  technology: 'technology',
  personalData: 'personal_data',
  annualCost: 'annual_cost',
};

/** Changes an application's own fields, with the audit entry, in one transaction. */
export async function updateApplication(
  pool: pg.Pool,
  id: number,
  patch: ApplicationPatch,
  actor: string,
): Promise<void> {
  const entries = (Object.keys(PATCH_COLUMNS) as (keyof ApplicationPatch)[]).filter(
    (key) => patch[key] !== undefined,
  );
  if (entries.length === 0) return;
  return inTransaction(pool, async (client) => {
    await client.query(
      `update applications set ${entries.map((key, i) => `${PATCH_COLUMNS[key]} = $${i + 2}`).join(', ')},
         updated_at = now()
       where id = $1`,
      [id, ...entries.map((key) => patch[key])],
    );
    await auditInTransaction(
      client,
      actor,
      'catalog.application.update',
      `application:${id}`,
      patch,
    );
  });
}

export interface FunctionInput {
  name: string;
  nameEn: string;
  sharedApplication: string | null;
  keywords: string[];
}

/**
 * Adds or changes a government function as an admin edits it: marked `edited`, so that the seed
 * data no longer refreshes it. Returns whether it was new.
 */
export async function upsertFunction(
  pool: pg.Pool,
  code: string,
  input: FunctionInput,
  actor: string,
): Promise<boolean> {
  return inTransaction(pool, async (client) => {
    const { rows } = await client.query<{ inserted: boolean }>(
      `insert into government_functions as f (code, name, name_en, shared_application_code, keywords, edited)
       values ($1, $2, $3, $4, $5, true)
       on conflict (code) do update set
         name = excluded.name, name_en = excluded.name_en,
         shared_application_code = excluded.shared_application_code, keywords = excluded.keywords,
         edited = true, updated_at = now()
       returning (xmax = 0) as inserted`,
      [code, input.name, input.nameEn, input.sharedApplication, input.keywords],
    );
    await auditInTransaction(client, actor, 'catalog.function.set', `function:${code}`, input);
    return rows[0]?.inserted ?? false;
  });
}

/** Adds one application to an agency's inventory; undefined if (agency, source id) is taken. */
export async function insertApplication(
  pool: pg.Pool,
  agencyCode: string,
  sourceId: string,
  fields: ApplicationPatch & { name: string },
  actor: string,
): Promise<number | undefined> {
  return inTransaction(pool, async (client) => {
    const { rows } = await client.query<{ id: string }>(
      `insert into applications (agency_code, source_id, name, acronym, description, unit, status, users,
         hosting, technology, personal_data, annual_cost)
       values ($1, $2, $3, $4, $5, $6, coalesce($7, 'active'), $8, $9, $10, $11, $12)
       on conflict (agency_code, source_id) do nothing
       returning id`,
      [
        agencyCode,
        sourceId,
        fields.name,
        fields.acronym ?? null,
        fields.description ?? null,
        fields.unit ?? null,
        fields.status ?? null,
        fields.users ?? null,
        fields.hosting ?? null,
        fields.technology ?? null,
        fields.personalData ?? null,
        fields.annualCost ?? null,
      ],
    );
    const id = rows[0] === undefined ? undefined : Number(rows[0].id);
    if (id !== undefined)
      await auditInTransaction(client, actor, 'catalog.application.create', `application:${id}`, {
        agencyCode,
        sourceId,
        ...fields,
      });
    return id;
  });
}

/** Adds or changes a shared national application (admins); marked `edited`. Returns whether new. */
export async function upsertSharedApplication(
  pool: pg.Pool,
  code: string,
  input: { name: string; fullName: string; descriptionEn: string; ownerAgencyCode: string | null },
  actor: string,
): Promise<boolean> {
  return inTransaction(pool, async (client) => {
    const { rows } = await client.query<{ inserted: boolean }>(
      `insert into shared_applications (code, name, full_name, description_en, owner_agency_code, edited)
       values ($1, $2, $3, $4, $5, true)
       on conflict (code) do update set
         name = excluded.name, full_name = excluded.full_name, description_en = excluded.description_en,
         owner_agency_code = excluded.owner_agency_code, edited = true, updated_at = now()
       returning (xmax = 0) as inserted`,
      [code, input.name, input.fullName, input.descriptionEn, input.ownerAgencyCode],
    );
    await auditInTransaction(
      client,
      actor,
      'catalog.shared_application.set',
      `shared_application:${code}`,
      input,
    );
    return rows[0]?.inserted ?? false;
  });
}
