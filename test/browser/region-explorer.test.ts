import fs from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { hasChromium, launchChromium } from './chromium.ts';

const ARTIFACTS = path.resolve('test-results');

describe.skipIf(!hasChromium)('region explorer in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    await fs.mkdir(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('searches a regency and drills down to a village, with a breadcrumb of ancestors', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(server.url + '/');

    await page.getByTestId('region-search').fill('kab bandung');
    const results = page.getByTestId('search-results');
    await results.getByText('Kabupaten Bandung', { exact: true }).first().click();
    await expect
      .poll(() => page.getByTestId('region-name').textContent())
      .toContain('Kabupaten Bandung');

    // Drill down: the regency's first district, then that district's first village.
    const children = page.getByTestId('children');
    const district = children.locator('[data-testid^="child-32.04."]').first();
    const districtCode = ((await district.getAttribute('data-testid')) ?? '').slice(
      'child-'.length,
    );
    await district.click();
    await expect.poll(() => page.url()).toContain(`#/wilayah/${districtCode}`);
    const village = page
      .getByTestId('children')
      .locator(`[data-testid^="child-${districtCode}."]`)
      .first();
    const villageCode = ((await village.getAttribute('data-testid')) ?? '').slice('child-'.length);
    expect(villageCode).toMatch(/^32\.04\.\d{2}\.\d{4}$/);
    await village.click();
    await expect.poll(() => page.getByTestId('region-name').textContent()).toContain(villageCode);

    const breadcrumb = (await page.getByTestId('breadcrumb').textContent()) ?? '';
    expect(breadcrumb).toContain('Indonesia');
    expect(breadcrumb).toContain('Jawa Barat');
    expect(breadcrumb).toContain('Kabupaten Bandung');

    // The breadcrumb leads back up.
    await page.getByTestId('breadcrumb').getByText('Jawa Barat').click();
    await expect.poll(() => page.getByTestId('region-name').textContent()).toContain('Jawa Barat');

    const screenshot = path.join(ARTIFACTS, 'region-explorer.png');
    await page.goto(`${server.url}/#/wilayah/${villageCode}`);
    await expect.poll(() => page.getByTestId('region-name').textContent()).toContain(villageCode);
    await page.screenshot({ path: screenshot, fullPage: true });
    console.log(`screenshot: ${screenshot}`);
    expect(errors).toEqual([]);
  });

  it('switches the interface to English and back', async () => {
    const page = await browser.newPage();
    await page.goto(server.url + '/');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('id');
    await page.getByTestId('lang-toggle').click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByText('Search regions').count()).toBeGreaterThan(0);
  });

  it('logs an operator in to the console', async () => {
    await server.database.services.accounts.createAccount(
      {
        username: 'browser.admin',
        password: 'browser-test-password',
        role: 'platform_admin',
        agencyCode: null,
      },
      'test',
    );
    const page = await browser.newPage();
    await page.goto(server.url + '/#/masuk');
    await page.getByLabel(/Nama pengguna/).fill('browser.admin');
    await page.getByLabel(/Kata sandi/).fill('wrong password!');
    await page.getByRole('button', { name: 'Masuk' }).last().click();
    // argon2 verification under a loaded CI machine can take more than the default second.
    await expect
      .poll(() => page.getByRole('alert').textContent(), { timeout: 10_000 })
      .toMatch(/wrong/);
    await page.getByLabel(/Kata sandi/).fill('browser-test-password');
    await page.getByRole('button', { name: 'Masuk' }).last().click();
    await expect
      .poll(() => page.getByText('browser.admin').count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'console-login.png') });
  });
});
