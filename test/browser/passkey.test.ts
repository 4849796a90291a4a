import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../src/identity/totp.ts';
import { addToRegister, CitizenClient, testPerson } from '../helpers/citizens.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { hasChromium, launchChromium, seriousViolations } from './chromium.ts';

const ARTIFACTS = path.resolve('test-results');
const POLL = { timeout: 15_000 };
const warga = testPerson(51, { name: 'Rizky Pratama', birthDate: '1989-10-10', sex: 'L' });
const PASSWORD = 'kata-sandi-rizky-2026';

describe.skipIf(!hasChromium)('a passkey as the second factor, in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let base = '';
  let secret = '';

  beforeAll(async () => {
    // WebAuthn needs a host name for its relying party, not an IP address.
    server = await startTestServer({ publicHost: 'localhost' });
    base = server.url.replace('127.0.0.1', 'localhost');
    await addToRegister(server.database.services, [warga]);
    secret = await new CitizenClient(server.url).register(warga, PASSWORD);
    browser = await launchChromium();
    // CSP bypassed only so that the test can inject axe-core.
    const context = await browser.newContext({ bypassCSP: true });
    page = await context.newPage();
    // A platform authenticator that verifies its user, as a phone's fingerprint reader would.
    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
      },
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function passwordStep() {
    await page.goto(`${base}/portal/#/masuk`);
    await page.getByLabel('NIK', { exact: true }).fill(warga.nik);
    await page.getByLabel('Kata sandi', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).last().click();
    await expect.poll(() => page.getByLabel('Kode autentikator').count(), POLL).toBe(1);
  }

  it('adds a passkey on the account page, then signs in with it instead of a code', async () => {
    await passwordStep();
    // No passkey yet: only the code is offered.
    expect(await page.getByRole('button', { name: 'Masuk dengan passkey' }).count()).toBe(0);
    await page.getByLabel('Kode autentikator').fill(totpCode(secret, Date.now() + 30_000));
    await page.getByRole('button', { name: 'Verifikasi' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Keluar' }).count(), POLL).toBe(1);

    await page.goto(`${base}/portal/#/akun`);
    await page.getByLabel('Nama passkey').fill('Ponsel Rizky');
    await page.getByRole('button', { name: 'Tambah passkey' }).click();
    await expect
      .poll(() => page.getByText('Passkey “Ponsel Rizky” ditambahkan.').count(), POLL)
      .toBe(1);
    await page.screenshot({ path: path.join(ARTIFACTS, 'portal-passkey.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Keluar' }).click();
    await passwordStep();
    await page.getByRole('button', { name: 'Masuk dengan passkey' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Keluar' }).count(), POLL).toBe(1);
    const listed = await page.evaluate<{ items: { name: string; lastUsedAt: string | null }[] }>(
      `fetch('/api/v1/identity/passkeys').then((r) => r.json())`,
    );
    expect(listed.items).toHaveLength(1);
    expect(listed.items[0]).toMatchObject({ name: 'Ponsel Rizky' });
    expect(listed.items[0]!.lastUsedAt).not.toBeNull();
  });
});
