import { Type } from '@sinclair/typebox';
import { actorOf } from '../platform/auth/principal.ts';
import { AppError } from '../platform/http/errors.ts';
import { AUTHENTICATED_SECURITY, type HttpApp } from '../platform/http/server.ts';
import { errorResponses } from '../platform/http/schemas.ts';
import { StrictObject } from '../platform/http/validation.ts';
import {
  ApplicationCreateBody,
  ApplicationDetail,
  ApplicationPatchBody,
  ApplicationListQuery,
  ApplicationPage,
  ClusteringReport,
  ClusterSummary,
  DecisionBody,
  FunctionBody,
  GovernmentFunction,
  PlanDraftBody,
  PlanEntryBody,
  PlanProgress,
  PlanExportQuery,
  PlanProgressQuery,
  SharedApplicationBody,
} from './catalog.schemas.ts';
import { PLAN_EXPORT_COLUMNS } from './catalog.plan.ts';
import type { CatalogService, ClusteringReport as Report } from './catalog.service.ts';

const TAG = 'Application catalog';

function presentReport(report: Report) {
  return {
    runId: report.runId,
    seconds: report.seconds,
    computeSeconds: report.computeSeconds,
    applications: report.applications,
    clusters: report.clusters,
    byFunction: report.byFunction,
    bySimilarity: report.bySimilarity,
    decided: report.decided,
  };
}

export function catalogRoutes(app: HttpApp, catalog: CatalogService): void {
  const readers = { access: ['platform_admin', 'agency_operator'] as const };

  app.get(
    '/api/v1/catalog/functions',
    {
      config: { access: 'public' },
      schema: {
        tags: [TAG],
        summary: 'Government functions and the shared national application each consolidates onto',
        response: { 200: Type.Array(GovernmentFunction) },
      },
    },
    () => catalog.listFunctions(),
  );

  app.get(
    '/api/v1/catalog/applications',
    {
      config: { access: [...readers.access] },
      schema: {
        tags: [TAG],
        summary: 'The application inventory, with each application’s cluster',
        security: AUTHENTICATED_SECURITY,
        querystring: ApplicationListQuery,
        response: { 200: ApplicationPage, ...errorResponses(400, 401, 403) },
      },
    },
    (request) => {
      const q = request.query;
      return catalog.listApplications({
        search: q.search,
        agencyCode: q.agency,
        functionCode: q.function,
        clusterId: q.cluster,
        status: q.status,
        limit: q.limit,
        offset: q.offset,
      });
    },
  );

  app.get(
    '/api/v1/catalog/applications/:id',
    {
      config: { access: [...readers.access] },
      schema: {
        tags: [TAG],
        summary: 'One application: its details, cluster, evidence and the decisions taken on it',
        security: AUTHENTICATED_SECURITY,
        params: StrictObject({ id: Type.Integer({ minimum: 1 }) }),
        response: { 200: ApplicationDetail, ...errorResponses(400, 401, 403, 404) },
      },
    },
    (request) => catalog.getApplication(request.params.id),
  );

  app.get(
    '/api/v1/catalog/clusters',
    {
      config: { access: [...readers.access] },
      schema: {
        tags: [TAG],
        summary: 'Clusters of applications that do the same job, largest first',
        security: AUTHENTICATED_SECURITY,
        response: { 200: Type.Array(ClusterSummary), ...errorResponses(401, 403) },
      },
    },
    () => catalog.listClusters(),
  );

  app.post(
    '/api/v1/catalog/clusters/run',
    {
      config: { access: ['platform_admin'] },
      schema: {
        tags: [TAG],
        summary: 'Cluster the whole inventory again',
        security: AUTHENTICATED_SECURITY,
        response: { 200: ClusteringReport, ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      if (!request.principal) throw new AppError('UNAUTHENTICATED', 'This needs a login.');
      return presentReport(await catalog.cluster(actorOf(request.principal)));
    },
  );

  app.post(
    '/api/v1/catalog/decisions',
    {
      config: { access: ['platform_admin'] },
      schema: {
        tags: [TAG],
        summary: 'Confirm, move or split applications of a cluster (or reset a decision)',
        description:
          'Decisions are kept and steer later runs: a decided application keeps its cluster, and similar ' +
          'applications lean towards it. The inventory is clustered again at once; the answer is that run.',
        security: AUTHENTICATED_SECURITY,
        body: DecisionBody,
        response: { 200: ClusteringReport, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      if (!request.principal) throw new AppError('UNAUTHENTICATED', 'This needs a login.');
      const body = request.body;
      return presentReport(
        await catalog.decide(
          {
            applicationIds: body.applicationIds,
            kind: body.kind,
            functionCode: body.functionCode ?? null,
            note: body.note ?? null,
          },
          actorOf(request.principal),
        ),
      );
    },
  );

  app.get(
    '/api/v1/catalog/plan/progress',
    {
      config: { access: [...readers.access] },
      schema: {
        tags: [TAG],
        summary: 'Progress of the rationalisation plan nationally, per agency or per function',
        security: AUTHENTICATED_SECURITY,
        querystring: PlanProgressQuery,
        response: { 200: Type.Array(PlanProgress), ...errorResponses(400, 401, 403) },
      },
    },
    (request) => catalog.planProgress(request.query.by ?? 'national'),
  );

  app.put(
    '/api/v1/catalog/plan/:id',
    {
      config: { access: ['platform_admin', 'agency_operator'] },
      schema: {
        tags: [TAG],
        summary: "Set an application's rationalisation decision, target, deadline or completion",
        description:
          'Operators plan their own agency’s applications; platform admins any. Completing a migration or ' +
          'an elimination (completedOn) retires the application.',
        security: AUTHENTICATED_SECURITY,
        params: StrictObject({ id: Type.Integer({ minimum: 1 }) }),
        body: PlanEntryBody,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const principal = request.principal;
      if (!principal) throw new AppError('UNAUTHENTICATED', 'This needs a login.');
      const body = request.body;
      await catalog.setPlan(
        {
          applicationId: request.params.id,
          decision: body.decision,
          targetSharedApplication: body.targetSharedApplication ?? null,
          deadline: body.deadline ?? null,
          completedOn: body.completedOn ?? null,
          note: body.note ?? null,
        },
        actorOf(principal),
        principal.role === 'platform_admin' ? null : principal.agencyCode,
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/catalog/plan/draft',
    {
      config: { access: ['platform_admin'] },
      schema: {
        tags: [TAG],
        summary: 'Draft plan entries from the clusters for applications that have none',
        description:
          'Migrate to the cluster’s shared application where one exists (by the deadline, default 2027-12-31), otherwise tolerate.',
        security: AUTHENTICATED_SECURITY,
        body: PlanDraftBody,
        response: {
          200: Type.Object({ drafted: Type.Integer() }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      if (!request.principal) throw new AppError('UNAUTHENTICATED', 'This needs a login.');
      return {
        drafted: await catalog.draftPlan(
          request.body.deadline ?? '2027-12-31',
          actorOf(request.principal),
        ),
      };
    },
  );

  app.patch(
    '/api/v1/catalog/applications/:id',
    {
      config: { access: ['platform_admin', 'agency_operator'] },
      schema: {
        tags: [TAG],
        summary: "Change an application's details (operators: their own agency's applications)",
        security: AUTHENTICATED_SECURITY,
        params: StrictObject({ id: Type.Integer({ minimum: 1 }) }),
        body: ApplicationPatchBody,
        response: { 200: ApplicationDetail, ...errorResponses(400, 401, 403, 404) },
      },
    },
    (request) => {
      const principal = request.principal;
      if (!principal) throw new AppError('UNAUTHENTICATED', 'This needs a login.');
      return catalog.updateApplication(
        request.params.id,
        request.body,
        actorOf(principal),
        principal.role === 'platform_admin' ? null : principal.agencyCode,
      );
    },
  );

  app.put(
    '/api/v1/catalog/functions/:code',
    {
      config: { access: ['platform_admin'] },
      schema: {
        tags: [TAG],
        summary: 'Add or change a government function of the taxonomy',
        description:
          'The taxonomy is data: an admin’s function is kept as written (start-up no longer refreshes it from ' +
          'the seed) and the next clustering run uses its keywords.',
        security: AUTHENTICATED_SECURITY,
        params: StrictObject({ code: Type.String({ minLength: 1, maxLength: 100 }) }),
        body: FunctionBody,
        response: {
          200: Type.Object({ code: Type.String(), created: Type.Boolean() }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      if (!request.principal) throw new AppError('UNAUTHENTICATED', 'This needs a login.');
      const created = await catalog.setFunction(
        request.params.code,
        request.body,
        actorOf(request.principal),
      );
      return { code: request.params.code, created };
    },
  );

  app.post(
    '/api/v1/catalog/applications',
    {
      config: { access: ['platform_admin', 'agency_operator'] },
      schema: {
        tags: [TAG],
        summary: "Add an application to an agency's inventory (operators: their own agency)",
        security: AUTHENTICATED_SECURITY,
        body: ApplicationCreateBody,
        response: { 201: ApplicationDetail, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const principal = request.principal;
      if (!principal) throw new AppError('UNAUTHENTICATED', 'This needs a login.');
      const created = await catalog.createApplication(
        { ...request.body, agencyCode: request.body.agencyCode ?? null },
        actorOf(principal),
        principal.role === 'platform_admin' ? null : principal.agencyCode,
      );
      return reply.status(201).send(created);
    },
  );

  app.put(
    '/api/v1/catalog/shared-applications/:code',
    {
      config: { access: ['platform_admin'] },
      schema: {
        tags: [TAG],
        summary: 'Add or change a shared national application (aplikasi umum)',
        security: AUTHENTICATED_SECURITY,
        params: StrictObject({ code: Type.String({ minLength: 1, maxLength: 100 }) }),
        body: SharedApplicationBody,
        response: {
          200: Type.Object({ code: Type.String(), created: Type.Boolean() }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      if (!request.principal) throw new AppError('UNAUTHENTICATED', 'This needs a login.');
      const created = await catalog.setSharedApplication(
        request.params.code,
        request.body,
        actorOf(request.principal),
      );
      return { code: request.params.code, created };
    },
  );

  app.get(
    '/api/v1/catalog/plan/export',
    {
      config: { access: [...readers.access] },
      schema: {
        tags: [TAG],
        summary: 'The rationalisation plan of every application, as CSV or XLSX',
        security: AUTHENTICATED_SECURITY,
        querystring: PlanExportQuery,
        produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: {
          200: Type.Unsafe<Buffer>({
            type: 'string',
            format: 'binary',
            description: `CSV or XLSX with the columns ${PLAN_EXPORT_COLUMNS.join(',')}`,
          }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request, reply) => {
      const format = request.query.format ?? 'csv';
      const bytes = await catalog.renderPlan(format);
      return reply
        .type(
          format === 'xlsx'
            ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
            : 'text/csv; charset=utf-8',
        )
        .header('content-disposition', `attachment; filename="rencana-rasionalisasi.${format}"`)
        .send(bytes);
    },
  );
}
