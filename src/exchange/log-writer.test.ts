import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { encodeEntry, leafHash, type LogEntry } from './log-entry.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

function entry(i: number, subject: string | null): LogEntry {
  return {
    requestId: `writer-test-${i}`,
    timeIn: '2026-11-29T05:00:00.000Z',
    timeOut: '2026-11-29T05:00:00.004Z',
    consumerAgency: 'P.KEMENKES',
    consumerSystem: 'satusehat',
    consumerSystemId: 7,
    providerAgency: '34.04',
    providerSystem: 'siak-sleman',
    service: 'data-penduduk',
    serviceId: 3,
    method: 'GET',
    path: `/penduduk/${i}`,
    status: 200 + (i % 3),
    latencyMs: i,
    requestBytes: 0,
    responseBytes: i * 10,
    requestSha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    responseSha256: 'a'.repeat(64),
    purpose: i % 2 === 0 ? null : `uji "${i}"`,
    subject,
  };
}

describe('exchange log writer', () => {
  it('appends concurrent calls in batches with contiguous leaf indexes and every column as sent', async () => {
    // Subjects as a consumer may send them: quotes, backslashes, braces and commas must survive
    // the array literals the writer builds.
    const subjects = [null, '3404014101900001', 'a"b', 'c\\d', '{e,f}', 'NULL', '', ' spaced '];
    const entries = Array.from({ length: 120 }, (_, i) =>
      entry(i, subjects[i % subjects.length] ?? null),
    );
    const indexes = await Promise.all(entries.map((e) => database.services.exchange.log.append(e)));
    expect([...indexes].sort((a, b) => a - b)).toEqual(entries.map((_, i) => i));

    const { rows } = await database.handle.pool.query<{
      leaf_index: string;
      request_id: string;
      entry: Buffer;
      leaf_hash: Buffer;
      service_id: number;
      consumer_system_id: number;
      status: number;
      subject: string | null;
      latency_ms: number;
    }>('select * from exchange_log order by leaf_index');
    expect(rows).toHaveLength(entries.length);
    entries.forEach((e, i) => {
      const row = rows[indexes[i] ?? -1];
      expect(row?.request_id).toBe(e.requestId);
      expect(row?.entry).toEqual(encodeEntry(e));
      expect(row?.leaf_hash).toEqual(leafHash(encodeEntry(e)));
      expect(row?.subject).toBe(e.subject);
      expect([row?.service_id, row?.consumer_system_id, row?.status, row?.latency_ms]).toEqual([
        e.serviceId,
        e.consumerSystemId,
        e.status,
        e.latencyMs,
      ]);
    });
  });
});
