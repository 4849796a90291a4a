import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encodeEntry, leafHash, type LogEntry } from './log-entry.ts';

const entry: LogEntry = {
  requestId: '0b6f9c1e-3c1b-4a38-9d55-2f1f6c1f0a11',
  timeIn: '2026-11-29T05:00:00.000Z',
  timeOut: '2026-11-29T05:00:00.012Z',
  consumerAgency: 'P.KEMENKES',
  consumerSystem: 'satusehat',
  consumerSystemId: 2,
  providerAgency: '34.04',
  providerSystem: 'siak-sleman',
  service: 'data-penduduk',
  serviceId: 1,
  method: 'GET',
  path: '/penduduk/3404014101900001?lengkap=1',
  status: 200,
  latencyMs: 12,
  requestBytes: 0,
  responseBytes: 64,
  requestSha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  responseSha256: 'a'.repeat(64),
  purpose: 'verifikasi "layanan" kesehatan',
  subject: null,
};

describe('log entry encoding', () => {
  it('is the JSON of every field with keys sorted and no whitespace, and hashes as RFC 6962 leaves', () => {
    // Written from the documented rule, not from the code under test.
    const keys = Object.keys(entry).sort();
    const expected = `{${keys.map((k) => `${JSON.stringify(k)}:${JSON.stringify(entry[k as keyof LogEntry])}`).join(',')}}`;
    expect(encodeEntry(entry).toString('utf8')).toBe(expected);
    expect(expected.startsWith('{"consumerAgency":"P.KEMENKES","consumerSystem":"satusehat"')).toBe(
      true,
    );
    expect(expected).toContain('"subject":null');
    // The same however the object was built.
    const shuffled = Object.fromEntries(Object.entries(entry).reverse()) as unknown as LogEntry;
    expect(encodeEntry(shuffled)).toEqual(encodeEntry(entry));
    // Fields the entry does not define are not written.
    expect(encodeEntry({ ...entry, extra: 1 } as LogEntry)).toEqual(encodeEntry(entry));
    // Text outside ASCII and control characters, escaped as JSON escapes them.
    const odd = { ...entry, purpose: 'cek\u0000 "data" — ✓\n', subject: '3404014101900001' };
    const oddKeys = Object.keys(odd).sort();
    expect(encodeEntry(odd).toString('utf8')).toBe(
      `{${oddKeys.map((k) => `${JSON.stringify(k)}:${JSON.stringify(odd[k as keyof LogEntry])}`).join(',')}}`,
    );
    expect(leafHash(encodeEntry(entry))).toEqual(
      createHash('sha256')
        .update(Buffer.concat([Buffer.from([0]), Buffer.from(expected)]))
        .digest(),
    );
  });
});
