import { createHash, createPublicKey, verify } from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessToken } from '../helpers/exchange.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { hasChromium, launchChromium, logIn } from './chromium.ts';

const ARTIFACTS = path.resolve('test-results');
const POLL = { timeout: 15_000 };
const NIK_A = '3404014101900001';
const NIK_B = '3404014101900002';

const OPENAPI = {
  openapi: '3.1.0',
  info: { title: 'Data Penduduk', version: '1.2' },
  paths: {
    '/penduduk/{nik}': { get: { summary: 'Satu penduduk menurut NIK' } },
    '/penduduk': { post: { summary: 'Cari penduduk' } },
  },
};

// ---- An RFC 6962 / 9162 verifier and a C2SP note check with node:crypto alone ----------------

const sha256 = (...parts: Buffer[]) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
};

/** RFC 9162 §2.1.3.2: the root that an inclusion proof of a leaf hash leads to. */
function rootFromInclusionProof(
  leafIndex: number,
  treeSize: number,
  leafHash: Buffer,
  proof: Buffer[],
): Buffer {
  if (leafIndex >= treeSize) throw new Error('leaf index beyond the tree');
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0) throw new Error('proof too long');
    if (fn % 2 === 1 || fn === sn) {
      r = sha256(Buffer.from([1]), p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = sha256(Buffer.from([1]), r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  if (sn !== 0) throw new Error('proof too short');
  return r;
}

/** Checks a C2SP checkpoint's Ed25519 note signature; returns its tree size and root. */
function openCheckpoint(note: string, verifierKey: string) {
  const [, name = '', keyHash = '', key = ''] =
    /^([^+]+)\+([0-9a-f]{8})\+(.+)$/.exec(verifierKey.trim()) ?? [];
  const split = note.indexOf('\n\n');
  const body = note.slice(0, split + 1);
  const raw = Buffer.from(key, 'base64');
  expect(raw[0]).toBe(1);
  expect(
    sha256(Buffer.from(`${name}\n`), raw)
      .subarray(0, 4)
      .toString('hex'),
  ).toBe(keyHash);
  const signature = new RegExp(
    `^— ${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} (\\S+)$`,
    'm',
  ).exec(note.slice(split + 2))?.[1];
  const blob = Buffer.from(signature ?? '', 'base64');
  expect(blob.subarray(0, 4).toString('hex')).toBe(keyHash);
  const publicKey = createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: raw.subarray(1).toString('base64url') },
    format: 'jwk',
  });
  expect(verify(null, Buffer.from(body), publicKey, blob.subarray(4))).toBe(true);
  const [origin = '', size = '', root = ''] = body.split('\n');
  return { origin, treeSize: Number(size), root: Buffer.from(root, 'base64') };
}

// ---- The test --------------------------------------------------------------------------------

/** The upstream: answers /api/status/NNN with that status, anything else with 200 and JSON. */
function startUpstream(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const status = /^\/api\/status\/(\d{3})/.exec(req.url ?? '')?.[1];
    res.writeHead(status === undefined ? 200 : Number(status), {
      'content-type': 'application/json',
    });
    res.end(JSON.stringify({ url: req.url, client: req.headers['x-padu-client'] }));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`,
        close: () => new Promise((r) => server.close(() => r())),
      }),
    ),
  );
}

describe.skipIf(!hasChromium)('exchange console in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let upstream: Awaited<ReturnType<typeof startUpstream>>;
  let consumer: { id: number; clientId: string; clientSecret: string };
  let gatewayPath: string;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    upstream = await startUpstream();
    await fs.mkdir(ARTIFACTS, { recursive: true });
    const { exchange, accounts } = server.database.services;
    const provider = await exchange.addSystem({ agencyCode: '34.04', name: 'SIAK Sleman' }, 'test');
    const satusehat = await exchange.addSystem(
      { agencyCode: 'P.KEMENKES', name: 'SATUSEHAT' },
      'test',
    );
    consumer = {
      id: satusehat.system.id,
      clientId: satusehat.system.clientId,
      clientSecret: satusehat.clientSecret,
    };
    const { path: servicePath } = await exchange.addService(
      {
        systemId: provider.system.id,
        name: 'Data Penduduk',
        description: 'Data kependudukan Kabupaten Sleman menurut NIK',
        version: '1.2',
        upstreamUrl: upstream.url,
        openapi: OPENAPI,
      },
      'test',
    );
    gatewayPath = servicePath;
    // A second service, so that the catalog's search has something to leave out.
    await exchange.addService(
      { systemId: provider.system.id, name: 'Izin Usaha', upstreamUrl: upstream.url },
      'test',
    );
    await accounts.createAccount(
      {
        username: 'exchange.admin',
        password: 'exchange-test-password',
        role: 'platform_admin',
        agencyCode: null,
      },
      'test',
    );
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await upstream?.close();
  });

  const screenshot = (page: Page, name: string) =>
    page.screenshot({ path: path.join(ARTIFACTS, `exchange-${name}.png`), fullPage: true });

  it('lets an official find a service, grant access, follow the calls and download a proof that verifies', async () => {
    const page = await browser.newPage();
    await logIn(page, server.url, 'exchange.admin', 'exchange-test-password');

    // The service catalog: search, then the service's page with its OpenAPI operations.
    await page.getByRole('link', { name: 'Pertukaran Data' }).click();
    await expect
      .poll(() => page.getByTestId('service-count').textContent(), POLL)
      .toBe('2 layanan');
    await page.getByLabel('Cari layanan').fill('penduduk');
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('service-count').textContent(), POLL)
      .toBe('1 layanan');
    const row = page.getByTestId('service-table').locator('tbody tr');
    expect(await row.textContent()).toContain('/x/34.04/siak-sleman/data-penduduk');
    expect(await row.textContent()).toContain('SIAK Sleman');
    await screenshot(page, 'catalog');
    await row.getByRole('link', { name: 'Data Penduduk' }).click();
    const operations = page.getByTestId('operation-table').locator('tbody tr');
    await expect.poll(() => operations.count(), POLL).toBe(2);
    expect(await operations.first().textContent()).toContain('Cari penduduk');

    // Access: SATUSEHAT asks for it, the provider grants it for GET only.
    await page.getByRole('link', { name: 'Permintaan & izin akses' }).click();
    const system = page.getByLabel('Sistem saya');
    await expect.poll(() => system.locator('option').count(), POLL).toBe(3);
    await system.selectOption({ label: 'P.KEMENKES · SATUSEHAT' });
    const service = page.getByTestId('request-form').getByLabel('Layanan');
    await expect.poll(() => service.locator('option').count(), POLL).toBe(3);
    await service.selectOption({ label: 'Data Penduduk (34.04 · SIAK Sleman)' });
    await page.getByRole('button', { name: 'Kirim permintaan' }).click();
    await expect
      .poll(() => page.getByTestId('grant-outcome').textContent(), POLL)
      .toMatch(/^Permintaan #(\d+) terkirim/);
    const grantId = /#(\d+)/.exec(
      (await page.getByTestId('grant-outcome').textContent()) ?? '',
    )?.[1];
    await page.getByRole('button', { name: `Putuskan permintaan #${grantId}` }).click();
    const decision = page.getByTestId('decision-form');
    await expect.poll(() => decision.isVisible(), POLL).toBe(true);
    await decision.getByLabel('GET').check();
    await decision.getByLabel('Batas panggilan per detik').fill('50');
    await decision.getByRole('button', { name: 'Setujui' }).click();
    await expect
      .poll(() => page.getByTestId('grant-outcome').textContent(), POLL)
      .toBe(`Permintaan #${grantId} disetujui.`);
    await expect
      .poll(() => page.getByTestId('grant-table').locator('tbody tr').first().textContent(), POLL)
      .toMatch(/Diizinkan.*GET.*50 panggilan\/detik/);
    await screenshot(page, 'grants');
    expect(
      await server.database.services.exchange.liveGrant(
        (await server.database.services.exchange.listServices('Data Penduduk'))[0]?.id ?? 0,
        consumer.id,
      ),
    ).toMatchObject({ methods: ['GET'], rateLimit: 50 });

    // Calls through the gateway with a client-credentials token.
    const token = await accessToken(server.url, consumer.clientId, consumer.clientSecret);
    const calls: { subject: string | null; path: string }[] = [
      { subject: NIK_A, path: `/penduduk/${NIK_A}` },
      { subject: NIK_B, path: `/penduduk/${NIK_B}` },
      { subject: NIK_A, path: `/penduduk/${NIK_A}?lengkap=1` },
      { subject: null, path: '/status/404' },
      { subject: NIK_A, path: `/penduduk/${NIK_A}` },
    ];
    const requestIds: string[] = [];
    for (const call of calls) {
      const response = await fetch(`${server.url}${gatewayPath}${call.path}`, {
        headers: {
          authorization: `Bearer ${token}`,
          'x-padu-purpose': 'verifikasi layanan kesehatan',
          ...(call.subject === null ? {} : { 'x-padu-subject': call.subject }),
        },
      });
      await response.text();
      expect(response.status).toBe(call.path === '/status/404' ? 404 : 200);
      requestIds.push(response.headers.get('x-padu-request-id') ?? '');
    }
    // A POST is outside the grant's methods: refused, not forwarded.
    const refused = await fetch(`${server.url}${gatewayPath}/penduduk`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    await refused.text();
    expect(refused.status).toBe(403);
    await server.database.services.exchange.tree.publishCheckpoint();

    // The exchange log shows the calls, newest first.
    await page.getByRole('link', { name: 'Log pertukaran' }).click();
    const logRows = page.getByTestId('log-table').locator('tbody tr');
    await expect.poll(() => logRows.count(), POLL).toBe(calls.length);
    expect(await logRows.first().getAttribute('data-request-id')).toBe(requestIds.at(-1));
    expect(await logRows.nth(1).textContent()).toContain('404');
    await screenshot(page, 'log');

    // Filtered by subject: only the calls about that NIK.
    await page.getByLabel('Subjek (NIK)').fill(NIK_A);
    await page.getByRole('button', { name: 'Terapkan' }).click();
    const aboutA = requestIds.filter((_, i) => calls[i]?.subject === NIK_A).reverse();
    await expect
      .poll(
        async () =>
          Promise.all((await logRows.all()).map((r) => r.getAttribute('data-request-id'))),
        POLL,
      )
      .toEqual(aboutA);
    for (const text of await logRows.allTextContents()) expect(text).toContain(NIK_A);
    await screenshot(page, 'log-subject');

    // The proof of one entry, checked here with node:crypto alone.
    const chosen = aboutA[1] ?? '';
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: `Unduh bukti untuk permintaan ${chosen}` }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`padu-bukti-${chosen}.json`);
    const bundle = JSON.parse(await fs.readFile(await download.path(), 'utf8')) as {
      requestId: string;
      leafIndex: number;
      entry: Record<string, unknown>;
      leaf: string;
      inclusionProof: { leafIndex: number; treeSize: number; hashes: string[] };
      checkpoint: string;
      verifierKey: string;
    };
    await expect
      .poll(() => page.getByTestId('proof-outcome').textContent(), POLL)
      .toContain(`padu-bukti-${chosen}.json`);
    const leaf = Buffer.from(bundle.leaf, 'base64');
    expect(JSON.parse(leaf.toString('utf8'))).toEqual(bundle.entry);
    expect(bundle.entry).toMatchObject({
      requestId: chosen,
      subject: NIK_A,
      consumerAgency: 'P.KEMENKES',
      providerAgency: '34.04',
      purpose: 'verifikasi layanan kesehatan',
    });
    const checkpoint = openCheckpoint(bundle.checkpoint, bundle.verifierKey);
    expect(checkpoint.treeSize).toBe(bundle.inclusionProof.treeSize);
    expect(bundle.inclusionProof.leafIndex).toBe(bundle.leafIndex);
    const root = rootFromInclusionProof(
      bundle.leafIndex,
      checkpoint.treeSize,
      sha256(Buffer.from([0]), leaf),
      bundle.inclusionProof.hashes.map((h) => Buffer.from(h, 'base64')),
    );
    expect(root.toString('base64')).toBe(checkpoint.root.toString('base64'));
    // And a proof for another leaf does not verify this one.
    const altered = Buffer.from(leaf.toString('utf8').replace(NIK_A, NIK_B));
    expect(
      rootFromInclusionProof(
        bundle.leafIndex,
        checkpoint.treeSize,
        sha256(Buffer.from([0]), altered),
        bundle.inclusionProof.hashes.map((h) => Buffer.from(h, 'base64')),
      ).equals(checkpoint.root),
    ).toBe(false);

    // Monitoring: the live chart and the table per service and consumer count the calls.
    await page.getByRole('link', { name: 'Pemantauan' }).click();
    await expect
      .poll(() => page.getByTestId('traffic-chart').getAttribute('data-calls'), POLL)
      .toBe(String(calls.length));
    const stats = page.getByTestId('stats-table').locator('tbody tr');
    await expect.poll(() => stats.count(), POLL).toBe(1);
    const statsText = (await stats.textContent()) ?? '';
    expect(statsText).toContain('34.04/siak-sleman/data-penduduk');
    expect(statsText).toContain('P.KEMENKES/satusehat');
    expect(await stats.locator('td').nth(1).textContent()).toBe(String(calls.length));
    await screenshot(page, 'monitoring');

    // Credentials: a rotated secret is shown once, and it works.
    await page.getByRole('link', { name: 'Sistem & kredensial' }).click();
    await page.getByRole('button', { name: 'Ganti secret SATUSEHAT' }).click();
    const secret = page.getByTestId('secret-value');
    await expect.poll(() => secret.inputValue(), POLL).toMatch(/^padu_cs/);
    expect(
      await accessToken(server.url, consumer.clientId, await secret.inputValue()),
    ).toBeTruthy();
    await screenshot(page, 'systems');

    // In English too.
    await page.getByTestId('lang-toggle').click();
    await expect.poll(() => page.getByRole('link', { name: 'Exchange log' }).count(), POLL).toBe(1);
    await page.close();
  });
});
