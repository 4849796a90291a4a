import { Type } from '@sinclair/typebox';
import type { Principal } from '../platform/auth/principal.ts';
import type { ApplicationStatus } from '../platform/db/schema.ts';
import { AppError } from '../platform/http/errors.ts';
import { errorResponses } from '../platform/http/schemas.ts';
import { AUTHENTICATED_SECURITY, CITIZEN_SECURITY, type HttpApp } from '../platform/http/server.ts';
import { StrictObject } from '../platform/http/validation.ts';
import type { PortalCitizen, PortalService } from './portal.service.ts';
import {
  Application,
  ApplicationStatusSchema,
  ApplicationSummary,
  CategorySchema,
  ConsentResult,
  DataAccess,
  LifeEventSchema,
  PrefillPreview,
  QueueItem,
  ServiceDetail,
  ServiceSummary,
} from './portal.schemas.ts';
import type { LifeEvent, ServiceCategory } from './services.data.ts';

const tags = ['Citizens’ portal'];
const operatorTags = ['Citizens’ portal: agency queue'];
const SlugParams = StrictObject({
  slug: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 100 }),
});
const ReferenceParams = StrictObject({
  reference: Type.String({
    pattern: '^PDU-[0-9]{8}-[0-9A-Z]{6}$',
    description: 'e.g. PDU-20261129-7KQ2M9',
  }),
});
const FormData = Type.Record(Type.String(), Type.Unknown(), {
  description: "The form's fields, as the service's JSON Schema form defines them",
});

function citizenOf(citizen: PortalCitizen | undefined): PortalCitizen {
  // The access hook has set it on every 'citizen' route; this guards a misconfigured route.
  if (citizen === undefined) throw new AppError('UNAUTHENTICATED', 'This needs a citizen login.');
  return citizen;
}

function principalOf(principal: Principal | undefined): Principal {
  if (principal === undefined) throw new AppError('UNAUTHENTICATED', 'This needs a login.');
  return principal;
}

export function portalRoutes(app: HttpApp, portal: PortalService): void {
  app.get(
    '/api/v1/portal/services',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'Public services: search (typo-tolerant, Indonesian and English), by category or life event',
        querystring: StrictObject({
          search: Type.Optional(Type.String({ maxLength: 200, example: 'akte kelahiran' })),
          category: Type.Optional(CategorySchema),
          lifeEvent: Type.Optional(LifeEventSchema),
        }),
        response: {
          200: Type.Object({ items: Type.Array(ServiceSummary), total: Type.Integer() }),
          ...errorResponses(400),
        },
      },
    },
    (request) =>
      portal.listServices({
        ...(request.query.search === undefined ? {} : { search: request.query.search }),
        ...(request.query.category === undefined
          ? {}
          : { category: request.query.category as ServiceCategory }),
        ...(request.query.lifeEvent === undefined
          ? {}
          : { lifeEvent: request.query.lifeEvent as LifeEvent }),
      }),
  );

  app.get(
    '/api/v1/portal/categories',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Categories and life events, with how many services each has',
        response: {
          200: Type.Object({
            categories: Type.Array(
              Type.Object({
                code: Type.String(),
                name: Type.String(),
                nameEn: Type.String(),
                count: Type.Integer(),
              }),
            ),
            lifeEvents: Type.Array(
              Type.Object({
                code: Type.String(),
                name: Type.String(),
                nameEn: Type.String(),
                count: Type.Integer(),
              }),
            ),
          }),
        },
      },
    },
    () => portal.categories(),
  );

  app.get(
    '/api/v1/portal/services/:slug',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'One public service: requirements, cost, service level and its application form',
        params: SlugParams,
        response: { 200: ServiceDetail, ...errorResponses(400, 404) },
      },
    },
    (request) => portal.serviceDetail(request.params.slug),
  );

  app.get(
    '/api/v1/portal/services/:slug/prefill',
    {
      config: { access: 'citizen' },
      schema: {
        tags,
        summary: 'What prefilling would share from the register, and with which agency (no values)',
        security: CITIZEN_SECURITY,
        params: SlugParams,
        response: { 200: PrefillPreview, ...errorResponses(400, 401, 404, 409) },
      },
    },
    (request) => portal.prefillPreview(citizenOf(request.citizen), request.params.slug),
  );

  app.post(
    '/api/v1/portal/services/:slug/consent',
    {
      config: { access: 'citizen' },
      schema: {
        tags,
        summary:
          'Consent to share the named register facts with the service’s agency; returns their values',
        security: CITIZEN_SECURITY,
        params: SlugParams,
        body: StrictObject({
          fields: Type.Array(Type.String({ maxLength: 100 }), { minItems: 1, maxItems: 50 }),
        }),
        response: { 201: ConsentResult, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await portal.consent(
            citizenOf(request.citizen),
            request.params.slug,
            request.body.fields,
          ),
        ),
  );

  app.post(
    '/api/v1/portal/applications',
    {
      config: { access: 'citizen' },
      schema: {
        tags,
        summary: 'Submit an application (permohonan) for a public service',
        security: CITIZEN_SECURITY,
        body: StrictObject({
          service: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 100 }),
          data: FormData,
          consentId: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER })),
        }),
        response: { 201: Application, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { service, data, consentId } = request.body;
      const created = await portal.submit(citizenOf(request.citizen), {
        service,
        data,
        ...(consentId === undefined ? {} : { consentId }),
      });
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/v1/portal/applications',
    {
      config: { access: 'citizen' },
      schema: {
        tags,
        summary: "The citizen's own applications, newest first",
        security: CITIZEN_SECURITY,
        response: {
          200: Type.Object({ items: Type.Array(ApplicationSummary) }),
          ...errorResponses(401),
        },
      },
    },
    async (request) => ({ items: await portal.myApplications(citizenOf(request.citizen)) }),
  );

  app.get(
    '/api/v1/portal/applications/:reference',
    {
      config: { access: 'citizen' },
      schema: {
        tags,
        summary:
          'One of the citizen’s applications with its status timeline (another’s answers 404)',
        security: CITIZEN_SECURITY,
        params: ReferenceParams,
        response: { 200: Application, ...errorResponses(400, 401, 404) },
      },
    },
    (request) => portal.myApplication(citizenOf(request.citizen), request.params.reference),
  );

  app.post(
    '/api/v1/portal/applications/:reference/resubmit',
    {
      config: { access: 'citizen' },
      schema: {
        tags,
        summary: 'Send a corrected application again (when it needs correction)',
        security: CITIZEN_SECURITY,
        params: ReferenceParams,
        body: StrictObject({ data: FormData }),
        response: { 200: Application, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    (request) =>
      portal.resubmit(citizenOf(request.citizen), request.params.reference, request.body.data),
  );

  app.get(
    '/api/v1/portal/notifications',
    {
      config: { access: 'citizen' },
      schema: {
        tags,
        summary: "The citizen's notifications, newest first",
        security: CITIZEN_SECURITY,
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.Integer(),
                message: Type.String(),
                messageEn: Type.String(),
                reference: Type.Union([Type.String(), Type.Null()]),
                at: Type.String({ format: 'date-time' }),
                read: Type.Boolean(),
              }),
            ),
            unread: Type.Integer(),
          }),
          ...errorResponses(401),
        },
      },
    },
    (request) => portal.notifications(citizenOf(request.citizen)),
  );

  app.post(
    '/api/v1/portal/notifications/read',
    {
      config: { access: 'citizen' },
      schema: {
        tags,
        summary: 'Mark notifications read',
        security: CITIZEN_SECURITY,
        body: StrictObject({
          ids: Type.Array(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }), {
            maxItems: 500,
          }),
        }),
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      await portal.markRead(citizenOf(request.citizen), request.body.ids);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/portal/data-access',
    {
      config: { access: 'citizen' },
      schema: {
        tags,
        summary:
          'Who accessed my data: every exchange whose subject was my NIK, with inclusion proofs',
        description:
          'Read straight from the exchange log that every call through the gateway is written to before its ' +
          'answer is delivered. Each entry carries an RFC 6962 audit path to the latest signed checkpoint.',
        security: CITIZEN_SECURITY,
        response: { 200: Type.Object({ items: Type.Array(DataAccess) }), ...errorResponses(401) },
      },
    },
    async (request) => ({ items: await portal.dataAccess(citizenOf(request.citizen)) }),
  );

  app.get(
    '/api/v1/portal/queue',
    {
      config: { access: ['platform_admin', 'agency_operator'] },
      schema: {
        tags: operatorTags,
        summary:
          "The agency's applications to work, oldest first (platform admins: every agency's)",
        security: AUTHENTICATED_SECURITY,
        querystring: StrictObject({
          status: Type.Optional(ApplicationStatusSchema),
          service: Type.Optional(Type.String({ maxLength: 100 })),
        }),
        response: {
          200: Type.Object({ items: Type.Array(QueueItem) }),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request) => ({
      items: await portal.queue(principalOf(request.principal), {
        ...(request.query.status === undefined
          ? {}
          : { status: request.query.status as ApplicationStatus }),
        ...(request.query.service === undefined ? {} : { service: request.query.service }),
      }),
    }),
  );

  app.get(
    '/api/v1/portal/queue/:reference',
    {
      config: { access: ['platform_admin', 'agency_operator'] },
      schema: {
        tags: operatorTags,
        summary: "One application of the agency's queue, with the applicant and the timeline",
        security: AUTHENTICATED_SECURITY,
        params: ReferenceParams,
        response: { 200: Application, ...errorResponses(400, 401, 403, 404) },
      },
    },
    (request) => portal.queueItem(principalOf(request.principal), request.params.reference),
  );

  app.post(
    '/api/v1/portal/queue/:reference/status',
    {
      config: { access: ['platform_admin', 'agency_operator'] },
      schema: {
        tags: operatorTags,
        summary:
          'Move an application on: verified, in process, completed, needs correction or rejected',
        description:
          'submitted → verified | needs_correction | rejected; verified → in_process | needs_correction | rejected; ' +
          'in_process → completed | needs_correction | rejected. A note is required for needs_correction and ' +
          'rejected. The citizen is notified in the app and through the notifier.',
        security: AUTHENTICATED_SECURITY,
        params: ReferenceParams,
        body: StrictObject({
          status: ApplicationStatusSchema,
          note: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
        }),
        response: { 200: Application, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    (request) =>
      portal.move(
        principalOf(request.principal),
        request.params.reference,
        request.body.status as ApplicationStatus,
        request.body.note ?? null,
      ),
  );
}
