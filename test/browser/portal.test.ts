import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import * as oidc from 'openid-client';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../src/identity/totp.ts';
import { addOidcClient } from '../../src/identity/oidc.clients.ts';
import { addToRegister, testPerson } from '../helpers/citizens.ts';
import { accessToken, publishTestService } from '../helpers/exchange.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { hasChromium, launchChromium, logIn, seriousViolations } from './chromium.ts';

const ARTIFACTS = path.resolve('test-results');
const POLL = { timeout: 15_000 };
const REDIRECT = 'http://localhost:9/callback';

const warga = testPerson(41, {
  name: 'Putri Ayuningtyas',
  birthDate: '1994-03-17',
  sex: 'P',
  familyCardNumber: '3404071703940001',
});
const PASSWORD = 'kata-sandi-putri-2026';

describe.skipIf(!hasChromium)('the citizens’ portal in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let citizen: BrowserContext;
  let page: Page;
  let upstream: http.Server;
  let secret = '';
  let reference = '';
  const axeReport: Record<string, string[]> = {};

  async function checkAccessibility(name: string) {
    axeReport[name] = await seriousViolations(page);
    await page.screenshot({ path: path.join(ARTIFACTS, `portal-${name}.png`), fullPage: true });
  }

  beforeAll(async () => {
    await fs.mkdir(ARTIFACTS, { recursive: true });
    upstream = http.createServer((_request, response) => response.end('{"status":"AKTIF"}'));
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    server = await startTestServer();
    await addToRegister(server.database.services, [warga]);
    await server.database.services.accounts.createAccount(
      {
        username: 'petugas.sleman',
        password: 'petugas-sleman-2026',
        role: 'agency_operator',
        agencyCode: '34.04',
      },
      'test',
    );
    browser = await launchChromium();
    // A phone-sized screen; CSP bypassed only so that the test can inject axe-core.
    citizen = await browser.newContext({ viewport: { width: 390, height: 844 }, bypassCSP: true });
    page = await citizen.newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    upstream?.close();
  });

  it('registers with NIK and an authenticator, then logs in with a code', async () => {
    await page.goto(`${server.url}/portal/#/daftar`);
    await page.getByLabel('NIK', { exact: true }).fill(warga.nik);
    await page.getByLabel('Nama lengkap').fill(warga.name);
    await page.getByLabel('Tanggal lahir').fill(warga.birthDate);
    await page.getByLabel('Email').fill('putri@warga.example.id');
    await page.getByLabel('Kata sandi', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Ulangi kata sandi').fill(PASSWORD);
    await checkAccessibility('register');
    await page.getByRole('button', { name: 'Daftar' }).click();
    const code = page.locator('p.secret code');
    await expect.poll(() => code.count(), POLL).toBe(1);
    secret = (await code.textContent())!.replace(/\s+/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await page.getByLabel('Kode autentikator').fill(totpCode(secret));
    await page.getByRole('button', { name: 'Verifikasi' }).click();
    await expect.poll(() => page.getByText(warga.name).count(), POLL).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.goto(`${server.url}/portal/#/masuk`);
    await page.getByLabel('NIK', { exact: true }).fill(warga.nik);
    await page.getByLabel('Kata sandi', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).last().click();
    // Registration used this time step's code; the next step's is accepted (one step of drift).
    await page.getByLabel('Kode autentikator').fill(totpCode(secret, Date.now() + 30_000));
    await page.getByRole('button', { name: 'Verifikasi' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Keluar' }).count(), POLL).toBe(1);
  });

  it('finds "akta kelahiran", prefills with consent and submits', async () => {
    await page.goto(`${server.url}/portal/#/`);
    await page.getByLabel('Cari layanan').fill('akte kelahran');
    const result = page.getByRole('link', { name: 'Akta Kelahiran', exact: true });
    await expect.poll(() => result.count(), POLL).toBe(1);
    await checkAccessibility('search');
    await result.click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Akta Kelahiran' }).count(), POLL)
      .toBe(1);
    await checkAccessibility('service');
    await page.getByRole('button', { name: 'Ajukan permohonan' }).click();

    // Nothing is fetched before consent; the panel names the data and the recipient agency.
    await expect
      .poll(() => page.getByRole('button', { name: 'Setujui dan isi otomatis' }).count(), POLL)
      .toBe(1);
    await expect
      .poll(() => page.getByText('Pemerintah Kabupaten Sleman').count(), POLL)
      .toBeGreaterThan(0);
    await checkAccessibility('consent');
    await page.getByRole('button', { name: 'Setujui dan isi otomatis' }).click();
    await expect.poll(() => page.getByLabel('NIK Pelapor').inputValue(), POLL).toBe(warga.nik);
    expect(await page.getByLabel('Nama Pelapor').inputValue()).toBe(warga.name);

    await page.getByLabel('Nama Anak').fill('Bima Ayuningtyas');
    await page.getByLabel('Jenis Kelamin Anak').selectOption('L');
    await page.getByLabel('Tempat Lahir Anak').fill('Sleman');
    await page.getByLabel('Tanggal Lahir Anak').fill('2026-11-20');
    await page.getByLabel('NIK Ibu').fill(warga.nik);
    await checkAccessibility('form');
    await page.getByRole('button', { name: 'Kirim permohonan' }).click();
    const shown = page.locator('text=/PDU-\\d{8}-[0-9A-Z]{6}/').first();
    await expect.poll(() => shown.count(), POLL).toBe(1);
    reference = /PDU-\d{8}-[0-9A-Z]{6}/.exec((await shown.textContent())!)![0];
    await checkAccessibility('submitted');
  });

  it('is completed by an operator of Sleman in the console, and the citizen sees it', async () => {
    const console = await browser.newPage();
    await logIn(console, server.url, 'petugas.sleman', 'petugas-sleman-2026');
    await console.goto(`${server.url}/#/permohonan`);
    await console.getByRole('link', { name: reference }).click();
    for (const status of ['Diverifikasi', 'Diproses', 'Selesai']) {
      await console.getByRole('radio', { name: status }).check();
      await console.getByRole('button', { name: 'Simpan status' }).click();
      await expect
        .poll(() => console.getByText(`Status diubah menjadi “${status}”.`).count(), POLL)
        .toBe(1);
    }
    await console.screenshot({ path: path.join(ARTIFACTS, 'portal-operator.png'), fullPage: true });
    await console.close();

    await page.goto(`${server.url}/portal/#/permohonan/${reference}`);
    await page.reload();
    await expect.poll(() => page.getByText('Selesai').count(), POLL).toBeGreaterThan(0);
    await checkAccessibility('completed');
  });

  it('shows an exchange about the citizen, with a proof the browser verifies', async () => {
    const { exchange } = server.database.services;
    const published = await publishTestService(
      exchange,
      `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/`,
    );
    const token = await accessToken(server.url, published.clientId, published.clientSecret);
    const call = await fetch(`${server.url}${published.path}/status-kepesertaan`, {
      headers: {
        authorization: `Bearer ${token}`,
        'x-padu-subject': warga.nik,
        'x-padu-purpose': 'Verifikasi kepesertaan JKN',
      },
    });
    expect(call.status).toBe(200);

    await page.goto(`${server.url}/portal/#/akses-data`);
    await expect.poll(() => page.getByText('Verifikasi kepesertaan JKN').count(), POLL).toBe(1);
    await expect
      .poll(() => page.getByText('Kementerian Kesehatan').count(), POLL)
      .toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Periksa bukti' }).click();
    await expect.poll(() => page.getByText('Terverifikasi', { exact: true }).count(), POLL).toBe(1);
    await checkAccessibility('data-access');
  });

  it('logs the citizen in to an external application with OpenID Connect', async () => {
    const { clientId, clientSecret } = await addOidcClient(
      server.database.handle.db,
      { name: 'Aplikasi Layanan Kesehatan Sleman', redirectUris: [REDIRECT], nikAllowed: false },
      'test',
    );
    const config = await oidc.discovery(new URL(server.url), clientId, clientSecret, undefined, {
      execute: [oidc.allowInsecureRequests],
    });
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: REDIRECT,
      scope: 'openid profile',
      state,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
    });
    let callback = '';
    await page.route('http://localhost:9/**', async (route) => {
      callback = route.request().url();
      await route.fulfill({ body: 'ok', contentType: 'text/plain' });
    });
    // The citizen comes from the application's own site, as a link there would send them.
    await page.route('http://localhost:9/start', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="id"><title>Aplikasi</title><a href="${url.href.replace(/&/g, '&amp;')}">Masuk dengan Padu</a></html>`,
      }),
    );
    await page.goto('http://localhost:9/start');
    await page.getByRole('link', { name: 'Masuk dengan Padu' }).click();
    await expect
      .poll(
        () => page.getByText('Aplikasi Layanan Kesehatan Sleman meminta data Anda').count(),
        POLL,
      )
      .toBe(1);
    await checkAccessibility('oidc-consent');
    await page.getByRole('button', { name: /Izinkan/ }).click();
    await expect.poll(() => callback, POLL).toMatch(/^http:\/\/localhost:9\/callback\?code=/);
    const tokens = await oidc.authorizationCodeGrant(config, new URL(callback), {
      pkceCodeVerifier: verifier,
      expectedState: state,
    });
    expect(tokens.claims()).toMatchObject({ name: warga.name, iss: server.url });
    expect(tokens.claims()).not.toHaveProperty('nik');
  });

  it('has no serious or critical accessibility violations on any page checked', () => {
    expect(Object.keys(axeReport).length).toBeGreaterThanOrEqual(8);
    expect(axeReport).toEqual(Object.fromEntries(Object.keys(axeReport).map((k) => [k, []])));
  });
});
