import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempFolder, type TempFolder } from '../../test/helpers/files.ts';
import { startTestServer, type TestServer } from '../../test/helpers/server.ts';

let server: TestServer;
let folder: TempFolder;
let admin: string;
let operator: string;

beforeAll(async () => {
  server = await startTestServer();
  folder = await createTempFolder('padu-catalog-routes-');
  const file = await folder.write(
    'inventory.csv',
    `id,name,acronym,description,agency,agency_level,unit,annual_cost
H1,SIMPEG,SIMPEG,Data kepegawaian ASN,Pemerintah Kabupaten Sleman,kabupaten,BKPSDM,100000000
H2,e-Kepegawaian,,Kenaikan pangkat dan mutasi pegawai,Pemkot Bandung,kota,BKPSDM,50000000
C1,Sambat Online,,Kanal pengaduan masyarakat,Pemkot Malang,kota,Diskominfo,
`,
  );
  await server.database.services.catalog.importCsv(file);
  admin = await server.adminToken();
  operator = await server.operatorToken();
});
afterAll(async () => {
  await server?.close();
  await folder?.remove();
});

function call(path: string, token: string | null, init: RequestInit = {}) {
  return fetch(`${server.url}${path}`, {
    ...init,
    headers: {
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
  });
}

describe('catalog API', () => {
  it('lists functions publicly and the inventory to operators, with clusters after a run', async () => {
    const functions = (await (await call('/api/v1/catalog/functions', null)).json()) as {
      code: string;
    }[];
    expect(functions.map((f) => f.code)).toContain('hr-personnel');
    expect((await call('/api/v1/catalog/applications', null)).status).toBe(401);

    const run = await call('/api/v1/catalog/clusters/run', admin, { method: 'POST' });
    expect(run.status).toBe(200);
    expect(await run.json()).toMatchObject({ applications: 3 });

    const page = (await (
      await call('/api/v1/catalog/applications?function=hr-personnel', operator)
    ).json()) as { total: number; items: { id: number; sourceId: string; clusterId: string }[] };
    expect(page.total).toBe(2);
    expect(page.items.map((a) => a.sourceId).sort()).toEqual(['H1', 'H2']);

    const clusters = (await (await call('/api/v1/catalog/clusters', operator)).json()) as {
      clusterId: string;
      applications: number;
      annualCost: number;
    }[];
    expect(clusters[0]).toMatchObject({
      clusterId: 'hr-personnel',
      applications: 2,
      annualCost: 150_000_000,
    });
  });

  it('lets platform admins decide, and shows the decision on the application', async () => {
    const search = (await (
      await call('/api/v1/catalog/applications?search=sambat', operator)
    ).json()) as { items: { id: number }[] };
    const id = search.items[0]?.id ?? 0;
    const body = JSON.stringify({
      applicationIds: [id],
      kind: 'confirm',
      functionCode: 'complaints',
    });
    expect(
      (await call('/api/v1/catalog/decisions', operator, { method: 'POST', body })).status,
    ).toBe(403);
    const decided = await call('/api/v1/catalog/decisions', admin, { method: 'POST', body });
    expect(decided.status).toBe(200);
    expect(await decided.json()).toMatchObject({ decided: 1 });
    const app = (await (await call(`/api/v1/catalog/applications/${id}`, operator)).json()) as {
      decided: boolean;
      evidence: { decision: string };
      decisions: { kind: string; decidedBy: string }[];
    };
    expect(app.decided).toBe(true);
    expect(app.evidence.decision).toBe('confirm');
    expect(app.decisions[0]).toMatchObject({ kind: 'confirm', decidedBy: 'token:test-admin' });
  });

  it('rejects bad decisions with a reason', async () => {
    const unknownKind = await call('/api/v1/catalog/decisions', admin, {
      method: 'POST',
      body: JSON.stringify({ applicationIds: [1], kind: 'merge' }),
    });
    expect(unknownKind.status).toBe(400);
    const missing = await call('/api/v1/catalog/decisions', admin, {
      method: 'POST',
      body: JSON.stringify({ applicationIds: [987654], kind: 'move', functionCode: 'complaints' }),
    });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toMatch(
      /987654/,
    );
    expect((await call('/api/v1/catalog/applications/987654', operator)).status).toBe(404);
  });

  it('lets an operator change only their own agency’s applications', async () => {
    const page = (await (
      await call('/api/v1/catalog/applications?search=SIMPEG', operator)
    ).json()) as {
      items: { id: number; agencyCode: string }[];
    };
    const simpeg = page.items[0];
    expect(simpeg?.agencyCode).toBe('34.04');
    const patch = (body: unknown, id = simpeg?.id ?? 0, token = operator) =>
      call(`/api/v1/catalog/applications/${id}`, token, {
        method: 'PATCH',
        body: JSON.stringify(body),
      });
    const changed = await patch({ status: 'development', annualCost: 75_000_000, hosting: 'PDN' });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({
      status: 'development',
      annualCost: 75_000_000,
      hosting: 'PDN',
    });
    expect((await patch({})).status).toBe(400);
    expect((await patch({ annualCost: '75 juta' })).status).toBe(400);
    expect((await patch({ colour: 'blue' })).status).toBe(400);
    const bandung = (await (
      await call('/api/v1/catalog/applications?search=Kepegawaian', operator)
    ).json()) as {
      items: { id: number; agencyCode: string }[];
    };
    const other = bandung.items.find((a) => a.agencyCode !== '34.04');
    const refused = await patch({ status: 'retired' }, other?.id);
    expect(refused.status).toBe(403);
    expect((await patch({ status: 'retired' }, other?.id, admin)).status).toBe(200);
  });

  it('lets admins add a function to the taxonomy, which the next run uses', async () => {
    const body = {
      name: 'Pemakaman',
      nameEn: 'Cemeteries',
      sharedApplication: null,
      keywords: ['makam', 'pemakaman', 'TPU'],
    };
    const put = (code: string, token: string, payload: unknown = body) =>
      call(`/api/v1/catalog/functions/${code}`, token, {
        method: 'PUT',
        body: JSON.stringify(payload),
      });
    expect((await put('cemetery-management', operator)).status).toBe(403);
    expect((await put('Bad Code', admin)).status).toBe(400);
    expect(
      (await put('cemetery-management', admin, { ...body, sharedApplication: 'nope' })).status,
    ).toBe(400);
    const created = await put('cemetery-management', admin);
    expect(created.status).toBe(200);
    expect(await created.json()).toEqual({ code: 'cemetery-management', created: true });
    const again = await put('cemetery-management', admin);
    expect(await again.json()).toEqual({ code: 'cemetery-management', created: false });

    const file = await folder.write(
      'graves.csv',
      `id,name,acronym,description,agency,agency_level\nG1,e-Makam,,Pendataan makam di TPU,Pemkot Malang,kota\n`,
    );
    await server.database.services.catalog.importCsv(file);
    await call('/api/v1/catalog/clusters/run', admin, { method: 'POST' });
    const page = (await (
      await call('/api/v1/catalog/applications?search=e-Makam', operator)
    ).json()) as {
      items: { functionCode: string }[];
    };
    expect(page.items[0]?.functionCode).toBe('cemetery-management');
    // A start-up's seeding keeps the admin's function as it is.
    await server.database.services.catalog.seedTaxonomy();
    const functions = (await (await call('/api/v1/catalog/functions', null)).json()) as {
      code: string;
      keywords: string[];
    }[];
    expect(functions.find((f) => f.code === 'cemetery-management')?.keywords).toEqual([
      'makam',
      'pemakaman',
      'tpu',
    ]);
  });

  it('lets operators add applications to their own agency, and admins shared applications', async () => {
    const post = (body: unknown, token = operator) =>
      call('/api/v1/catalog/applications', token, { method: 'POST', body: JSON.stringify(body) });
    const created = await post({
      sourceId: 'N1',
      name: 'e-Presensi Sleman',
      description: 'Presensi pegawai',
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({
      agencyCode: '34.04',
      sourceId: 'N1',
      status: 'active',
      clusterId: null,
    });
    expect((await post({ sourceId: 'N1', name: 'Again' })).status).toBe(409);
    expect((await post({ sourceId: 'N2', name: 'Elsewhere', agencyCode: '32.73' })).status).toBe(
      403,
    );
    expect(
      (await post({ sourceId: 'N2', name: 'Nowhere', agencyCode: 'P.NOPE' }, admin)).status,
    ).toBe(400);
    expect((await post({ name: 'No id' })).status).toBe(400);

    const shared = await call('/api/v1/catalog/shared-applications/simpus-nasional', admin, {
      method: 'PUT',
      body: JSON.stringify({
        name: 'SIMPUS Nasional',
        fullName: 'Sistem Informasi Manajemen Puskesmas Nasional',
        descriptionEn: 'Primary health care records',
        ownerAgencyCode: 'P.KEMENKES',
      }),
    });
    expect(shared.status).toBe(200);
    expect(await shared.json()).toEqual({ code: 'simpus-nasional', created: true });
  });

  it('downloads the plan as CSV and XLSX', async () => {
    const csv = await call('/api/v1/catalog/plan/export', operator);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const text = await csv.text();
    expect(text.split('\n')[0]).toBe(
      'external_id,name,agency_code,agency,function,cluster_id,status,decision,target_shared_application,deadline,completed_on,annual_cost,note',
    );
    const xlsx = await call('/api/v1/catalog/plan/export?format=xlsx', operator);
    expect(xlsx.status).toBe(200);
    const bytes = Buffer.from(await xlsx.arrayBuffer());
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect((await call('/api/v1/catalog/plan/export?format=pdf', operator)).status).toBe(400);
  });
});
