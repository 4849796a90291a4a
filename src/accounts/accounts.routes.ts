import { Type } from '@sinclair/typebox';
import { actorOf, type Principal } from '../platform/auth/principal.ts';
import { AppError } from '../platform/http/errors.ts';
import { errorResponses } from '../platform/http/schemas.ts';
import { AUTHENTICATED_SECURITY, SESSION_COOKIE, type HttpApp } from '../platform/http/server.ts';
import { StrictObject } from '../platform/http/validation.ts';
import { MIN_PASSWORD_LENGTH, USERNAME_PATTERN, type AccountsService } from './accounts.service.ts';

const tags = ['Accounts and tokens'];
const RoleSchema = Type.Union([Type.Literal('platform_admin'), Type.Literal('agency_operator')]);
const User = Type.Object(
  {
    username: Type.String(),
    role: RoleSchema,
    agencyCode: Type.Union([Type.String(), Type.Null()]),
  },
  { title: 'User' },
);
const ApiToken = Type.Object(
  {
    id: Type.Integer(),
    name: Type.String(),
    role: RoleSchema,
    agencyCode: Type.Union([Type.String(), Type.Null()]),
    createdAt: Type.String({ format: 'date-time' }),
    lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { title: 'ApiToken' },
);

function presentUser(principal: Principal) {
  return { username: principal.name, role: principal.role, agencyCode: principal.agencyCode };
}

function requirePrincipal(principal: Principal | undefined): Principal {
  // The access hook has run for every non-public route; this guards against a route misconfiguration.
  if (principal === undefined) throw new AppError('UNAUTHENTICATED', 'This needs a login.');
  return principal;
}

export function accountsRoutes(app: HttpApp, accounts: AccountsService): void {
  app.post(
    '/api/v1/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Log in to the console (sets an HttpOnly session cookie)',
        body: StrictObject({
          username: Type.String({ minLength: 1, maxLength: 64 }),
          password: Type.String({ minLength: 1, maxLength: 200 }),
        }),
        response: { 200: Type.Object({ user: User }), ...errorResponses(400, 401) },
      },
    },
    async (request, reply) => {
      const { sessionSecret, principal, expiresAt } = await accounts.login(
        request.body.username,
        request.body.password,
      );
      void reply.setCookie(SESSION_COOKIE, sessionSecret, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: request.protocol === 'https',
        expires: expiresAt,
      });
      return { user: presentUser(principal) };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'End the console session', response: { 204: Type.Null() } },
    },
    async (request, reply) => {
      const session = request.cookies[SESSION_COOKIE];
      if (session !== undefined) await accounts.logout(session);
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/auth/me',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Who is logged in',
        security: AUTHENTICATED_SECURITY,
        response: { 200: Type.Object({ user: User }), ...errorResponses(401) },
      },
    },
    (request) => ({ user: presentUser(requirePrincipal(request.principal)) }),
  );

  app.post(
    '/api/v1/accounts',
    {
      config: { access: ['platform_admin'] },
      schema: {
        tags,
        summary: 'Create an operator account',
        security: AUTHENTICATED_SECURITY,
        body: StrictObject({
          username: Type.String({
            pattern: USERNAME_PATTERN,
            description: '3–64 of a–z, 0–9, dot, dash, underscore',
          }),
          password: Type.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: 200 }),
          role: RoleSchema,
          agencyCode: Type.Optional(Type.String({ description: 'Required for agency_operator' })),
        }),
        response: {
          201: Type.Object({ id: Type.Integer(), user: User }),
          ...errorResponses(400, 401, 403, 409),
        },
      },
    },
    async (request, reply) => {
      const { username, password, role } = request.body;
      const agencyCode = request.body.agencyCode ?? null;
      const { id } = await accounts.createAccount(
        { username, password, role, agencyCode },
        actorOf(requirePrincipal(request.principal)),
      );
      return reply.status(201).send({ id, user: { username, role, agencyCode } });
    },
  );

  app.get(
    '/api/v1/tokens',
    {
      config: { access: ['platform_admin'] },
      schema: {
        tags,
        summary: 'List API tokens (never their secrets)',
        security: AUTHENTICATED_SECURITY,
        response: {
          200: Type.Object({ items: Type.Array(ApiToken) }),
          ...errorResponses(401, 403),
        },
      },
    },
    async () => ({
      items: (await accounts.listApiTokens()).map((t) => ({
        ...t,
        createdAt: t.createdAt.toISOString(),
        lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
        revokedAt: t.revokedAt?.toISOString() ?? null,
      })),
    }),
  );

  app.post(
    '/api/v1/tokens',
    {
      config: { access: ['platform_admin'] },
      schema: {
        tags,
        summary: 'Create an API token (the secret is shown only in this response)',
        security: AUTHENTICATED_SECURITY,
        body: StrictObject({
          name: Type.String({ minLength: 1, maxLength: 100 }),
          role: RoleSchema,
          agencyCode: Type.Optional(Type.String()),
        }),
        response: {
          201: Type.Object({ id: Type.Integer(), token: Type.String() }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request, reply) => {
      const created = await accounts.createApiToken(
        {
          name: request.body.name,
          role: request.body.role,
          agencyCode: request.body.agencyCode ?? null,
        },
        actorOf(requirePrincipal(request.principal)),
      );
      return reply.status(201).send(created);
    },
  );

  app.delete(
    '/api/v1/tokens/:id',
    {
      config: { access: ['platform_admin'] },
      schema: {
        tags,
        summary: 'Revoke an API token',
        security: AUTHENTICATED_SECURITY,
        params: StrictObject({ id: Type.Integer({ minimum: 1 }) }),
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await accounts.revokeApiToken(request.params.id, requirePrincipal(request.principal));
      return reply.status(204).send(null);
    },
  );
}
