import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from '../platform/auth/principal.ts';
import { readOutbox } from '../platform/notifier.ts';
import type { Db } from '../platform/db/database.ts';
import { AppError } from '../platform/http/errors.ts';
import { fixedWindowLimiter, type RateLimiter } from '../platform/http/rate-limit.ts';
import { errorResponses } from '../platform/http/schemas.ts';
import {
  AUTHENTICATED_SECURITY,
  checkCsrf,
  CITIZEN_COOKIE,
  CITIZEN_SECURITY,
  cookieValue,
  CSRF_COOKIE,
  type HttpApp,
} from '../platform/http/server.ts';
import { StrictObject } from '../platform/http/validation.ts';
import {
  MIN_PASSWORD_LENGTH,
  type CitizenPrincipal,
  type IdentityService,
  type NewSession,
} from './identity.service.ts';

const tags = ['Citizen identity'];
const NikSchema = Type.String({
  pattern: '^[0-9]{16}$',
  description: 'Nomor Induk Kependudukan: 16 digits',
  example: '3404074107900001',
});
const PasswordSchema = Type.String({
  minLength: MIN_PASSWORD_LENGTH,
  maxLength: 200,
  description: `At least ${MIN_PASSWORD_LENGTH} characters`,
});
const CodeSchema = Type.String({
  pattern: '^[0-9]{6}$',
  description: 'The 6-digit code of the authenticator app',
});
const Citizen = Type.Object(
  { nik: Type.String(), name: Type.String(), email: Type.String() },
  { title: 'Citizen' },
);
const Totp = Type.Object(
  {
    secret: Type.String({ description: 'Base32 secret to type into an authenticator app' }),
    otpauthUri: Type.String({ description: 'The same as an otpauth:// link (or QR code)' }),
  },
  { title: 'TotpSetup' },
);
const Active = Type.Object({ stage: Type.Literal('active'), citizen: Citizen });

function presentCitizen(citizen: CitizenPrincipal) {
  return { nik: citizen.nik, name: citizen.name, email: citizen.email };
}

/** Sets the session cookie (HttpOnly) and its CSRF token (readable by the portal's script). */
function setSessionCookies(
  request: FastifyRequest,
  reply: FastifyReply,
  session: NewSession,
): void {
  const secure = request.protocol === 'https';
  // Lax, not Strict: a government application sending the citizen to Padu's OpenID Connect pages
  // is a top-level navigation from another site, and must find the citizen logged in.
  void reply.setCookie(CITIZEN_COOKIE, session.secret, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    expires: session.expiresAt,
  });
  void reply.setCookie(CSRF_COOKIE, session.csrfToken, {
    path: '/',
    httpOnly: false,
    sameSite: 'strict',
    secure,
    expires: session.expiresAt,
  });
}

function clearSessionCookies(reply: FastifyReply): void {
  void reply.clearCookie(CITIZEN_COOKIE, { path: '/' });
  void reply.clearCookie(CSRF_COOKIE, { path: '/' });
}

export interface IdentityRouteOptions {
  /** Login, code, registration and reset requests per client address per minute (per node). */
  readonly attemptsPerMinute: number;
}

export function identityRoutes(
  app: HttpApp,
  identity: IdentityService,
  db: Db,
  options: IdentityRouteOptions,
): void {
  const limiter: RateLimiter = fixedWindowLimiter({
    limit: options.attemptsPerMinute,
    windowMs: 60_000,
  });
  function limit(request: FastifyRequest): void {
    const wait = limiter.take(request.ip);
    if (wait !== undefined) {
      const error = new AppError(
        'RATE_LIMITED',
        `Too many attempts from this address; try again in ${wait} seconds.`,
      );
      error.retryAfterSeconds = wait;
      throw error;
    }
  }

  /** The pending session of a half-done registration or login, with its CSRF check. */
  async function pendingSecret(request: FastifyRequest): Promise<string> {
    const secret = cookieValue(request.headers.cookie, CITIZEN_COOKIE);
    const session = secret === undefined ? undefined : await identity.session(secret);
    if (secret === undefined || session === undefined) {
      throw new AppError(
        'UNAUTHENTICATED',
        'No registration or login is in progress; start again.',
      );
    }
    checkCsrf(request, session);
    return secret;
  }

  app.post(
    '/api/v1/identity/register',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'Register as a citizen: NIK, name and birth date must match the population register',
        description:
          'Opens a session in stage `enrol`: the account is usable once the first code of the returned ' +
          'authenticator secret is confirmed at POST /api/v1/identity/totp/confirm.',
        body: StrictObject({
          nik: NikSchema,
          name: Type.String({ minLength: 1, maxLength: 100, description: 'As on the KTP-el' }),
          birthDate: Type.String({ format: 'date', description: 'YYYY-MM-DD' }),
          email: Type.String({ format: 'email', maxLength: 254 }),
          password: PasswordSchema,
        }),
        response: {
          201: Type.Object({ stage: Type.Literal('enrol'), totp: Totp }),
          ...errorResponses(400, 409, 429),
        },
      },
    },
    async (request, reply) => {
      limit(request);
      const { session, totp } = await identity.register(request.body, request.ip);
      setSessionCookies(request, reply, session);
      return reply.status(201).send({ stage: 'enrol' as const, totp });
    },
  );

  app.post(
    '/api/v1/identity/totp/confirm',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: "Confirm the authenticator app's first code; the session becomes active",
        body: StrictObject({ code: CodeSchema }),
        response: { 200: Active, ...errorResponses(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      limit(request);
      const { session, citizen } = await identity.confirmTotp(
        await pendingSecret(request),
        request.body.code,
        request.ip,
      );
      setSessionCookies(request, reply, session);
      return { stage: 'active' as const, citizen: presentCitizen(citizen) };
    },
  );

  app.post(
    '/api/v1/identity/login',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'First step of a citizen login: NIK and password',
        description:
          'The same 401 for an unknown NIK and a wrong password. Five failures for one NIK within 15 minutes ' +
          'lock it for 15 minutes (429, Retry-After), whether or not it has an account.',
        body: StrictObject({
          nik: NikSchema,
          password: Type.String({ minLength: 1, maxLength: 200 }),
        }),
        response: {
          200: Type.Union([
            Type.Object({
              stage: Type.Literal('totp'),
              passkey: Type.Boolean({
                description: 'Whether the account has a passkey (POST /login/passkey/options)',
              }),
            }),
            Type.Object({ stage: Type.Literal('enrol'), totp: Totp }),
          ]),
          ...errorResponses(400, 401, 429),
        },
      },
    },
    async (request, reply) => {
      limit(request);
      const result = await identity.login(request.body.nik, request.body.password, request.ip);
      setSessionCookies(request, reply, result.session);
      return result.stage === 'enrol'
        ? { stage: 'enrol' as const, totp: result.totp }
        : { stage: 'totp' as const, passkey: result.passkey };
    },
  );

  app.post(
    '/api/v1/identity/login/totp',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Second step of a citizen login: the authenticator code',
        body: StrictObject({ code: CodeSchema }),
        response: { 200: Active, ...errorResponses(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      limit(request);
      const { session, citizen } = await identity.loginTotp(
        await pendingSecret(request),
        request.body.code,
        request.ip,
      );
      setSessionCookies(request, reply, session);
      return { stage: 'active' as const, citizen: presentCitizen(citizen) };
    },
  );

  const WebAuthnJson = Type.Record(Type.String(), Type.Unknown(), {
    description: 'WebAuthn JSON (PublicKeyCredential…OptionsJSON or …ResponseJSON)',
  });
  const WebAuthnOptions = Type.Unsafe<Record<string, unknown>>({
    type: 'object',
    additionalProperties: true,
    description: 'PublicKeyCredentialCreationOptionsJSON or PublicKeyCredentialRequestOptionsJSON',
  });
  const Passkey = Type.Object(
    {
      id: Type.String(),
      name: Type.String(),
      createdAt: Type.String({ format: 'date-time' }),
      lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    },
    { title: 'Passkey' },
  );
  const citizenSecret = (request: FastifyRequest): string =>
    cookieValue(request.headers.cookie, CITIZEN_COOKIE) ?? '';

  app.post(
    '/api/v1/identity/login/passkey/options',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Second step of a login with a passkey: the WebAuthn request options',
        response: { 200: WebAuthnOptions, ...errorResponses(401, 403, 409, 429) },
      },
    },
    async (request) => identity.passkeyLoginOptions(await pendingSecret(request), request.ip),
  );

  app.post(
    '/api/v1/identity/login/passkey',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: "Second step of a login with a passkey: the authenticator's signed answer",
        body: StrictObject({ response: WebAuthnJson }),
        response: { 200: Active, ...errorResponses(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      limit(request);
      const { session, citizen } = await identity.loginPasskey(
        await pendingSecret(request),
        request.body.response,
        request.ip,
      );
      setSessionCookies(request, reply, session);
      return { stage: 'active' as const, citizen: presentCitizen(citizen) };
    },
  );

  app.get(
    '/api/v1/identity/passkeys',
    {
      config: { access: 'citizen' },
      schema: {
        tags,
        summary: "The citizen's passkeys",
        security: CITIZEN_SECURITY,
        response: { 200: Type.Object({ items: Type.Array(Passkey) }), ...errorResponses(401) },
      },
    },
    async (request) => ({ items: await identity.listPasskeys(request.citizen!.id) }),
  );

  app.post(
    '/api/v1/identity/passkeys/options',
    {
      config: { access: 'citizen' },
      schema: {
        tags,
        summary: 'Start adding a passkey: the WebAuthn creation options',
        security: CITIZEN_SECURITY,
        response: { 200: WebAuthnOptions, ...errorResponses(401, 403) },
      },
    },
    (request) => identity.passkeyRegistrationOptions(citizenSecret(request)),
  );

  app.post(
    '/api/v1/identity/passkeys',
    {
      config: { access: 'citizen' },
      schema: {
        tags,
        summary: "Add a passkey: the authenticator's attestation for the options just given",
        security: CITIZEN_SECURITY,
        body: StrictObject({
          name: Type.String({ minLength: 1, maxLength: 60, description: 'e.g. "Ponsel saya"' }),
          response: WebAuthnJson,
        }),
        response: { 201: Passkey, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await identity.addPasskey(
            citizenSecret(request),
            request.body.name,
            request.body.response,
          ),
        ),
  );

  app.delete(
    '/api/v1/identity/passkeys/:id',
    {
      config: { access: 'citizen' },
      schema: {
        tags,
        summary: 'Remove a passkey',
        security: CITIZEN_SECURITY,
        params: StrictObject({ id: Type.String({ minLength: 1, maxLength: 1024 }) }),
        response: { 204: Type.Null(), ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await identity.deletePasskey(request.citizen!.id, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/identity/me',
    {
      config: { access: 'citizen' },
      schema: {
        tags,
        summary: 'The logged-in citizen',
        security: CITIZEN_SECURITY,
        response: { 200: Type.Object({ citizen: Citizen }), ...errorResponses(401) },
      },
    },
    (request) => ({ citizen: presentCitizen(request.citizen!) }),
  );

  app.post(
    '/api/v1/identity/logout',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: "End the citizen's session",
        response: { 204: Type.Null(), ...errorResponses(403) },
      },
    },
    async (request, reply) => {
      const secret = cookieValue(request.headers.cookie, CITIZEN_COOKIE);
      const session = secret === undefined ? undefined : await identity.session(secret);
      if (secret !== undefined && session !== undefined) {
        checkCsrf(request, session);
        await identity.logout(secret);
      }
      clearSessionCookies(reply);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/identity/password-reset',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'Ask for a password-reset link (sent to the registered e-mail through the notifier)',
        description: 'Always 202, whether or not the NIK has an account.',
        body: StrictObject({ nik: NikSchema }),
        response: { 202: Type.Object({ message: Type.String() }), ...errorResponses(400, 429) },
      },
    },
    async (request, reply) => {
      limit(request);
      // Answered before the work is done, so that how long it takes does not tell whether the
      // NIK has an account.
      const nik = request.body.nik;
      setImmediate(() => {
        identity.requestPasswordReset(nik).catch((error: unknown) => {
          request.log.error({ err: error }, 'a password reset could not be prepared');
        });
      });
      return reply.status(202).send({
        message:
          'If this NIK has an account, a reset link was sent to its e-mail address; it is valid for 30 minutes.',
      });
    },
  );

  app.post(
    '/api/v1/identity/password-reset/confirm',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: "Set a new password with a reset link's token; every session of the account ends",
        body: StrictObject({
          token: Type.String({ minLength: 1, maxLength: 200 }),
          password: PasswordSchema,
        }),
        response: { 204: Type.Null(), ...errorResponses(400, 429) },
      },
    },
    async (request, reply) => {
      limit(request);
      await identity.confirmPasswordReset(request.body.token, request.body.password);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/identity/citizens/:nik/release',
    {
      config: { access: ['platform_admin'] },
      schema: {
        tags,
        summary:
          'Release a NIK whose account someone else registered (after checking the citizen’s KTP-el)',
        description:
          'Disables the live account of the NIK with its sessions, passkeys and reset links, and frees the ' +
          'NIK for a new registration. The account is kept, disabled, for the record; the reason is audited.',
        security: AUTHENTICATED_SECURITY,
        params: StrictObject({ nik: NikSchema }),
        body: StrictObject({
          reason: Type.String({
            minLength: 5,
            maxLength: 500,
            description: 'What was checked, and why',
          }),
        }),
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await identity.releaseCitizen(
        request.params.nik,
        request.body.reason,
        actorOf(request.principal!),
      );
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/outbox',
    {
      config: { access: ['platform_admin'] },
      schema: {
        tags,
        summary:
          "The local notifier's outbox: messages Padu would have e-mailed or texted, newest first",
        security: AUTHENTICATED_SECURITY,
        querystring: StrictObject({
          limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
          recipient: Type.Optional(Type.String({ maxLength: 254 })),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.Integer(),
                channel: Type.String(),
                recipient: Type.String(),
                subject: Type.String(),
                body: Type.String(),
                createdAt: Type.String({ format: 'date-time' }),
                deliveredAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
              }),
            ),
          }),
          ...errorResponses(401, 403),
        },
      },
    },
    async (request) => ({
      items: await readOutbox(db, {
        limit: request.query.limit,
        ...(request.query.recipient === undefined ? {} : { recipient: request.query.recipient }),
      }),
    }),
  );
}
