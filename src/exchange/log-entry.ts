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

export function encodeEntry(entry: LogEntry): Buffer {
  const sorted = Object.fromEntries(
    Object.entries(entry).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  return Buffer.from(JSON.stringify(sorted), 'utf8');
}

export function leafHash(entryBytes: Buffer): Buffer {
  return createHash('sha256')
    .update(Buffer.from([0]))
    .update(entryBytes)
    .digest();
}
