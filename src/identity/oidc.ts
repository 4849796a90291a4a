import {
  createHmac,
  generateKeyPairSync,
  randomBytes,
  randomUUID,
  timingSafeEqual,
} from 'node:crypto';
import type http from 'node:http';
import type { Kysely } from 'kysely';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { hashSecret } from '../platform/auth/secrets.ts';
import type { Database } from '../platform/db/schema.ts';
import {
  CITIZEN_COOKIE,
  CSRF_COOKIE,
  cookieValue,
  type RawHandler,
} from '../platform/http/server.ts';
import type { IdentityService } from './identity.service.ts';
import { deleteExpiredOidcPayloads, oidcAdapterFactory } from './oidc.adapter.ts';

/** Paths the provider answers (besides discovery) and Padu's own login and consent pages. */
export const OIDC_PREFIX = '/oidc/';
const INTERACTION_PREFIX = '/oidc/interaction/';
export const DISCOVERY_PATH = '/.well-known/openid-configuration';

/**
 * Claims by scope: `openid` gives the subject and how the citizen authenticated (amr: pwd with
 * otp or hwk), `profile` the name, `nik` the NIK (only to clients allowed it).
 */
const CLAIMS = { openid: ['sub', 'amr'], profile: ['name'], nik: ['nik'] } as const;

const CLAIM_LABELS: Readonly<Record<string, { id: string; en: string }>> = {
  sub: { id: 'Nomor akun Padu Anda (bukan NIK)', en: 'Your Padu account number (not your NIK)' },
  amr: {
    id: 'Cara Anda masuk (kata sandi, lalu kode atau passkey)',
    en: 'How you signed in (password, then a code or a passkey)',
  },
  name: { id: 'Nama lengkap', en: 'Full name' },
  nik: { id: 'NIK (Nomor Induk Kependudukan)', en: 'NIK (national identity number)' },
};

/** The provider's keys, made once by the first node and shared by all through the database. */
async function secrets(db: Kysely<Database>) {
  const read = () => db.selectFrom('oidc_secrets').select(['name', 'value']).execute();
  let rows = await read();
  if (rows.length < 2) {
    // The first start makes them (an RSA key takes a moment); nodes starting at once keep one set.
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jwks = {
      keys: [
        { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg: 'RS256', use: 'sig' },
      ],
    };
    const cookieKeys = [
      randomBytes(32).toString('base64url'),
      randomBytes(32).toString('base64url'),
    ];
    await db
      .insertInto('oidc_secrets')
      .values([
        { name: 'jwks', value: JSON.stringify(jwks) },
        { name: 'cookie_keys', value: JSON.stringify(cookieKeys) },
      ])
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
    rows = await read();
  }
  const value = (name: string) => rows.find((r) => r.name === name)!.value;
  return {
    jwks: value('jwks') as NonNullable<Configuration['jwks']>,
    cookieKeys: value('cookie_keys') as string[],
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A small page of Padu's own (consent, errors), in Bahasa Indonesia first, with English. */
function page(response: http.ServerResponse, status: number, title: string, body: string): void {
  const html = `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — Padu</title>
<style>
body{font-family:system-ui,sans-serif;margin:0;background:#f4f6f8;color:#1b1f24;line-height:1.5}
main{max-width:32rem;margin:2rem auto;background:#fff;padding:1.5rem;border-radius:8px;border:1px solid #d0d7de}
h1{font-size:1.35rem;margin-top:0}.en{color:#4a5561;font-size:.9rem}ul{padding-left:1.2rem}
.actions{display:flex;gap:.75rem;flex-wrap:wrap;margin-top:1.5rem}
button{font:inherit;padding:.6rem 1.2rem;border-radius:6px;border:2px solid #0b5394;cursor:pointer}
button.primary{background:#0b5394;color:#fff}button.secondary{background:#fff;color:#0b5394}
button:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}.note{background:#fff8e1;padding:.5rem .75rem;border-radius:6px}
</style></head>
<body><main>${body}</main></body></html>`;
  response.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy':
      "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'",
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  response.end(html);
}

/** A request Padu's sign-in pages refuse, with the page's status and text. */
class InteractionRefused extends Error {
  constructor(
    readonly status: number,
    readonly text: string,
  ) {
    super(text);
  }
}

async function formBody(request: http.IncomingMessage): Promise<URLSearchParams> {
  let text = '';
  for await (const chunk of request) {
    text += String(chunk);
    if (text.length > 4096)
      throw new InteractionRefused(413, 'Formulir terlalu besar. / The form is too large.');
  }
  return new URLSearchParams(text);
}

export interface OidcProvider {
  readonly provider: Provider;
  /** The provider's routes, discovery, and Padu's interaction pages, on the bare HTTP server. */
  readonly raw: RawHandler;
}

/**
 * Padu as an OpenID Connect provider (oidc-provider, OpenID Certified): authorization code flow
 * with PKCE (S256, required), ID tokens with `sub` and, by scope, `name` and `nik`; the NIK only
 * to clients registered with --allow-nik. The citizen logs in on the portal (password and TOTP)
 * and consents on Padu's page, which lists what the application will receive.
 */
export async function createOidcProvider(
  db: Kysely<Database>,
  identity: IdentityService,
  issuer: string,
  onError: (error: unknown) => void,
): Promise<OidcProvider> {
  const { jwks, cookieKeys } = await secrets(db);
  // Expired sign-ins, codes and sessions are never read again; each start clears them away.
  await deleteExpiredOidcPayloads(db);
  /**
   * The consent form's CSRF token: bound to the citizen's session and to this sign-in, made with a
   * key only Padu holds. (Not the portal's CSRF cookie: that one is SameSite=Strict, so a browser
   * arriving from an application's site does not send it.)
   */
  const formToken = (sessionSecret: string, uid: string): string =>
    createHmac('sha256', cookieKeys[0]!)
      .update(`consent:${hashSecret(sessionSecret)}:${uid}`)
      .digest('base64url');
  const configuration: Configuration = {
    adapter: oidcAdapterFactory(db),
    jwks,
    cookies: { keys: cookieKeys, long: { signed: true }, short: { signed: true } },
    claims: {
      openid: [...CLAIMS.openid],
      profile: [...CLAIMS.profile],
      nik: [...CLAIMS.nik],
    },
    scopes: ['openid', 'profile', 'nik'],
    // Scope claims go into the ID token too (the applications read the name from it).
    conformIdTokenClaims: false,
    extraClientMetadata: { properties: ['padu_nik_allowed'] },
    pkce: { methods: ['S256'], required: () => true },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      rpInitiatedLogout: { enabled: true },
    },
    routes: {
      authorization: '/oidc/auth',
      token: '/oidc/token',
      userinfo: '/oidc/me',
      jwks: '/oidc/jwks',
      end_session: '/oidc/session/end',
      revocation: '/oidc/token/revocation',
      introspection: '/oidc/token/introspection',
      registration: '/oidc/reg',
      pushed_authorization_request: '/oidc/request',
      code_verification: '/oidc/device',
      device_authorization: '/oidc/device/auth',
      backchannel_authentication: '/oidc/backchannel',
    },
    interactions: { url: (_ctx, interaction) => `${INTERACTION_PREFIX}${interaction.uid}` },
    async findAccount(_ctx, sub) {
      const citizen = /^[0-9]+$/.test(sub) ? await identity.citizenById(Number(sub)) : undefined;
      if (citizen === undefined) return undefined;
      return {
        accountId: sub,
        claims: () => ({ sub, name: citizen.name, nik: citizen.nik }),
      };
    },
    async renderError(ctx: KoaContextWithOIDC, out) {
      ctx.type = 'html';
      ctx.body = `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Padu</title></head><body><main>
<h1>Permintaan masuk tidak dapat diproses</h1><p class="en">The sign-in request cannot be processed.</p>
<p>${escapeHtml(String(out.error))}: ${escapeHtml(String(out.error_description ?? ''))}</p></main></body></html>`;
      await Promise.resolve();
    },
    ttl: {
      Interaction: 15 * 60,
      Session: 8 * 60 * 60,
      Grant: 365 * 24 * 60 * 60,
      AuthorizationCode: 60,
      AccessToken: 10 * 60,
      IdToken: 60 * 60,
    },
  };
  const provider = new Provider(issuer, configuration);
  provider.proxy = issuer.startsWith('https:');
  // Signing out of Padu from an application (RP-initiated logout, "yes" on the confirmation)
  // ends the portal session too: the login behind it is the same.
  provider.on('end_session.success', (ctx: KoaContextWithOIDC) => {
    const params = ctx.oidc.params as { logout?: unknown } | undefined;
    if (params?.logout === undefined || params.logout === '') return;
    const secret = cookieValue(ctx.get('cookie'), CITIZEN_COOKIE);
    if (secret !== undefined) identity.logout(secret).catch(onError);
    ctx.cookies.set(CITIZEN_COOKIE, null, { path: '/', signed: false });
    ctx.cookies.set(CSRF_COOKIE, null, { path: '/', signed: false });
  });
  const callback = provider.callback();

  /** The consent page: what the application will receive, with buttons to allow or refuse. */
  async function consentPage(
    request: http.IncomingMessage,
    response: http.ServerResponse,
    uid: string,
    scopes: readonly string[],
    clientId: string,
  ): Promise<void> {
    const client = await provider.Client.find(clientId);
    const name = client?.clientName ?? clientId;
    const nikAllowed = client?.['padu_nik_allowed'] === true;
    const claims = [
      'sub',
      ...scopes.flatMap((s) => (s === 'profile' ? ['name'] : s === 'nik' ? ['nik'] : [])),
    ];
    const shown = claims.filter((c) => c !== 'nik' || nikAllowed);
    const csrf = formToken(cookieValue(request.headers.cookie, CITIZEN_COOKIE) ?? '', uid);
    page(
      response,
      200,
      'Izinkan akses',
      `<h1>${escapeHtml(name)} meminta data Anda</h1>
<p class="en">${escapeHtml(name)} asks for your data.</p>
<p>Jika Anda mengizinkan, aplikasi ini menerima / <span class="en">If you allow it, the application receives</span>:</p>
<ul>${shown.map((c) => `<li>${escapeHtml(CLAIM_LABELS[c]!.id)} <span class="en">(${escapeHtml(CLAIM_LABELS[c]!.en)})</span></li>`).join('')}</ul>
${claims.includes('nik') && !nikAllowed ? '<p class="note">NIK Anda tidak dibagikan: aplikasi ini tidak diizinkan menerimanya. <span class="en">Your NIK is not shared: this application is not allowed to receive it.</span></p>' : ''}
<form method="post" action="${INTERACTION_PREFIX}${escapeHtml(uid)}/confirm">
<input type="hidden" name="csrf" value="${escapeHtml(csrf)}">
<div class="actions"><button class="primary" type="submit">Izinkan <span lang="en">(Allow)</span></button>
<button class="secondary" type="submit" formaction="${INTERACTION_PREFIX}${escapeHtml(uid)}/abort">Tolak <span lang="en">(Deny)</span></button></div>
</form>`,
    );
  }

  async function interaction(
    request: http.IncomingMessage,
    response: http.ServerResponse,
  ): Promise<void> {
    const path = (request.url ?? '').split('?')[0]!;
    const [uid, action] = path.slice(INTERACTION_PREFIX.length).split('/');
    const details = await provider.interactionDetails(request, response);
    if (uid !== details.uid)
      throw new InteractionRefused(
        400,
        'Halaman ini milik proses masuk lain; kembali ke aplikasi dan mulai lagi. / This page belongs to another sign-in; go back to the application and start again.',
      );
    const secret = cookieValue(request.headers.cookie, CITIZEN_COOKIE);
    const session = secret === undefined ? undefined : await identity.session(secret);
    const citizen = session?.stage === 'active' ? session.citizen : undefined;

    // A login asked for by this sign-in counts only if it is newer than the session the citizen
    // had when it was asked for (its time is kept in the interaction).
    const after = (details.result as { paduLoginAfter?: number } | undefined)?.paduLoginAfter;
    const toLogin = async (staleSince: number) => {
      await provider.interactionResult(
        request,
        response,
        { paduLoginAfter: staleSince },
        { mergeWithLastSubmission: false },
      );
      response.writeHead(303, {
        location: `/portal/#/masuk?kembali=${encodeURIComponent(`${INTERACTION_PREFIX}${uid}`)}`,
        'cache-control': 'no-store',
      });
      response.end();
    };

    if (citizen === undefined || session === undefined) {
      // Log in on the portal (password and a second factor), then come back here.
      await toLogin(0);
      return;
    }
    const accountId = String(citizen.id);
    const { prompt, params } = details;
    const clientId = String(params.client_id);

    if (request.method === 'GET' && action === undefined) {
      // prompt=login and an exceeded max_age ask for a new authentication: the portal session
      // the citizen has now is ended, and they log in again before coming back.
      const again = prompt.reasons.includes('login_prompt') || prompt.reasons.includes('max_age');
      const authenticatedAt = session.authenticatedAt.getTime();
      if (prompt.name === 'login' && again && !(after !== undefined && authenticatedAt > after)) {
        await identity.logout(secret!);
        response.setHeader('set-cookie', [
          `${CITIZEN_COOKIE}=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax`,
          `${CSRF_COOKIE}=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; SameSite=Strict`,
        ]);
        await toLogin(authenticatedAt);
        return;
      }
      if (prompt.name === 'login' || details.session?.accountId !== accountId) {
        await provider.interactionFinished(
          request,
          response,
          {
            login: {
              accountId,
              ts: Math.floor(session.authenticatedAt.getTime() / 1000),
              amr: [...session.amr],
            },
          },
          { mergeWithLastSubmission: false },
        );
        return;
      }
      const missing = (prompt.details.missingOIDCScope as string[] | undefined) ?? [];
      await consentPage(request, response, uid, missing, clientId);
      return;
    }

    if (request.method === 'POST' && (action === 'confirm' || action === 'abort')) {
      const form = await formBody(request);
      const expected = Buffer.from(formToken(secret!, uid));
      const given = Buffer.from(form.get('csrf') ?? '');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        page(
          response,
          403,
          'Ditolak',
          '<h1>Formulir kedaluwarsa</h1><p>Muat ulang halaman dan coba lagi. <span class="en">The form expired; reload and try again.</span></p>',
        );
        return;
      }
      if (action === 'abort') {
        await provider.interactionFinished(
          request,
          response,
          { error: 'access_denied', error_description: 'The citizen did not allow access.' },
          { mergeWithLastSubmission: false },
        );
        return;
      }
      const client = await provider.Client.find(clientId);
      const nikAllowed = client?.['padu_nik_allowed'] === true;
      const grant =
        details.grantId === undefined
          ? new provider.Grant({ accountId, clientId })
          : ((await provider.Grant.find(details.grantId)) ??
            new provider.Grant({ accountId, clientId }));
      // What the application may not have is recorded as refused, so the prompt does not come back.
      const allowed = (item: string) => item !== 'nik' || nikAllowed;
      const scopes = (prompt.details.missingOIDCScope as string[] | undefined) ?? [];
      const claims = (prompt.details.missingOIDCClaims as string[] | undefined) ?? [];
      if (scopes.some(allowed)) grant.addOIDCScope(scopes.filter(allowed).join(' '));
      if (!scopes.every(allowed))
        grant.rejectOIDCScope(scopes.filter((s) => !allowed(s)).join(' '));
      if (claims.some(allowed)) grant.addOIDCClaims(claims.filter(allowed));
      if (!claims.every(allowed)) grant.rejectOIDCClaims(claims.filter((c) => !allowed(c)));
      const grantId = await grant.save();
      await provider.interactionFinished(
        request,
        response,
        { consent: { grantId } },
        { mergeWithLastSubmission: true },
      );
      return;
    }
    page(response, 405, 'Tidak didukung', '<h1>Metode tidak didukung</h1>');
  }

  return {
    provider,
    raw: {
      prefixes: [OIDC_PREFIX, DISCOVERY_PATH],
      handle(request, response) {
        const path = request.url ?? '';
        if (path.startsWith(INTERACTION_PREFIX)) {
          interaction(request, response).catch((error: unknown) => {
            if (response.headersSent) return response.destroy();
            if (error instanceof InteractionRefused)
              return page(response, error.status, 'Ditolak', `<h1>${escapeHtml(error.text)}</h1>`);
            const expired =
              error instanceof Error &&
              /SessionNotFound|interaction session/i.test(`${error.name} ${error.message}`);
            if (!expired) onError(error);
            page(
              response,
              expired ? 400 : 500,
              'Sesi berakhir',
              expired
                ? '<h1>Sesi masuk telah berakhir</h1><p>Kembali ke aplikasi dan mulai masuk lagi. <span class="en">The sign-in session has ended; go back to the application and start again.</span></p>'
                : '<h1>Terjadi kesalahan</h1><p>Coba lagi nanti. <span class="en">Something went wrong; try again later.</span></p>',
            );
          });
          return;
        }
        void callback(request, response);
      },
    },
  };
}
