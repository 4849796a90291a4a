import * as oidc from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOidcClient } from '../../src/identity/oidc.clients.ts';
import { totpCode } from '../../src/identity/totp.ts';
import { addToRegister, CitizenClient, testPerson } from '../helpers/citizens.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

// A standard OpenID Connect client (openid-client, not Padu's code) against a fresh Padu.
let server: TestServer;
const REDIRECT = 'http://localhost:9/callback';
const sari = testPerson(31, { name: 'Sari Handayani', birthDate: '1992-12-01', sex: 'P' });
let citizen: CitizenClient;
let secret = '';

beforeAll(async () => {
  server = await startTestServer({ identity: { attemptsPerMinute: 1000 } });
  await addToRegister(server.database.services, [sari]);
  citizen = new CitizenClient(server.url);
  secret = await citizen.register(sari);
});
afterAll(() => server?.close());

async function relyingParty(nikAllowed: boolean) {
  const { clientId, clientSecret } = await addOidcClient(
    server.database.handle.db,
    {
      name: nikAllowed ? 'SATUSEHAT Mobile' : 'Aplikasi Perpustakaan Daerah',
      redirectUris: [REDIRECT],
      nikAllowed,
    },
    'test',
  );
  const config = await oidc.discovery(new URL(server.url), clientId, clientSecret, undefined, {
    execute: [oidc.allowInsecureRequests],
  });
  return { config, clientId };
}

/** Starts a login as a browser would, following Padu's redirects until it leaves Padu or shows a page. */
async function follow(
  browser: CitizenClient,
  start: string,
): Promise<{ status: number; location: string | null; text: string; url: string }> {
  let url = start;
  for (let hops = 0; hops < 12; hops++) {
    const response = await browser.fetch(url);
    const location = response.headers.get('location');
    const text = await response.text();
    if (response.status < 300 || response.status >= 400 || location === null)
      return { status: response.status, location, text, url };
    const next = new URL(location, url).href;
    if (!next.startsWith(server.url) || next.includes('/portal/'))
      return { status: response.status, location: next, text, url };
    url = next;
  }
  throw new Error('too many redirects');
}

async function authorize(
  config: oidc.Configuration,
  scope: string,
  options: { pkce?: boolean } = {},
) {
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: REDIRECT,
    scope,
    state,
    ...(options.pkce === false
      ? {}
      : {
          code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
          code_challenge_method: 'S256',
        }),
  });
  return { url: url.href, verifier, state };
}

/** Clicks a button of Padu's consent page (a plain HTML form). */
async function submitConsent(
  browser: CitizenClient,
  page: { text: string; url: string },
  allow: boolean,
) {
  const csrf = /name="csrf" value="([^"]*)"/.exec(page.text)![1]!;
  const action = allow
    ? /<form method="post" action="([^"]+)"/.exec(page.text)![1]!
    : /formaction="([^"]+)"/.exec(page.text)![1]!;
  const response = await browser.fetch(new URL(action, page.url).href, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrf }).toString(),
  });
  expect(response.status).toBe(303);
  return follow(browser, new URL(response.headers.get('location')!, page.url).href);
}

describe('Padu as an OpenID Connect provider', () => {
  it('publishes discovery with PKCE S256 and the code flow', async () => {
    const response = await fetch(`${server.url}/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    const discovery = (await response.json()) as Record<string, unknown>;
    expect(discovery.issuer).toBe(server.url);
    expect(discovery.code_challenge_methods_supported).toEqual(['S256']);
    expect(discovery.response_types_supported).toContain('code');
    expect(discovery.scopes_supported).toEqual(
      expect.arrayContaining(['openid', 'profile', 'nik']),
    );
  });

  it('sends a citizen who is not logged in to the portal login, to come back', async () => {
    const { config } = await relyingParty(false);
    const { url } = await authorize(config, 'openid profile');
    const stranger = new CitizenClient(server.url);
    const landed = await follow(stranger, url);
    expect(landed.status).toBe(303);
    expect(landed.location).toMatch(/\/portal\/#\/masuk\?kembali=%2Foidc%2Finteraction%2F/);
  });

  it('logs a citizen in with the authorization code flow and PKCE; the NIK only to a client allowed it', async () => {
    for (const nikAllowed of [true, false]) {
      const { config } = await relyingParty(nikAllowed);
      const { url, verifier, state } = await authorize(config, 'openid profile nik');
      const consent = await follow(citizen, url);
      expect(consent.status).toBe(200);
      expect(consent.text).toContain('Nama lengkap');
      if (nikAllowed) expect(consent.text).toContain('<li>NIK (Nomor Induk Kependudukan)');
      else expect(consent.text).toContain('NIK Anda tidak dibagikan');
      const back = await submitConsent(citizen, consent, true);
      expect(back.location).toMatch(/^http:\/\/localhost:9\/callback\?code=/);
      const tokens = await oidc.authorizationCodeGrant(config, new URL(back.location!), {
        pkceCodeVerifier: verifier,
        expectedState: state,
      });
      const claims = tokens.claims()!;
      expect(claims.iss).toBe(server.url);
      expect(claims.name).toBe(sari.name);
      expect(claims.sub).toMatch(/^[0-9]+$/);
      if (nikAllowed) expect(claims.nik).toBe(sari.nik);
      else expect(claims).not.toHaveProperty('nik');
      const userinfo = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
      expect(userinfo.name).toBe(sari.name);
      expect(userinfo.nik).toBe(nikAllowed ? sari.nik : undefined);
    }
  });

  it('refuses a request without PKCE, and reports a refusal to the application', async () => {
    const { config } = await relyingParty(false);
    const withoutPkce = await authorize(config, 'openid profile', { pkce: false });
    const refused = await follow(citizen, withoutPkce.url);
    expect(refused.location).toMatch(/error=invalid_request/);

    const { url } = await authorize(config, 'openid profile');
    const consent = await follow(citizen, url);
    const denied = await submitConsent(citizen, consent, false);
    expect(denied.location).toMatch(/^http:\/\/localhost:9\/callback\?error=access_denied/);
  });

  it('asks for a fresh login on prompt=login, and says when and how the citizen authenticated', async () => {
    const { config } = await relyingParty(false);
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: REDIRECT,
      scope: 'openid profile',
      state,
      prompt: 'login',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
    });
    const before = Date.now();
    const sent = await follow(citizen, url.href);
    // The portal session older than this sign-in is ended; the citizen logs in again.
    expect(sent.location).toMatch(/\/portal\/#\/masuk\?kembali=%2Foidc%2Finteraction%2F/);
    expect((await citizen.request('GET', '/api/v1/identity/me')).status).toBe(401);
    const interaction = decodeURIComponent(/kembali=([^&]+)/.exec(sent.location!)![1]!);
    await citizen.request('POST', '/api/v1/identity/login', {
      nik: sari.nik,
      password: 'kata-sandi-rahasia',
    });
    const code = await citizen.request('POST', '/api/v1/identity/login/totp', {
      code: totpCode(secret, Date.now() + 30_000),
    });
    expect(code.status).toBe(200);
    const consent = await follow(citizen, `${server.url}${interaction}`);
    const back = consent.location?.startsWith(REDIRECT)
      ? consent
      : await submitConsent(citizen, consent, true);
    const tokens = await oidc.authorizationCodeGrant(config, new URL(back.location!), {
      pkceCodeVerifier: verifier,
      expectedState: state,
    });
    const claims = tokens.claims()!;
    expect(claims.amr).toEqual(['pwd', 'otp']);
    expect(claims.auth_time! * 1000).toBeGreaterThanOrEqual(before - 1000);
  });

  it('refuses a consent form without the session’s CSRF token', async () => {
    const { config } = await relyingParty(false);
    const { url } = await authorize(config, 'openid profile');
    const consent = await follow(citizen, url);
    const action = /<form method="post" action="([^"]+)"/.exec(consent.text)![1]!;
    const forged = await citizen.fetch(new URL(action, consent.url).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'csrf=forged',
    });
    expect(forged.status).toBe(403);
  });

  it('signs the citizen out of the portal too when they sign out of Padu from an application', async () => {
    // The citizen is logged in to the portal (by the tests before); this test runs last.
    const browser = citizen;
    expect((await browser.request('GET', '/api/v1/identity/me')).status).toBe(200);
    const { config } = await relyingParty(false);
    const { url, verifier, state } = await authorize(config, 'openid profile');
    const consent = await follow(browser, url);
    const back = await submitConsent(browser, consent, true);
    const tokens = await oidc.authorizationCodeGrant(config, new URL(back.location!), {
      pkceCodeVerifier: verifier,
      expectedState: state,
    });
    const end = oidc.buildEndSessionUrl(config, { id_token_hint: tokens.id_token! });
    const confirm = await follow(browser, end.href);
    expect(confirm.status).toBe(200);
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(confirm.text)![1]!;
    const action = /<form[^>]*action="([^"]+)"/.exec(confirm.text)![1]!;
    const signedOut = await browser.fetch(new URL(action, confirm.url).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ xsrf, logout: 'yes' }).toString(),
    });
    expect(signedOut.status).toBe(303);
    expect((await browser.request('GET', '/api/v1/identity/me')).status).toBe(401);
  });
});
