import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyInclusion } from '../../src/exchange/merkle.ts';
import type { FormSchema } from '../../src/portal/services.data.ts';
import { addToRegister, CitizenClient, testPerson } from '../helpers/citizens.ts';
import { accessToken, publishTestService } from '../helpers/exchange.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let upstream: http.Server;
let upstreamUrl: string;
const kk = '3404071507100001';
const ayah = testPerson(21, {
  name: 'Agus Wibowo',
  birthDate: '1986-04-12',
  sex: 'L',
  familyCardNumber: kk,
});
const ibu = testPerson(22, {
  name: 'Rina Marlina',
  birthDate: '1988-08-20',
  sex: 'P',
  familyCardNumber: kk,
});
const anak = testPerson(23, {
  name: 'Bayu Wibowo',
  birthDate: '2015-01-09',
  sex: 'L',
  familyCardNumber: kk,
});
const tetangga = testPerson(24, { name: 'Tono Sugiarto', birthDate: '1979-11-30', sex: 'L' });
let ayahClient: CitizenClient;
let tetanggaClient: CitizenClient;

interface Detail {
  slug: string;
  deliveredBy: string;
  provider: { agencyCode: string };
  form: FormSchema;
  prefill: { field: string; source: string }[];
}

/** A value for every field the form needs, that the form accepts; prefilled values win. */
function fill(form: FormSchema, given: Record<string, unknown>): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(form.properties)) {
    if (Object.hasOwn(given, name)) {
      data[name] = given[name];
      continue;
    }
    if (!form.required.includes(name)) continue;
    switch (field.type) {
      case 'integer':
        data[name] = field.minimum ?? 1;
        break;
      case 'boolean':
        data[name] = true;
        break;
      case 'array':
        data[name] = [];
        break;
      case 'string':
        if (field.enum !== undefined) data[name] = field.enum[0];
        else if (field.format === 'date') data[name] = '2026-11-01';
        else if (field.format === 'email') data[name] = 'warga@example.id';
        else if (field.pattern === '^[0-9]{16}$') data[name] = '3404071507100099';
        else if (field.pattern !== undefined)
          throw new Error(`no sample for ${name}: ${field.pattern}`);
        else
          data[name] = 'Contoh isian'.padEnd(field.minLength ?? 0, '.').slice(0, field.maxLength);
        break;
    }
  }
  return data;
}

beforeAll(async () => {
  upstream = http.createServer((_request, response) => response.end('{"ok":true}'));
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/`;
  server = await startTestServer({ identity: { attemptsPerMinute: 1000 } });
  await addToRegister(server.database.services, [ayah, ibu, anak, tetangga]);
  ayahClient = new CitizenClient(server.url);
  await ayahClient.register(ayah);
  tetanggaClient = new CitizenClient(server.url);
  await tetanggaClient.register(tetangga);
});
afterAll(async () => {
  await server?.close();
  upstream?.close();
});

describe('the public service catalog', () => {
  it('lists at least 40 services with real provider agencies, by category and life event', async () => {
    const all = await ayahClient.request<{
      items: { slug: string; provider: { agencyName: string } }[];
      total: number;
    }>('GET', '/api/v1/portal/services');
    expect(all.body.total).toBeGreaterThanOrEqual(40);
    expect(
      all.body.items.every(
        (s) => s.provider.agencyName !== '' && !s.provider.agencyName.startsWith('P.'),
      ),
    ).toBe(true);
    const categories = await ayahClient.request<{ lifeEvents: { code: string; count: number }[] }>(
      'GET',
      '/api/v1/portal/categories',
    );
    const baby = categories.body.lifeEvents.find((e) => e.code === 'kelahiran')!;
    expect(baby.count).toBeGreaterThan(0);
    const byEvent = await ayahClient.request<{ total: number; items: { lifeEvents: string[] }[] }>(
      'GET',
      '/api/v1/portal/services?lifeEvent=kelahiran',
    );
    expect(byEvent.body.total).toBe(baby.count);
    expect(byEvent.body.items.every((s) => s.lifeEvents.includes('kelahiran'))).toBe(true);
  });

  it('finds services despite typos and variant spellings, in Indonesian and English', async () => {
    const first = async (search: string) =>
      (
        await ayahClient.request<{ items: { slug: string }[] }>(
          'GET',
          `/api/v1/portal/services?search=${encodeURIComponent(search)}`,
        )
      ).body.items[0]?.slug;
    expect(await first('akta kelahiran')).toBe('akta-kelahiran');
    expect(await first('akte kelahran')).toBe('akta-kelahiran');
    expect(await first('birth certificate')).toBe('akta-kelahiran');
    expect(await first('pasport')).toMatch(/paspor/);
    expect(await first('skck')).toMatch(/skck/);
    const none = await ayahClient.request<{ total: number }>(
      'GET',
      '/api/v1/portal/services?search=qwertyuiop',
    );
    expect(none.body.total).toBe(0);
    const bad = await ayahClient.request('GET', '/api/v1/portal/services?category=nope');
    expect(bad.status).toBe(400);
  });
});

describe('an application from consent to completion', () => {
  let detail: Detail;
  let reference: string;

  it('shows what prefilling would share, and with whom, before any value', async () => {
    detail = (await ayahClient.request<Detail>('GET', '/api/v1/portal/services/akta-kelahiran'))
      .body;
    expect(detail.prefill.length).toBeGreaterThan(0);
    const anonymous = await new CitizenClient(server.url).request(
      'GET',
      '/api/v1/portal/services/akta-kelahiran/prefill',
    );
    expect(anonymous.status).toBe(401);
    const preview = await ayahClient.request<{
      recipient: { agencyCode: string; agencyName: string };
      fields: { field: string; label: string }[];
    }>('GET', '/api/v1/portal/services/akta-kelahiran/prefill');
    expect(preview.status).toBe(200);
    const expected =
      detail.deliveredBy === 'national'
        ? detail.provider.agencyCode
        : detail.deliveredBy === 'province'
          ? '34'
          : '34.04';
    expect(preview.body.recipient.agencyCode).toBe(expected);
    expect(preview.body.fields.map((f) => f.field).sort()).toEqual(
      detail.prefill.map((p) => p.field).sort(),
    );
    expect(JSON.stringify(preview.body)).not.toContain(ayah.nik);
  });

  it('prefills exactly the consented fields from the register', async () => {
    const chosen = detail.prefill.map((p) => p.field);
    const consent = await ayahClient.request<{
      consentId: number;
      values: Record<string, unknown>;
    }>('POST', '/api/v1/portal/services/akta-kelahiran/consent', { fields: chosen });
    expect(consent.status).toBe(201);
    const sources: Record<string, unknown> = {
      nik: ayah.nik,
      name: ayah.name,
      birthDate: ayah.birthDate,
      sex: ayah.sex,
      familyCardNumber: kk,
      motherName: ayah.motherName,
      villageCode: ayah.villageCode,
    };
    for (const { field, source } of detail.prefill) {
      if (source === 'address') expect(consent.body.values[field]).toMatch(/SLEMAN/i);
      else if (source === 'familyMembers')
        expect(consent.body.values[field]).toEqual([
          { nik: ibu.nik, name: ibu.name, sex: 'P', birthDate: ibu.birthDate },
          { nik: anak.nik, name: anak.name, sex: 'L', birthDate: anak.birthDate },
        ]);
      else expect(consent.body.values[field]).toBe(sources[source]);
    }
    const unknownField = await ayahClient.request(
      'POST',
      '/api/v1/portal/services/akta-kelahiran/consent',
      {
        fields: ['gajiBulanan'],
      },
    );
    expect(unknownField.status).toBe(400);

    // An incomplete form is refused field by field, and nothing is stored.
    const incomplete = await ayahClient.request('POST', '/api/v1/portal/applications', {
      service: 'akta-kelahiran',
      data: { tidakAda: 1 },
      consentId: consent.body.consentId,
    });
    expect(incomplete.status).toBe(400);
    const fields = incomplete.body.error.details.map((d) => d.field);
    expect(fields).toContain('/data/tidakAda');
    expect(fields).toEqual(expect.arrayContaining(detail.form.required.map((r) => `/data/${r}`)));
    expect(
      (await ayahClient.request<{ items: unknown[] }>('GET', '/api/v1/portal/applications')).body
        .items,
    ).toEqual([]);

    // Another citizen cannot use this consent.
    const stolen = await tetanggaClient.request('POST', '/api/v1/portal/applications', {
      service: 'akta-kelahiran',
      data: fill(detail.form, consent.body.values),
      consentId: consent.body.consentId,
    });
    expect(stolen.status).toBe(400);

    const submitted = await ayahClient.request<{
      reference: string;
      status: string;
      prefilledFields: string[];
      timeline: unknown[];
    }>('POST', '/api/v1/portal/applications', {
      service: 'akta-kelahiran',
      data: fill(detail.form, consent.body.values),
      consentId: consent.body.consentId,
    });
    expect(submitted.status).toBe(201);
    expect(submitted.body.status).toBe('submitted');
    expect(submitted.body.prefilledFields.sort()).toEqual(chosen.sort());
    expect(submitted.body.timeline).toHaveLength(1);
    reference = submitted.body.reference;
    expect(reference).toMatch(/^PDU-\d{8}-[0-9A-Z]{6}$/);

    // A consented field whose value is not the register's is the citizen's, not Dukcapil's.
    const [changed, ...kept] = chosen;
    const forged = await ayahClient.request<{ reference: string; prefilledFields: string[] }>(
      'POST',
      '/api/v1/portal/applications',
      {
        service: 'akta-kelahiran',
        data: fill(detail.form, { ...consent.body.values, [changed!]: '3404070101010001' }),
        consentId: consent.body.consentId,
      },
    );
    expect(forged.status).toBe(201);
    expect(forged.body.prefilledFields.sort()).toEqual(kept.sort());
  });

  it('keeps an application from other citizens and other agencies', async () => {
    expect(
      (await tetanggaClient.request('GET', `/api/v1/portal/applications/${reference}`)).status,
    ).toBe(404);
    expect(
      (await tetanggaClient.request<{ items: unknown[] }>('GET', '/api/v1/portal/applications'))
        .body.items,
    ).toEqual([]);
    const other = await server.operatorToken('P.KEMENKUM');
    const asOther = await fetch(`${server.url}/api/v1/portal/queue/${reference}`, {
      headers: { authorization: `Bearer ${other}` },
    });
    expect(asOther.status).toBe(404);
    const otherMove = await fetch(`${server.url}/api/v1/portal/queue/${reference}/status`, {
      method: 'POST',
      headers: { authorization: `Bearer ${other}`, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'verified' }),
    });
    expect(otherMove.status).toBe(404);
    const otherQueue = (await (
      await fetch(`${server.url}/api/v1/portal/queue`, {
        headers: { authorization: `Bearer ${other}` },
      })
    ).json()) as { items: unknown[] };
    expect(otherQueue.items).toEqual([]);
  });

  it('is worked by its agency through the allowed moves, and the citizen sees each step', async () => {
    const agencyCode =
      detail.deliveredBy === 'national'
        ? detail.provider.agencyCode
        : detail.deliveredBy === 'province'
          ? '34'
          : '34.04';
    const operator = await server.operatorToken(agencyCode);
    const move = async (status: string, note?: string) => {
      const response = await fetch(`${server.url}/api/v1/portal/queue/${reference}/status`, {
        method: 'POST',
        headers: { authorization: `Bearer ${operator}`, 'content-type': 'application/json' },
        body: JSON.stringify(note === undefined ? { status } : { status, note }),
      });
      return {
        status: response.status,
        body: (await response.json()) as { status: string; error?: { code: string } },
      };
    };
    const queue = (await (
      await fetch(`${server.url}/api/v1/portal/queue?status=submitted`, {
        headers: { authorization: `Bearer ${operator}` },
      })
    ).json()) as { items: { reference: string; applicant: { nik: string } }[] };
    // Oldest first: this one, then the one with a changed field.
    expect(queue.items).toHaveLength(2);
    expect(queue.items[0]!.reference).toBe(reference);
    expect(queue.items.every((i) => i.applicant.nik === ayah.nik)).toBe(true);

    expect((await move('completed')).status).toBe(409);
    expect((await move('needs_correction')).status).toBe(400);
    expect(
      (await move('needs_correction', 'Lampirkan surat keterangan lahir dari bidan.')).body.status,
    ).toBe('needs_correction');
    const corrected = await ayahClient.request<{ status: string }>(
      'POST',
      `/api/v1/portal/applications/${reference}/resubmit`,
      {
        data: fill(detail.form, {}),
      },
    );
    expect(corrected.body.status).toBe('submitted');
    expect((await move('verified')).body.status).toBe('verified');
    expect((await move('in_process')).body.status).toBe('in_process');
    expect((await move('completed')).body.status).toBe('completed');
    expect((await move('rejected', 'terlambat')).status).toBe(409);

    const seen = await ayahClient.request<{
      status: string;
      timeline: { status: string; by: string; note: string | null }[];
    }>('GET', `/api/v1/portal/applications/${reference}`);
    expect(seen.body.status).toBe('completed');
    expect(seen.body.timeline.map((t) => t.status)).toEqual([
      'submitted',
      'needs_correction',
      'submitted',
      'verified',
      'in_process',
      'completed',
    ]);
    expect(seen.body.timeline[1]).toMatchObject({
      by: 'operator',
      note: 'Lampirkan surat keterangan lahir dari bidan.',
    });

    const notes = await ayahClient.request<{
      items: { id: number; message: string; read: boolean }[];
      unread: number;
    }>('GET', '/api/v1/portal/notifications');
    // Two submissions, then four moves of the first.
    expect(notes.body.unread).toBe(6);
    expect(notes.body.items[0]!.message).toContain('selesai');
    await ayahClient.request('POST', '/api/v1/portal/notifications/read', {
      ids: notes.body.items.map((n) => n.id),
    });
    expect(
      (await ayahClient.request<{ unread: number }>('GET', '/api/v1/portal/notifications')).body
        .unread,
    ).toBe(0);
    // The other citizen's notifications stay theirs.
    expect(
      (await tetanggaClient.request<{ items: unknown[] }>('GET', '/api/v1/portal/notifications'))
        .body.items,
    ).toEqual([]);
  });
});

describe('who accessed my data', () => {
  it('lists each exchange about the citizen with a proof that the log holds it', async () => {
    const { exchange } = server.database.services;
    const published = await publishTestService(exchange, upstreamUrl, 100_000, {
      personalData: true,
    });
    const token = await accessToken(server.url, published.clientId, published.clientSecret);
    // A service holding personal data refuses a call that does not say whose data and why.
    const incomplete: Record<string, string>[] = [
      {},
      { 'x-padu-subject': ayah.nik },
      { 'x-padu-purpose': 'Verifikasi' },
      { 'x-padu-subject': '12345', 'x-padu-purpose': 'Verifikasi' },
      { 'x-padu-subject': ayah.nik, 'x-padu-purpose': '  ' },
    ];
    for (const headers of incomplete) {
      const refused = await fetch(`${server.url}${published.path}/penduduk`, {
        headers: { authorization: `Bearer ${token}`, ...headers },
      });
      expect(refused.status, JSON.stringify(headers)).toBe(400);
      expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(
        /X-Padu-Subject/,
      );
    }
    const call = (subject: string, purpose: string) =>
      fetch(`${server.url}${published.path}/penduduk`, {
        headers: {
          authorization: `Bearer ${token}`,
          'x-padu-subject': subject,
          'x-padu-purpose': purpose,
        },
      }).then((r) => r.text());
    await call(ayah.nik, 'Verifikasi kepesertaan JKN');
    await call(tetangga.nik, 'Verifikasi kepesertaan JKN');
    await call(ayah.nik, 'Pemutakhiran data faskes');

    const seen = await ayahClient.request<{
      items: {
        consumer: { agencyCode: string; agencyName: string };
        provider: { service: string };
        purpose: string;
        proof: {
          leafIndex: number;
          treeSize: number;
          leafHash: string;
          auditPath: string[];
          rootHash: string;
          checkpoint: string;
        };
      }[];
    }>('GET', '/api/v1/portal/data-access');
    expect(seen.status).toBe(200);
    expect(seen.body.items.map((i) => i.purpose)).toEqual([
      'Pemutakhiran data faskes',
      'Verifikasi kepesertaan JKN',
    ]);
    for (const item of seen.body.items) {
      expect(item.consumer).toMatchObject({
        agencyCode: 'P.KEMENKES',
        agencyName: 'Kementerian Kesehatan',
      });
      expect(item.provider.service).toBe('data-penduduk');
      const { proof } = item;
      expect(proof.checkpoint).toContain(`\n${proof.treeSize}\n${proof.rootHash}\n`);
      const ok = verifyInclusion(
        Buffer.from(proof.leafHash, 'base64'),
        proof.leafIndex,
        proof.treeSize,
        proof.auditPath.map((h) => Buffer.from(h, 'base64')),
        Buffer.from(proof.rootHash, 'base64'),
      );
      expect(ok).toBe(true);
      // A changed leaf does not verify.
      const forged = Buffer.from(proof.leafHash, 'base64');
      forged[0] = forged[0]! ^ 1;
      expect(
        verifyInclusion(
          forged,
          proof.leafIndex,
          proof.treeSize,
          proof.auditPath.map((h) => Buffer.from(h, 'base64')),
          Buffer.from(proof.rootHash, 'base64'),
        ),
      ).toBe(false);
    }
    const theirs = await tetanggaClient.request<{ items: { purpose: string }[] }>(
      'GET',
      '/api/v1/portal/data-access',
    );
    expect(theirs.body.items.map((i) => i.purpose)).toEqual(['Verifikasi kepesertaan JKN']);
  });
});
