import fs from 'node:fs';
import { finished } from 'node:stream/promises';
import type pg from 'pg';
import type { AgenciesService } from '../agencies/agencies.service.ts';
import { toCsvLine } from '../platform/csv.ts';
import { AppError } from '../platform/http/errors.ts';
import { isSlug } from '../platform/text.ts';
import { todayInIndonesia } from '../platform/dates.ts';
import { isXlsxFile, writeXlsx, xlsxBytes } from '../platform/xlsx.ts';

const PLAN_SHEET = 'Rencana rasionalisasi';
import { AgencyResolver } from './agency-resolver.ts';
import {
  draftPlan,
  PLAN_EXPORT_COLUMNS,
  planExportRows,
  planExportValues,
  planProgress,
  upsertPlanEntry,
  type PlanEntry,
  type PlanProgress,
  type ProgressScope,
} from './catalog.plan.ts';
import {
  clusteringInputState,
  countUnclustered,
  getApplication,
  listApplications,
  type ApplicationDetail,
  type ApplicationListItem,
  type ApplicationListQuery,
  type ApplicationPatch,
  type FunctionInput,
  insertApplication,
  upsertFunction,
  upsertSharedApplication,
  updateApplication,
  insertDecisions,
  listClusterSummaries,
  listSharedApplicationCodes,
  listFunctions,
  loadClusterApplications,
  loadDecisions,
  saveClusteringRun,
  seedTaxonomy,
  streamClusterExport,
  type ClusterSummaryRow,
  type GovernmentFunctionRow,
  type RunSummary,
} from './catalog.repository.ts';
import {
  assignClusters,
  sameAssignment,
  type Assignment,
  prepareInventory,
  type DecisionKind,
  type PreparedInventory,
} from './clustering.ts';
import { GOVERNMENT_FUNCTIONS, SHARED_APPLICATIONS } from './taxonomy.data.ts';
import {
  importCatalogCsv,
  type CatalogImportOptions,
  type CatalogImportSummary,
} from './catalog.import.ts';

export interface ClusteringReport extends RunSummary {
  runId: number;
  /** Seconds spent computing, apart from reading and writing the database. */
  computeSeconds: number;
}

export interface DecisionInput {
  applicationIds: readonly number[];
  kind: DecisionKind | 'reset';
  /** confirm and move: the function; split: optionally the new cluster's function. */
  functionCode?: string | null;
  note?: string | null;
}

/** The application catalog: inventory, import, clustering and (later) the rationalisation plan. */
export interface CatalogService {
  /** Adds missing reference functions and shared applications; refreshes those admins did not edit. */
  seedTaxonomy(): Promise<{ sharedApplications: number; functions: number }>;
  /** The government functions, with the shared application each consolidates onto. */
  listFunctions(): Promise<GovernmentFunctionRow[]>;
  /**
   * Adds or changes a function (admins edit the taxonomy; the seed no longer refreshes it). The
   * next clustering run uses it. Returns whether it was new.
   */
  setFunction(code: string, input: FunctionInput, actor: string): Promise<boolean>;
  /** Imports an agency application inventory from CSV (see catalog.import.ts). */
  importCsv(file: string, options?: CatalogImportOptions): Promise<CatalogImportSummary>;
  /** Clusters the whole inventory (clustering.ts) and stores every application's cluster. */
  cluster(triggeredBy: string): Promise<ClusteringReport>;
  /** Clusters, largest first. */
  listClusters(): Promise<ClusterSummaryRow[]>;
  /**
   * Writes external_id,cluster_id,function,shared_application,confidence for every application;
   * clusters first if some application has no cluster yet. Returns the row count.
   */
  exportClusters(file: string): Promise<number>;
  /** Records an official's decision on applications, then re-clusters so that it takes effect. */
  decide(input: DecisionInput, actor: string): Promise<ClusteringReport>;
  /** The inventory, filtered and paged. */
  listApplications(
    query: ApplicationListQuery,
  ): Promise<{ items: ApplicationListItem[]; total: number }>;
  /** One application with its cluster, the evidence and the decisions taken on it. */
  getApplication(id: number): Promise<ApplicationDetail>;
  /**
   * Sets an application's rationalisation plan entry. `agencyScope`: the agency an operator acts
   * for (only its own applications), or null for platform admins.
   */
  setPlan(entry: PlanEntry, actor: string, agencyScope: string | null): Promise<void>;
  /**
   * Changes an application's own fields (agencies manage their own applications: `agencyScope`
   * is the operator's agency, null for platform admins); returns the application as it is now.
   */
  updateApplication(
    id: number,
    patch: ApplicationPatch,
    actor: string,
    agencyScope: string | null,
  ): Promise<ApplicationDetail>;
  /**
   * Adds one application to an agency's inventory (operators: their own agency; admins: any) and
   * returns it; the next clustering run places it.
   */
  createApplication(
    input: ApplicationPatch & { name: string; sourceId: string; agencyCode: string | null },
    actor: string,
    agencyScope: string | null,
  ): Promise<ApplicationDetail>;
  /** Adds or changes a shared national application; returns whether it was new. */
  setSharedApplication(
    code: string,
    input: {
      name: string;
      fullName: string;
      descriptionEn: string;
      ownerAgencyCode: string | null;
    },
    actor: string,
  ): Promise<boolean>;
  /** Drafts plan entries from the clusters for applications without one; returns how many. */
  draftPlan(deadline: string, actor: string): Promise<number>;
  /** Progress of the plan nationally, per agency or per function. */
  planProgress(scope: ProgressScope): Promise<PlanProgress[]>;
  /** Writes the plan as CSV, or XLSX when the file name ends in .xlsx; returns the row count. */
  exportPlan(file: string): Promise<number>;
  /** The plan as a CSV or XLSX download. */
  renderPlan(format: 'csv' | 'xlsx'): Promise<Buffer>;
}

export function catalogService(pool: pg.Pool, agencies: AgenciesService): CatalogService {
  // The last run's preparation and result, so that a re-run after a decision (same inventory)
  // only assigns again and writes what changed. Valid while the inputs and the latest run are the
  // ones it was made from (another process may have clustered in between).
  let cache: {
    inputKey: string;
    inventory: PreparedInventory;
    runId: number;
    written: Map<number, Assignment>;
  } | null = null;

  async function cluster(triggeredBy: string): Promise<ClusteringReport> {
    const started = performance.now();
    const state = await clusteringInputState(pool);
    const reuse = cache !== null && cache.inputKey === state.inputKey ? cache : null;
    let inventory: PreparedInventory;
    let computeSeconds = 0;
    if (reuse !== null) {
      inventory = reuse.inventory;
    } else {
      const [applications, functions] = await Promise.all([
        loadClusterApplications(pool),
        listFunctions(pool),
      ]);
      const prepareStarted = performance.now();
      inventory = prepareInventory(
        applications,
        functions.map((f) => ({
          code: f.code,
          name: f.name,
          sharedApplication: f.sharedApplication?.code ?? null,
          keywords: f.keywords,
        })),
      );
      computeSeconds += (performance.now() - prepareStarted) / 1000;
    }
    const decisions = await loadDecisions(pool);
    const assignStarted = performance.now();
    const result = assignClusters(inventory, decisions);
    const written = new Map(result.assignments.map((a) => [a.applicationId, a]));
    computeSeconds += (performance.now() - assignStarted) / 1000;
    const summary: RunSummary = {
      seconds: 0,
      applications: result.assignments.length,
      clusters: new Set(result.assignments.map((a) => a.clusterId)).size,
      byFunction: result.byFunction,
      bySimilarity: result.bySimilarity,
      decided: result.decided,
      triggeredBy,
    };
    summary.seconds = (performance.now() - started) / 1000;
    // With the previous result known to be what the table holds, only changed rows are sent.
    const incremental = reuse !== null && reuse.runId === state.latestRunId;
    const rows = incremental
      ? result.assignments.filter((a) => {
          const before = reuse.written.get(a.applicationId);
          return before === undefined || !sameAssignment(before, a);
        })
      : result.assignments;
    const runId = await saveClusteringRun(pool, summary, rows, !incremental);
    cache = { inputKey: state.inputKey, inventory, runId, written };
    return { ...summary, seconds: (performance.now() - started) / 1000, runId, computeSeconds };
  }

  async function requireSharedApplication(code: string): Promise<void> {
    const shared = await listSharedApplicationCodes(pool);
    if (!shared.includes(code))
      throw new AppError(
        'VALIDATION_FAILED',
        `"${code}" is not a shared application; use one of ${shared.join(', ')}.`,
      );
  }

  /** The application, if the caller may act on it: operators only on their own agency's. */
  async function ownApplication(
    id: number,
    agencyScope: string | null,
    verb: string,
  ): Promise<ApplicationDetail> {
    const app = await getApplication(pool, id);
    if (app === undefined)
      throw new AppError('NOT_FOUND', `there is no application ${id} in the catalog.`);
    if (agencyScope !== null && app.agencyCode !== agencyScope)
      throw new AppError(
        'FORBIDDEN',
        `application ${id} belongs to ${app.agencyName}; operators ${verb} only their own agency's applications.`,
      );
    return app;
  }

  return {
    seedTaxonomy: () => seedTaxonomy(pool, SHARED_APPLICATIONS, GOVERNMENT_FUNCTIONS),
    listFunctions: () => listFunctions(pool),

    async setFunction(code, input, actor) {
      if (!isSlug(code))
        throw new AppError(
          'VALIDATION_FAILED',
          `"${code}" is not a function code; use lower-case words joined by hyphens, e.g. "cemetery-management".`,
        );
      if (input.sharedApplication !== null) await requireSharedApplication(input.sharedApplication);
      const keywords = [...new Set(input.keywords.map((k) => k.trim().toLowerCase()))].filter(
        (k) => k !== '',
      );
      if (keywords.length === 0)
        throw new AppError(
          'VALIDATION_FAILED',
          'give at least one keyword: the words typical of the applications of this function.',
        );
      return upsertFunction(pool, code, { ...input, keywords }, actor);
    },

    async importCsv(file, options = {}) {
      // Every agency, read once per import: a few hundred rows.
      const { items } = await agencies.listAgencies({ limit: 100_000, offset: 0 });
      const resolver = new AgencyResolver(items);
      return importCatalogCsv(
        pool,
        file,
        resolver,
        (name, level) => agencies.createImportedAgency(name, level),
        options,
      );
    },

    cluster,
    listClusters: () => listClusterSummaries(pool),
    listApplications: (query) => listApplications(pool, query),

    async createApplication(input, actor, agencyScope) {
      const agencyCode = input.agencyCode ?? agencyScope;
      if (agencyCode === null)
        throw new AppError(
          'VALIDATION_FAILED',
          'say which agency owns the application (agencyCode).',
        );
      if (agencyScope !== null && agencyCode !== agencyScope)
        throw new AppError(
          'FORBIDDEN',
          `operators add applications only to their own agency (${agencyScope}), not to ${agencyCode}.`,
        );
      if (!(await agencies.agencyExists(agencyCode)))
        throw new AppError(
          'VALIDATION_FAILED',
          `there is no agency ${agencyCode}; GET /api/v1/agencies lists them.`,
        );
      const { sourceId, ...rest } = input;
      const fields = { ...rest, agencyCode: undefined };
      const id = await insertApplication(pool, agencyCode, sourceId, fields, actor);
      if (id === undefined)
        throw new AppError(
          'CONFLICT',
          `${agencyCode} already has an application with id "${sourceId}"; change it with PATCH, or choose another id.`,
        );
      return (await getApplication(pool, id)) as ApplicationDetail;
    },

    async setSharedApplication(code, input, actor) {
      if (!isSlug(code))
        throw new AppError(
          'VALIDATION_FAILED',
          `"${code}" is not a shared application code; use lower-case words joined by hyphens, e.g. "srikandi".`,
        );
      if (input.ownerAgencyCode !== null && !(await agencies.agencyExists(input.ownerAgencyCode)))
        throw new AppError(
          'VALIDATION_FAILED',
          `there is no agency ${input.ownerAgencyCode}; GET /api/v1/agencies lists them.`,
        );
      return upsertSharedApplication(pool, code, input, actor);
    },

    async updateApplication(id, patch, actor, agencyScope) {
      await ownApplication(id, agencyScope, 'change');
      if (patch.name !== undefined && patch.name.trim() === '')
        throw new AppError('VALIDATION_FAILED', 'an application needs a name.');
      await updateApplication(pool, id, patch, actor);
      return (await getApplication(pool, id)) as ApplicationDetail;
    },

    async setPlan(entry, actor, agencyScope) {
      await ownApplication(entry.applicationId, agencyScope, 'plan');
      if (entry.decision === 'migrate' && entry.targetSharedApplication === null)
        throw new AppError(
          'VALIDATION_FAILED',
          'a migrate decision needs the shared application to migrate to (targetSharedApplication).',
        );
      if (entry.targetSharedApplication !== null)
        await requireSharedApplication(entry.targetSharedApplication);
      if (
        entry.completedOn !== null &&
        entry.decision !== 'migrate' &&
        entry.decision !== 'eliminate'
      )
        throw new AppError(
          'VALIDATION_FAILED',
          `only a migration or an elimination is completed; a ${entry.decision} decision has no completedOn.`,
        );
      await upsertPlanEntry(pool, entry, actor);
    },

    draftPlan: (deadline, actor) => draftPlan(pool, deadline, actor),
    planProgress: (scope) => planProgress(pool, scope, todayInIndonesia()),

    async renderPlan(format) {
      const rows = await planExportRows(pool);
      if (format === 'xlsx')
        return xlsxBytes(PLAN_SHEET, PLAN_EXPORT_COLUMNS, rows.map(planExportValues));
      return Buffer.from(
        [toCsvLine(PLAN_EXPORT_COLUMNS), ...rows.map((r) => toCsvLine(planExportValues(r)))].join(
          '',
        ),
      );
    },

    async exportPlan(file) {
      const rows = await planExportRows(pool);
      if (isXlsxFile(file)) {
        await writeXlsx(file, PLAN_SHEET, PLAN_EXPORT_COLUMNS, rows.map(planExportValues));
      } else {
        const out = fs.createWriteStream(file, { encoding: 'utf8' });
        out.write(toCsvLine(PLAN_EXPORT_COLUMNS));
        for (const row of rows) out.write(toCsvLine(planExportValues(row)));
        out.end();
        await finished(out);
      }
      return rows.length;
    },

    async getApplication(id) {
      const found = await getApplication(pool, id);
      if (found === undefined)
        throw new AppError('NOT_FOUND', `there is no application ${id} in the catalog.`);
      return found;
    },

    async exportClusters(file) {
      if ((await countUnclustered(pool)) > 0) await cluster('export');
      const out = fs.createWriteStream(file, { encoding: 'utf8' });
      let rows = 0;
      const write = (line: string) =>
        out.write(line) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', r));
      await write(
        toCsvLine(['external_id', 'cluster_id', 'function', 'shared_application', 'confidence']),
      );
      for await (const row of streamClusterExport(pool)) {
        await write(
          toCsvLine([
            row.externalId,
            row.clusterId,
            row.functionCode ?? '',
            row.sharedApplication ?? '',
            row.confidence.toFixed(3),
          ]),
        );
        rows++;
      }
      out.end();
      await finished(out);
      return rows;
    },

    async decide(input, actor) {
      if (input.applicationIds.length === 0)
        throw new AppError('VALIDATION_FAILED', 'name at least one application to decide on.');
      const functionCode = input.functionCode ?? null;
      if ((input.kind === 'confirm' || input.kind === 'move') && functionCode === null)
        throw new AppError(
          'VALIDATION_FAILED',
          `a ${input.kind} decision needs the function the applications belong to (functionCode).`,
        );
      if (functionCode !== null) {
        const known = await listFunctions(pool);
        if (!known.some((f) => f.code === functionCode))
          throw new AppError(
            'VALIDATION_FAILED',
            `"${functionCode}" is not a government function; GET /api/v1/catalog/functions lists them.`,
          );
      }
      const splitGroup =
        input.kind === 'split' ? `${Date.now().toString(36)}-${input.applicationIds[0]}` : null;
      const { missing } = await insertDecisions(pool, {
        applicationIds: input.applicationIds,
        kind: input.kind,
        functionCode: input.kind === 'reset' ? null : functionCode,
        splitGroup,
        note: input.note ?? null,
        actor,
      });
      if (missing.length > 0)
        throw new AppError(
          'NOT_FOUND',
          `no application with id ${missing.join(', ')}; nothing was recorded.`,
        );
      return cluster(`decision by ${actor}`);
    },
  };
}
