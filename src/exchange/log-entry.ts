import { createHash } from 'node:crypto';

/**
 * One exchange log entry and its canonical encoding, the exact bytes a leaf hashes:
 * UTF-8 JSON of the fields below with keys in lexicographic order and no whitespace (for values
 * that are only strings, integers and nulls this is RFC 8785's JSON Canonicalization Scheme), so
 * that anyone can re-encode an entry and recompute its leaf hash with a few lines of code.
 * Leaf hash (RFC 6962): SHA-256(0x00 || entry bytes).
 */
export interface LogEntry {
  /** X-Padu-Request-Id */
  requestId: string;
  /** When the gateway received the call and when it finished answering (ISO 8601, ms, UTC). */
  timeIn: string;
  timeOut: string;
  consumerAgency: string;
  consumerSystem: string;
  consumerSystemId: number;
  providerAgency: string;
  providerSystem: string;
  service: string;
  serviceId: number;
  method: string;
  /** The path below the service prefix, with the query string. */
  path: string;
  status: number;
  latencyMs: number;
  requestBytes: number;
  responseBytes: number;
  /** Hex SHA-256 of the request and response bodies as they passed through the gateway. */
  requestSha256: string;
  responseSha256: string;
  /** X-Padu-Purpose and X-Padu-Subject (a NIK) as the consumer sent them, or null. */
  purpose: string | null;
  subject: string | null;
}

/** Every field of an entry, checked complete by the compiler; encoded in sorted order. */
const FIELDS: Record<keyof LogEntry, true> = {
  requestId: true,
  timeIn: true,
  timeOut: true,
  consumerAgency: true,
  consumerSystem: true,
  consumerSystemId: true,
  providerAgency: true,
  providerSystem: true,
  service: true,
  serviceId: true,
  method: true,
  path: true,
  status: true,
  latencyMs: true,
  requestBytes: true,
  responseBytes: true,
  requestSha256: true,
  responseSha256: true,
  purpose: true,
  subject: true,
};
const SORTED_FIELDS = Object.keys(FIELDS).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

export function encodeEntry(entry: LogEntry): Buffer {
  // With an array of keys, JSON.stringify writes exactly those, in that order.
  return Buffer.from(JSON.stringify(entry, SORTED_FIELDS), 'utf8');
}

export function leafHash(entryBytes: Buffer): Buffer {
  return createHash('sha256')
    .update(Buffer.from([0]))
    .update(entryBytes)
    .digest();
}
