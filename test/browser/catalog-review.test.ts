import fs from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempFolder, type TempFolder } from '../helpers/files.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { hasChromium, launchChromium, logIn } from './chromium.ts';

const ARTIFACTS = path.resolve('test-results');
const POLL = { timeout: 15_000 };

const INVENTORY = `id,name,acronym,description,agency,agency_level,unit,annual_cost
H1,SIMPEG,SIMPEG,Data kepegawaian dan riwayat jabatan ASN,Pemerintah Kabupaten Sleman,kabupaten,BKPSDM,120000000
H2,e-Kepegawaian,,Kenaikan pangkat dan mutasi pegawai,Pemkot Bandung,kota,BKPSDM,80000000
H3,Aplikasi Data Pegawai,,Database pegawai daerah,Pemkab Banyumas,kabupaten,BKD,40000000
C1,Sambat Online,,Kanal pengaduan masyarakat,Pemkot Malang,kota,Diskominfo,30000000
L1,SIMPUS,SIMPUS,Katalog koleksi dan peminjaman buku perpustakaan daerah,Pemkab Bantul,kabupaten,Dinas Perpustakaan,
`;

describe.skipIf(!hasChromium)('catalog cluster review in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let folder: TempFolder;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    folder = await createTempFolder('padu-catalog-browser-');
    await fs.mkdir(ARTIFACTS, { recursive: true });
    const { catalog, accounts } = server.database.services;
    expect(await catalog.importCsv(await folder.write('inventory.csv', INVENTORY))).toMatchObject({
      inserted: 5,
    });
    await catalog.cluster('test');
    await accounts.createAccount(
      {
        username: 'catalog.admin',
        password: 'catalog-test-password',
        role: 'platform_admin',
        agencyCode: null,
      },
      'test',
    );
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await folder?.remove();
  });

  it('lets an official confirm a cluster, and the decision is kept', async () => {
    const page = await browser.newPage();
    await logIn(page, server.url, 'catalog.admin', 'catalog-test-password');

    // The inventory lists what was imported, with each application's function.
    await page.getByRole('link', { name: 'Katalog Aplikasi' }).click();
    await expect
      .poll(() => page.getByTestId('catalog-total').textContent(), POLL)
      .toMatch(/^5 aplikasi/);

    // The cluster review lists the clusters; the personnel cluster has three applications.
    await page.getByRole('link', { name: 'Tinjau klaster' }).click();
    const clusterLink = page
      .getByTestId('cluster-table')
      .getByRole('link', { name: 'Kepegawaian' });
    await clusterLink.click();
    const detail = page.getByTestId('cluster-detail');
    await expect.poll(() => detail.getByRole('heading').textContent(), POLL).toBe('Kepegawaian');
    expect(await detail.getByTestId('cluster-members').locator('tbody tr').count()).toBe(3);
    expect(await detail.textContent()).toContain('SIASN');
    await page.screenshot({
      path: path.join(ARTIFACTS, 'catalog-cluster-review.png'),
      fullPage: true,
    });

    await detail.getByTestId('confirm-cluster').click();
    await expect
      .poll(() => page.getByTestId('decision-outcome').textContent(), POLL)
      .toMatch(/Dikonfirmasi: 3 aplikasi/);
    await expect.poll(() => page.getByTestId('decided-badge').count(), POLL).toBe(3);
    await page.screenshot({
      path: path.join(ARTIFACTS, 'catalog-cluster-confirmed.png'),
      fullPage: true,
    });

    // Kept on the server: the decisions are recorded, and a new run keeps them.
    await server.database.services.catalog.cluster('test');
    const { rows } = await server.database.handle.pool.query<{
      source_id: string;
      decided: boolean;
    }>(
      `select a.source_id, c.decided from applications a join application_clusters c on c.application_id = a.id
       where c.cluster_id = 'hr-personnel' order by a.source_id`,
    );
    expect(rows).toEqual([
      { source_id: 'H1', decided: true },
      { source_id: 'H2', decided: true },
      { source_id: 'H3', decided: true },
    ]);

    // The rationalisation dashboard shows the inventory's way to the shared applications.
    await page.getByRole('link', { name: 'Rencana rasionalisasi' }).first().click();
    await expect
      .poll(() => page.getByTestId('plan-headline').textContent(), POLL)
      .toMatch(/^5 aplikasi → 5/);
    await page.getByRole('button', { name: /Susun draf rencana/ }).click();
    await expect
      .poll(() => page.getByTestId('plan-headline').textContent(), POLL)
      .toMatch(/^5 aplikasi → 3/);
    // The three progress views reload independently after the draft: wait for the chart too.
    await expect.poll(() => page.getByTestId('plan-chart').count(), POLL).toBe(1);
    await page.screenshot({ path: path.join(ARTIFACTS, 'catalog-plan.png'), fullPage: true });

    // On an application's page the official records that its migration is done.
    const { rows: h1 } = await server.database.handle.pool.query<{ id: string }>(
      "select id from applications where source_id = 'H1'",
    );
    await page.goto(`${server.url}/#/katalog/aplikasi/${h1[0]?.id}`);
    const form = page.getByTestId('plan-form');
    await expect.poll(() => form.getByLabel('Keputusan (TIME)').inputValue(), POLL).toBe('migrate');
    // The shared applications' list loads on its own: its value shows once its options are in.
    await expect.poll(() => form.getByLabel('Aplikasi umum').inputValue(), POLL).toBe('siasn');
    await form.getByLabel('Selesai pada').fill('2026-11-01');
    await form.getByRole('button', { name: 'Simpan rencana' }).click();
    await expect
      .poll(() => page.getByTestId('plan-message').textContent(), POLL)
      .toBe('Rencana disimpan.');
    await expect.poll(() => page.locator('.details').textContent(), POLL).toContain('Tidak aktif');
    await page.getByRole('link', { name: 'Rencana rasionalisasi' }).first().click();
    await expect
      .poll(() => page.locator('.stat-card').nth(1).textContent(), POLL)
      .toBe('Sudah dimigrasi1');
    await page.close();
  });
});
