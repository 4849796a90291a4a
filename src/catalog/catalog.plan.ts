import type pg from 'pg';
import { auditInTransaction, inTransaction } from '../platform/db/transaction.ts';

/**
 * The rationalisation plan: "27,400 -> 50". Each application gets a TIME decision (Gartner:
 * Tolerate, Invest, Migrate to a shared national application, Eliminate), a deadline, and the day
 * its migration or elimination was completed. Progress is counted nationally, per agency and per
 * function; the yearly cost saved is the annual cost of applications migrated or eliminated.
 */

export type TimeDecision = 'tolerate' | 'invest' | 'migrate' | 'eliminate';
export const TIME_DECISIONS: readonly TimeDecision[] = [
  'tolerate',
  'invest',
  'migrate',
  'eliminate',
];

export interface PlanEntry {
  applicationId: number;
  decision: TimeDecision;
  targetSharedApplication: string | null;
  deadline: string | null;
  completedOn: string | null;
  note: string | null;
}

export type ProgressScope = 'national' | 'agency' | 'function';

export interface PlanProgress {
  /** national: 'ID'; agency: its code; function: its code ('' for applications with none). */
  key: string;
  name: string;
  applications: number;
  /** Not yet migrated or retired. */
  remaining: number;
  migrated: number;
  retired: number;
  planned: Record<TimeDecision, number>;
  unplanned: number;
  /** Planned to migrate or be eliminated, not done yet. */
  pending: number;
  /** Past their deadline and not completed. */
  overdue: number;
  /** Applications left when the plan is done: those kept plus the shared applications targeted. */
  targetApplications: number;
  annualCost: number;
  /** Annual cost of applications migrated or retired so far (rupiah per year). */
  costSaved: number;
  /** Annual cost of applications planned to migrate or be eliminated. */
  costSavedWhenDone: number;
}

/** Sets an application's plan entry (insert or replace); completing it retires the application. */
export async function upsertPlanEntry(
  pool: pg.Pool,
  entry: PlanEntry,
  actor: string,
): Promise<void> {
  return inTransaction(pool, async (client) => {
    await client.query(
      `insert into rationalisation_plan as p
         (application_id, decision, target_shared_application_code, deadline, completed_on, note, updated_by)
       values ($1, $2, $3, $4, $5, $6, $7)
       on conflict (application_id) do update set
         decision = excluded.decision, target_shared_application_code = excluded.target_shared_application_code,
         deadline = excluded.deadline, completed_on = excluded.completed_on, note = excluded.note,
         updated_by = excluded.updated_by, updated_at = now()`,
      [
        entry.applicationId,
        entry.decision,
        entry.targetSharedApplication,
        entry.deadline,
        entry.completedOn,
        entry.note,
        actor,
      ],
    );
    if (entry.completedOn !== null)
      await client.query(
        "update applications set status = 'retired', updated_at = now() where id = $1 and status <> 'retired'",
        [entry.applicationId],
      );
    await auditInTransaction(
      client,
      actor,
      'catalog.plan.set',
      `application:${entry.applicationId}`,
      entry,
    );
  });
}

/**
 * Drafts plan entries for applications that have none, from their clusters: migrate to the
 * cluster's shared application where one exists (by `deadline`), otherwise tolerate. Officials
 * then change what they disagree with. Returns how many entries were drafted.
 */
export async function draftPlan(pool: pg.Pool, deadline: string, actor: string): Promise<number> {
  const { rowCount } = await pool.query(
    `insert into rationalisation_plan
       (application_id, decision, target_shared_application_code, deadline, note, updated_by)
     select a.id,
            case when c.shared_application_code is null then 'tolerate' else 'migrate' end,
            c.shared_application_code,
            case when c.shared_application_code is null then null else $1::date end,
            'drafted from the clusters', $2
     from applications a left join application_clusters c on c.application_id = a.id
     where a.status <> 'retired'
       and not exists (select 1 from rationalisation_plan p where p.application_id = a.id)`,
    [deadline, actor],
  );
  return rowCount ?? 0;
}

/** Progress of the plan at one scope, largest groups first. */
export async function planProgress(
  pool: pg.Pool,
  scope: ProgressScope,
  today: string,
): Promise<PlanProgress[]> {
  const key =
    scope === 'national'
      ? "'ID'"
      : scope === 'agency'
        ? 'a.agency_code'
        : "coalesce(a.function_code, '')";
  const name =
    scope === 'national'
      ? "'Indonesia'"
      : scope === 'agency'
        ? 'min(g.name)'
        : "coalesce(min(f.name), 'Tanpa fungsi')";
  const { rows } = await pool.query<{
    key: string;
    name: string;
    applications: number;
    migrated: number;
    retired: number;
    tolerate: number;
    invest: number;
    migrate: number;
    eliminate: number;
    unplanned: number;
    pending: number;
    overdue: number;
    kept: number;
    targets: number;
    annual_cost: number;
    cost_saved: number;
    cost_saved_when_done: number;
  }>(
    `with x as (
       select a.*, c.function_code, p.decision, p.target_shared_application_code as target,
              p.deadline, p.completed_on,
              coalesce(p.decision = 'migrate' and p.completed_on is not null, false) as is_migrated,
              a.status = 'retired'
                and not coalesce(p.decision = 'migrate' and p.completed_on is not null, false) as is_retired
       from applications a
         left join application_clusters c on c.application_id = a.id
         left join rationalisation_plan p on p.application_id = a.id
     )
     select ${key} as key, ${name} as name,
       count(*)::int as applications,
       count(*) filter (where is_migrated)::int as migrated,
       count(*) filter (where is_retired)::int as retired,
       count(*) filter (where decision = 'tolerate')::int as tolerate,
       count(*) filter (where decision = 'invest')::int as invest,
       count(*) filter (where decision = 'migrate')::int as migrate,
       count(*) filter (where decision = 'eliminate')::int as eliminate,
       count(*) filter (where decision is null and status <> 'retired')::int as unplanned,
       count(*) filter (where decision in ('migrate', 'eliminate') and not is_migrated and not is_retired)::int
         as pending,
       count(*) filter (where deadline < $1::date and completed_on is null
                          and decision in ('migrate', 'eliminate'))::int as overdue,
       count(*) filter (where not is_migrated and not is_retired
                          and (decision is null or decision in ('tolerate', 'invest')))::int as kept,
       count(distinct target) filter (where decision = 'migrate')::int as targets,
       coalesce(sum(annual_cost), 0)::float8 as annual_cost,
       coalesce(sum(annual_cost) filter (where is_migrated or is_retired), 0)::float8 as cost_saved,
       coalesce(sum(annual_cost) filter (where is_migrated or is_retired
                                           or decision in ('migrate', 'eliminate')), 0)::float8
         as cost_saved_when_done
     from x a
       join agencies g on g.code = a.agency_code
       left join government_functions f on f.code = a.function_code
     group by 1
     order by count(*) desc, 1`,
    [today],
  );
  return rows.map((r) => ({
    key: r.key,
    name: r.name,
    applications: r.applications,
    remaining: r.applications - r.migrated - r.retired,
    migrated: r.migrated,
    retired: r.retired,
    planned: { tolerate: r.tolerate, invest: r.invest, migrate: r.migrate, eliminate: r.eliminate },
    unplanned: r.unplanned,
    pending: r.pending,
    overdue: r.overdue,
    targetApplications: r.kept + r.targets,
    annualCost: r.annual_cost,
    costSaved: r.cost_saved,
    costSavedWhenDone: r.cost_saved_when_done,
  }));
}

export interface PlanExportRow {
  externalId: string;
  name: string;
  agencyCode: string;
  agencyName: string;
  functionCode: string;
  clusterId: string;
  status: string;
  decision: string;
  targetSharedApplication: string;
  deadline: string;
  completedOn: string;
  annualCost: number | null;
  note: string;
}

export const PLAN_EXPORT_COLUMNS = [
  'external_id',
  'name',
  'agency_code',
  'agency',
  'function',
  'cluster_id',
  'status',
  'decision',
  'target_shared_application',
  'deadline',
  'completed_on',
  'annual_cost',
  'note',
] as const;

/** Every application with its plan entry, for CSV and XLSX export. */
export async function planExportRows(pool: pg.Pool): Promise<PlanExportRow[]> {
  const { rows } = await pool.query<{
    source_id: string;
    name: string;
    agency_code: string;
    agency_name: string;
    function_code: string | null;
    cluster_id: string | null;
    status: string;
    decision: string | null;
    target: string | null;
    deadline: string | null;
    completed_on: string | null;
    annual_cost: number | null;
    note: string | null;
  }>(`
    select a.source_id, a.name, a.agency_code, g.name as agency_name, c.function_code, c.cluster_id,
           a.status, p.decision, p.target_shared_application_code as target, p.deadline, p.completed_on,
           a.annual_cost, p.note
    from applications a
      join agencies g on g.code = a.agency_code
      left join application_clusters c on c.application_id = a.id
      left join rationalisation_plan p on p.application_id = a.id
    order by a.agency_code, a.name, a.id`);
  return rows.map((r) => ({
    externalId: r.source_id,
    name: r.name,
    agencyCode: r.agency_code,
    agencyName: r.agency_name,
    functionCode: r.function_code ?? '',
    clusterId: r.cluster_id ?? '',
    status: r.status,
    decision: r.decision ?? '',
    targetSharedApplication: r.target ?? '',
    deadline: r.deadline ?? '',
    completedOn: r.completed_on ?? '',
    annualCost: r.annual_cost,
    note: r.note ?? '',
  }));
}

export function planExportValues(row: PlanExportRow): (string | number)[] {
  return [
    row.externalId,
    row.name,
    row.agencyCode,
    row.agencyName,
    row.functionCode,
    row.clusterId,
    row.status,
    row.decision,
    row.targetSharedApplication,
    row.deadline,
    row.completedOn,
    row.annualCost ?? '',
    row.note,
  ];
}
